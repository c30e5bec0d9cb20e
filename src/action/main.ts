import { runAction } from "./run.js";

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stdout.write(`::error title=planguard::${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
