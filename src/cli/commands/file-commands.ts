import { resolve } from 'node:path';
import { describeCourseFileProblem } from '../../common/course-file/describe-problem';
import type { Translate } from '../../common/i18n/translator';
import {
  addPassword,
  CourseFileError,
  openCourseFile,
  removePassword,
  scryptCostFromEnv,
  summariseSlots,
  unlockCourseFile,
} from '../../node/course-file';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';
import { formatBytes } from '../format-bytes';
import { collectPassword } from '../password-input';
import { createProgressReporter } from '../progress-reporter';
import { terminalSafe } from '../terminal-safe';

/** Runs a course-file operation, turning its typed problems into a message and exit code 1. */
async function withCourseFile<T>(t: Translate, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof CourseFileError)
      throw new CliFailure(describeCourseFileProblem(error.problem, t), EXIT.failed);
    throw error;
  }
}

/** `plenum inspect <file>`: the public header, no password needed. */
export async function inspectCommand(
  file: string,
  options: { json: boolean },
  io: CliIo,
  t: Translate,
): Promise<number> {
  const path = resolve(io.cwd, file);
  const locked = await withCourseFile(t, () => openCourseFile(path));
  const { header } = locked;
  await locked.close();
  const slots = summariseSlots(header.slots);
  if (options.json) {
    const { course, format, createdAt, createdBy, chunkSize, fileSize } = header;
    const json = JSON.stringify(
      { format, course, createdAt, createdBy, chunkSize, fileSize, slots },
      null,
      2,
    );
    // Line by line: the newlines between fields are JSON's own; any inside a string are escaped already.
    io.stdout.write(`${json.split('\n').map(terminalSafe).join('\n')}\n`);
    return EXIT.ok;
  }
  const lines = [
    `${t('cli:inspect.file')}: ${file}`,
    `${t('cli:inspect.course')}: ${header.course.title} (${header.course.id}, ${header.course.language})`,
    `${t('cli:inspect.format')}: ${header.format}`,
    `${t('cli:inspect.created')}: ${header.createdAt} (${header.createdBy})`,
    `${t('cli:inspect.size')}: ${formatBytes(header.fileSize)}`,
    `${t('cli:inspect.chunk')}: ${formatBytes(header.chunkSize)}`,
    `${t('cli:inspect.slots', { count: slots.length })}:`,
    ...slots.map((slot) => `  ${slot.id}  ${slot.createdAt}  ${slot.kdf}`),
  ];
  // Every string here but the labels comes from the file, which anyone can have written.
  io.stdout.write(`${lines.map(terminalSafe).join('\n')}\n`);
  return EXIT.ok;
}

/** `plenum verify <file>`: unlocks and authenticates every chunk. */
export async function verifyCommand(
  file: string,
  options: { passwordFile?: string; passwordStdin: boolean; quiet: boolean },
  io: CliIo,
  t: Translate,
): Promise<number> {
  const path = resolve(io.cwd, file);
  const password = await collectPassword({ file: options.passwordFile, stdin: options.passwordStdin }, io, t);
  const opened = await withCourseFile(t, () => unlockCourseFile(path, password));
  const progress = createProgressReporter(t('cli:verify.verifying'), io, t, options.quiet);
  try {
    await withCourseFile(t, () => opened.verify((done, total) => progress.update(done, total)));
  } finally {
    progress.stop();
    await opened.close();
  }
  io.stdout.write(`${t('cli:verify.ok', { path: file, entries: opened.entries().length })}\n`);
  return EXIT.ok;
}

/** `plenum passwords add <file>`: adds a key slot, authorised by an existing password. */
export async function passwordsAddCommand(
  file: string,
  options: { passwordFile?: string; passwordStdin: boolean; newPasswordFile?: string },
  io: CliIo,
  t: Translate,
): Promise<number> {
  const path = resolve(io.cwd, file);
  const current = await collectPassword({ file: options.passwordFile, stdin: options.passwordStdin }, io, t);
  const next = await collectPassword({ file: options.newPasswordFile }, io, t, t('cli:password.promptNew'));
  if (next.length === 0) throw new CliFailure(t('cli:password.empty'), EXIT.usage);
  const slot = await withCourseFile(t, () =>
    addPassword(path, current, next, { cost: scryptCostFromEnv(io.env) }),
  );
  io.stdout.write(`${t('cli:passwords.added', { id: slot.id, path: file })}\n`);
  return EXIT.ok;
}

/** `plenum passwords remove <file>`: removes the slot a password opens, or the one with a given id. */
export async function passwordsRemoveCommand(
  file: string,
  options: { passwordFile?: string; passwordStdin: boolean; removePasswordFile?: string; slot?: string },
  io: CliIo,
  t: Translate,
): Promise<number> {
  const path = resolve(io.cwd, file);
  if (!options.slot && !options.removePasswordFile)
    throw new CliFailure(t('cli:passwords.whichOne'), EXIT.usage);
  const authorising = await collectPassword(
    { file: options.passwordFile, stdin: options.passwordStdin },
    io,
    t,
  );
  const which = options.slot
    ? ({ by: 'id', id: options.slot } as const)
    : ({
        by: 'password',
        password: await collectPassword({ file: options.removePasswordFile }, io, t),
      } as const);
  const slot = await withCourseFile(t, () => removePassword(path, authorising, which));
  io.stdout.write(`${t('cli:passwords.removed', { id: slot.id, path: file })}\n`);
  return EXIT.ok;
}
