/** What a shell reports for a process killed by SIGPIPE (128 + 13), as `yes | head` ends: the reader left. */
export const BROKEN_PIPE_EXIT = 141;

/**
 * Ends the process quietly when the reader of its output goes away (`plenum inspect x.plenum | head`): a write
 * to a closed pipe fails with EPIPE, which Node raises as an 'error' event and, unhandled, as a stack trace.
 * Exits as classic tools do when SIGPIPE kills them (status 141), with nothing printed: the output was cut
 * short by the reader, and under `set -o pipefail` a script still learns that this command did not finish.
 * Any other stream error is rethrown, so it is not hidden.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.EventEmitter, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      exit(BROKEN_PIPE_EXIT);
      return;
    }
    throw error;
  });
}
