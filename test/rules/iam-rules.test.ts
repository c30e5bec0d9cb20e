import { testRule } from "./rule-tester.js";
import { iamTables } from "./tables/iam.js";

for (const table of iamTables) testRule(table);
