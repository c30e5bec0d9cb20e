import { tuneV8ForShortRuns } from "../cli/v8-tuning.js";
import { writeWorkflowCommands } from "../cli/workflow-guard.js";
import { escapeData } from "../report/github.js";
import { runAction } from "./run.js";

tuneV8ForShortRuns();

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // The message is data (it may quote a path or a plan key): escaped, it cannot end the annotation's line.
    writeWorkflowCommands(`::error title=planguard::${escapeData(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 2;
  },
);
