import { testRule } from "./rule-tester.js";
import { cloudTables } from "./tables/governance-clouds.js";
import { environmentTables } from "./tables/governance-environments.js";

for (const table of [...environmentTables, ...cloudTables]) testRule(table);
