import { testRule } from "./rule-tester.js";
import { gpuTables } from "./tables/gpu.js";

for (const table of gpuTables) testRule(table);
