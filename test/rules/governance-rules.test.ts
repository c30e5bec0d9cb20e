import { testRule } from "./rule-tester.js";
import { environmentTables } from "./tables/governance-environments.js";

for (const table of environmentTables) testRule(table);
