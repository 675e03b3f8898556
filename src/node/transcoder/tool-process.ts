import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isProgressLine, parseProgressSeconds } from './ffmpeg-progress';
import { MediaError } from './media-error';

/** How many stderr lines a failure keeps: enough for ffmpeg's cause, which comes last, with some context. */
export const STDERR_TAIL_LINES = 20;

/** Options shared by every ffmpeg/ffprobe run. */
export interface ToolOptions {
  /** Aborting kills the tool; `done` then rejects with MediaError('aborted'). */
  signal?: AbortSignal | undefined;
  /** Called with the encoded position when the tool runs with `-progress pipe:2`. */
  onProgress?: ((seconds: number) => void) | undefined;
}

/** A running ffmpeg or ffprobe: its stdout, its outcome, and a way to stop it. */
export interface ToolRun {
  /** The tool's stdout; reading it slowly slows the tool down (pipe backpressure), so memory stays bounded. */
  readonly stdout: Readable;
  /** Resolves when the tool exits with 0; otherwise rejects with a MediaError carrying the stderr tail. */
  readonly done: Promise<void>;
  /** Kills the tool at once (SIGKILL: after an abort nobody wants ffmpeg to finish writing a trailer). */
  kill(): void;
  /** The last non-progress stderr lines so far. */
  stderrTail(): string[];
}

/**
 * Spawns a media tool with no shell (arguments are never re-parsed, so file names need no quoting),
 * keeping the tail of its stderr for error messages and turning `-progress` lines into onProgress calls.
 */
export function startTool(command: string, args: readonly string[], options: ToolOptions = {}): ToolRun {
  const { signal, onProgress } = options;
  const tail: string[] = [];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const label = toolLabel(command);
  let aborted = false;
  let spawnError: NodeJS.ErrnoException | undefined;

  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onAbort = (): void => {
    aborted = true;
    kill();
  };
  if (signal?.aborted === true) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });

  const lines = createInterface({ input: child.stderr, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const seconds = parseProgressSeconds(line);
    if (seconds !== undefined) onProgress?.(seconds);
    if (isProgressLine(line) || line.trim() === '') return;
    tail.push(line);
    if (tail.length > STDERR_TAIL_LINES) tail.shift();
  });

  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    // 'close' comes after stdio has ended, so the stderr tail is complete; it also follows 'error'.
    child.once('close', (code, killedBy) => {
      signal?.removeEventListener('abort', onAbort);
      if (aborted) {
        reject(new MediaError('aborted', `${label} was stopped`, [...tail]));
      } else if (spawnError !== undefined) {
        const missing = spawnError.code === 'ENOENT' || spawnError.code === 'EACCES';
        reject(
          new MediaError(
            missing ? 'tool-missing' : 'failed',
            `${label} could not start: ${spawnError.message}`,
            [],
            {
              cause: spawnError,
            },
          ),
        );
      } else if (code === 0) {
        resolve();
      } else {
        const how = code === null ? `was killed by ${killedBy ?? 'a signal'}` : `exited with code ${code}`;
        const last = tail.at(-1);
        reject(
          new MediaError('failed', `${label} ${how}${last === undefined ? '' : `: ${last}`}`, [...tail]),
        );
      }
    });
  });
  // Callers that stop early may never await `done`; its rejection must not become an unhandled one.
  done.catch(() => undefined);

  return { stdout: child.stdout, done, kill, stderrTail: () => [...tail] };
}

/** Runs a tool to completion and returns its stdout as text (for ffprobe's JSON); limited to `maxBytes`. */
export async function runTool(
  command: string,
  args: readonly string[],
  options: ToolOptions & { maxBytes?: number } = {},
): Promise<string> {
  return (await runToolForBytes(command, args, options)).toString('utf8');
}

/** Runs a tool to completion and returns its stdout as bytes (for a picture on a pipe); limited to `maxBytes`. */
export async function runToolForBytes(
  command: string,
  args: readonly string[],
  options: ToolOptions & { maxBytes?: number } = {},
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  const run = startTool(command, args, options);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of run.stdout as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        run.kill();
        throw new MediaError('failed', `${toolLabel(command)} wrote more than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    run.kill();
    const exit = await run.done.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    // Our own errors (too much output) stand; otherwise the tool's exit explains more than a stream error.
    throw error instanceof MediaError ? error : (exit ?? error);
  }
  await run.done;
  return Buffer.concat(chunks);
}

function toolLabel(command: string): string {
  return command.split(/[\\/]/).at(-1) ?? command;
}
