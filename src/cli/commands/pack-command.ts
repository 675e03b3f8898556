import { resolve } from 'node:path';
import type { Translate } from '../../common/i18n/translator';
import { scryptCostFromEnv } from '../../node/course-file';
import { packCourse } from '../../node/packer/pack-course';
import { PackError } from '../../node/packer/pack-problem';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';
import { describeCourseWarnings, describePackProblem } from '../describe-pack-problem';
import { collectNewPasswords } from '../password-input';
import { createProgressReporter } from '../progress-reporter';
import { formatBytes } from '../format-bytes';

/** The options `plenum pack` takes. */
export interface PackCommandOptions {
  out: string;
  passwordFile: string[];
  passwordStdin: boolean;
  maxHeight: number;
  quiet: boolean;
}

/** `plenum pack <folder>`: validates, transcodes and encrypts a course folder into one course file. */
export async function packCommand(
  folder: string,
  options: PackCommandOptions,
  io: CliIo,
  t: Translate,
  signal: AbortSignal,
  version: string,
): Promise<number> {
  const passwords = await collectNewPasswords(
    { files: options.passwordFile, stdin: options.passwordStdin },
    io,
    t,
  );
  const progress = createProgressReporter(t('cli:pack.transcoding'), io, t, options.quiet);
  try {
    const result = await packCourse({
      folder: resolve(io.cwd, folder),
      out: resolve(io.cwd, options.out),
      passwords,
      scrypt: scryptCostFromEnv(io.env),
      maxHeight: options.maxHeight,
      signal,
      createdBy: `plenum ${version}`,
      onProgress: (event) => {
        switch (event.phase) {
          case 'validated':
            for (const line of describeCourseWarnings(event.warnings, t)) io.stderr.write(`${line}\n`);
            break;
          case 'transcoding':
            progress.update(event.seconds, event.totalSeconds);
            break;
          case 'stills':
            // One still per chapter takes well under a second: the transcoding bar stays until the end.
            break;
          case 'finishing':
            progress.update(1, 1);
            progress.stop();
            break;
        }
      },
    });
    io.stdout.write(
      `${t('cli:pack.done', {
        path: options.out,
        size: formatBytes(result.file.bytes),
        chapters: result.manifest.chapters.length,
        segments: result.segments,
        passwords: passwords.length,
      })}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    progress.stop();
    if (error instanceof PackError) {
      const exit = error.problem.kind === 'aborted' ? EXIT.interrupted : EXIT.failed;
      throw new CliFailure(describePackProblem(error.problem, t).join('\n'), exit);
    }
    throw error;
  }
}
