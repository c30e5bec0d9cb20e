import { testRule } from "./rule-tester.js";
import { networkTables } from "./tables/network.js";

for (const table of networkTables) testRule(table);
