/**
 * Entry of the `review-desk` command (bundled to dist-cli/review-desk.cjs by vite.cli.config.ts).
 * Everything testable lives in run.ts and nodeIo.ts; this file only binds them to the process.
 */
import { escapeForTerminal } from './io';
import { nodeIo } from './nodeIo';
import { run } from './run';

run(process.argv.slice(2), nodeIo).then(
  (code) => {
    // exitCode rather than exit(): lets stdout drain when piped.
    process.exitCode = code;
  },
  (error: unknown) => {
    // run() reports its own errors; this is the last resort, still one line.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`内部错误：${escapeForTerminal(message.split('\n')[0] ?? '')}\n`);
    process.exitCode = 2;
  },
);
