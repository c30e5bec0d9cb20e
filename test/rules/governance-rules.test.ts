import { testRule } from "./rule-tester.js";
import { cloudTables } from "./tables/governance-clouds.js";
import { environmentTables } from "./tables/governance-environments.js";
import { stateTables } from "./tables/governance-state.js";

for (const table of [...environmentTables, ...cloudTables, ...stateTables]) testRule(table);
