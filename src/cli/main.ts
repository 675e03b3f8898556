import { exitQuietlyOnBrokenPipe } from './broken-pipe';
import { EXIT } from './cli-io';
import { runCli } from './run-cli';

/** The `plenum` binary: runs the CLI on the process's streams; the first Ctrl-C or SIGTERM aborts cleanly, a second exits. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  // SIGTERM (a service manager, a test stopping the host) ends work as cleanly as Ctrl-C does.
  const stop = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.interrupted);
    controller.abort();
  };
  exitQuietlyOnBrokenPipe(process.stdout, (code) => process.exit(code));
  exitQuietlyOnBrokenPipe(process.stderr, (code) => process.exit(code));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      env: process.env,
      cwd: process.cwd(),
    },
    controller.signal,
  );
  process.exitCode = code;
}
