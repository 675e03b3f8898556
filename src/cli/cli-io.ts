/** The streams and environment a CLI run uses; tests pass their own, the binary passes the process's. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: 0 done; 1 the work failed (invalid course, damaged file); 2 the command was used wrongly. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
