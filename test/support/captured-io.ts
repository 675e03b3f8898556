import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io';

/** A CliIo whose output is collected as text and whose standard input is the given text (not a terminal). */
export function capturedIo(cwd: string, stdinText = '', env: NodeJS.ProcessEnv = { PLENUM_LANG: 'en' }) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const io: CliIo = { stdout, stderr, stdin: Readable.from([Buffer.from(stdinText)]), env, cwd };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
