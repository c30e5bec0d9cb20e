import { tuneV8ForShortRuns } from "../cli/v8-tuning.js";
import { runAction } from "./run.js";

tuneV8ForShortRuns();

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stdout.write(`::error title=planguard::${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
