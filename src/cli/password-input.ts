import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Translate } from '../common/i18n/translator';
import { CliFailure } from './cli-failure';
import { EXIT, type CliIo } from './cli-io';

/**
 * Where passwords come from. Never from a command-line argument: those end up in shell history and in
 * every other user's process list.
 */
export interface PasswordSources {
  files: readonly string[];
  stdin: boolean;
}

/** Reads a password file: its first line, without the line break; an empty one is refused. */
export async function readPasswordFile(path: string, io: CliIo, t: Translate): Promise<string> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new CliFailure(t('cli:password.fileUnreadable', { path, code }), EXIT.usage);
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password.length === 0) throw new CliFailure(t('cli:password.fileEmpty', { path }), EXIT.usage);
  return password;
}

/** Reads every non-empty line of standard input as one password each. */
export async function readPasswordsFromStdin(io: CliIo, t: Translate): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const lines = Buffer.concat(chunks)
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  if (lines.length === 0) throw new CliFailure(t('cli:password.stdinEmpty'), EXIT.usage);
  return lines;
}

/**
 * Asks for a password on the terminal without echoing it. Hand-written (a dozen lines over raw mode) rather
 * than a dependency, because the well-kept prompt libraries bring far more than this one need.
 */
export function promptPassword(question: string, io: CliIo, t: Translate): Promise<string> {
  const { stdin } = io;
  if (!stdin.isTTY || !stdin.setRawMode)
    return Promise.reject(new CliFailure(t('cli:password.none'), EXIT.usage));
  io.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolvePassword, reject) => {
    let typed = '';
    const onData = (data: Buffer | string) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          io.stderr.write('\n');
          resolvePassword(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          io.stderr.write('\n');
          reject(new CliFailure(t('cli:interrupted'), EXIT.interrupted));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    const finish = () => {
      stdin.removeListener('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

/** Collects passwords for a new course file: files and stdin as given, else a prompt typed twice. */
export async function collectNewPasswords(
  sources: PasswordSources,
  io: CliIo,
  t: Translate,
): Promise<string[]> {
  const passwords: string[] = [];
  for (const file of sources.files) passwords.push(await readPasswordFile(file, io, t));
  if (sources.stdin) passwords.push(...(await readPasswordsFromStdin(io, t)));
  if (passwords.length > 0) return passwords;
  const first = await promptPassword(t('cli:password.promptNew'), io, t);
  const again = await promptPassword(t('cli:password.promptRepeat'), io, t);
  if (first !== again) throw new CliFailure(t('cli:password.mismatch'), EXIT.usage);
  if (first.length === 0) throw new CliFailure(t('cli:password.empty'), EXIT.usage);
  return [first];
}

/** Gets the one password that opens a file: from a file, stdin's first line, or a prompt. */
export async function collectPassword(
  sources: { file?: string; stdin?: boolean },
  io: CliIo,
  t: Translate,
  question = t('cli:password.prompt'),
): Promise<string> {
  if (sources.file) return readPasswordFile(sources.file, io, t);
  if (sources.stdin) return (await readPasswordsFromStdin(io, t))[0]!;
  return promptPassword(question, io, t);
}
