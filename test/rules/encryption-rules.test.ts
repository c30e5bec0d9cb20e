import { testRule } from "./rule-tester.js";
import { encryptionTables } from "./tables/encryption.js";

for (const table of encryptionTables) testRule(table);
