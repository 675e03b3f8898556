import { SingleBar } from 'cli-progress';
import type { Translate } from '../common/i18n/translator';
import type { CliIo } from './cli-io';

/** Shows how far a long job has come: a bar on a terminal, a plain line every tenth otherwise (logs, CI). */
export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

/** Creates the reporter that suits the output: a bar with percentage and time left, or plain lines. */
export function createProgressReporter(
  label: string,
  io: CliIo,
  t: Translate,
  quiet = false,
): ProgressReporter {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  if (io.stderr.isTTY) {
    const bar = new SingleBar({
      stream: io.stderr,
      format: `${label} [{bar}] {percentage}% | ${t('cli:progress.left')} {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    });
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(Math.min(done, total));
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  // The clock starts at the first update, so set-up work (key slots, validation) does not skew the estimate.
  let startedAt: number | null = null;
  let lastTenth = -1;
  return {
    update(done, total) {
      startedAt ??= Date.now();
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      const elapsed = (Date.now() - startedAt) / 1000;
      const left = fraction > 0 ? Math.round((elapsed / fraction) * (1 - fraction)) : null;
      const percent = Math.round(fraction * 100);
      io.stderr.write(
        left === null
          ? `${label} ${percent} %\n`
          : `${label} ${percent} % (${t('cli:progress.secondsLeft', { seconds: left })})\n`,
      );
    },
    stop: () => undefined,
  };
}
