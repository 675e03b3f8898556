import { resolve } from 'node:path';
import type { Translate } from '../../common/i18n/translator';
import { buildDemoCourse } from '../../node/demo/build-demo-course';
import { DEMO_VARIANTS, type DemoVariant } from '../../node/demo/demo-variants';
import { PackError } from '../../node/packer/pack-problem';
import { MediaError } from '../../node/transcoder/media-error';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';
import { describeMediaError, describePackProblem } from '../describe-pack-problem';
import { createProgressReporter } from '../progress-reporter';

/** The options `plenum demo` takes. */
export interface DemoCommandOptions {
  variant: string;
  outDir: string;
  source: string;
  force: boolean;
  quiet: boolean;
}

/** `plenum demo`: makes the synthetic demo film(s) and packs the demo course file(s). */
export async function demoCommand(
  options: DemoCommandOptions,
  io: CliIo,
  t: Translate,
  signal: AbortSignal,
  version: string,
): Promise<number> {
  const variants: DemoVariant[] =
    options.variant === 'all'
      ? [...DEMO_VARIANTS]
      : DEMO_VARIANTS.filter((variant) => variant === options.variant);
  if (variants.length === 0)
    throw new CliFailure(t('cli:demo.badVariant', { variant: options.variant }), EXIT.usage);
  for (const variant of variants) {
    const film = createProgressReporter(t('cli:demo.film', { variant }), io, t, options.quiet);
    const pack = createProgressReporter(t('cli:pack.transcoding'), io, t, options.quiet);
    try {
      const built = await buildDemoCourse({
        variant,
        sourceFolder: resolve(io.cwd, options.source),
        outDir: resolve(io.cwd, options.outDir),
        force: options.force,
        signal,
        createdBy: `plenum ${version}`,
        onProgress: (event) => {
          if (event.phase === 'film') film.update(event.seconds, event.totalSeconds);
          else if (event.progress.phase === 'transcoding') {
            film.stop();
            pack.update(event.progress.seconds, event.progress.totalSeconds);
          }
        },
      });
      film.stop();
      pack.stop();
      io.stdout.write(
        `${t(built.rebuilt ? 'cli:demo.built' : 'cli:demo.upToDate', { variant, path: built.path, password: built.password })}\n`,
      );
    } catch (error) {
      film.stop();
      pack.stop();
      if (error instanceof PackError) {
        throw new CliFailure(
          describePackProblem(error.problem, t).join('\n'),
          error.problem.kind === 'aborted' ? EXIT.interrupted : EXIT.failed,
        );
      }
      if (error instanceof MediaError) {
        throw new CliFailure(
          [describeMediaError(error.code, t), ...error.details].join('\n'),
          error.code === 'aborted' ? EXIT.interrupted : EXIT.failed,
        );
      }
      throw error;
    }
  }
  return EXIT.ok;
}
