import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { packageRoot } from '../../src/node/app/package-root';
import { demoCoursePath } from '../../src/node/demo/build-demo-course';
import { DEMO_PASSWORD } from '../../src/node/demo/demo-variants';
import { median, spread } from './measure';

const ROUNDS = 3;
const root = packageRoot(__dirname);
const course = demoCoursePath(join(root, 'out', 'demo'), 'short');

/** Resident memory (MiB) of a process from /proc (Linux); a process tree is summed by the caller. */
function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Every process whose command line mentions `marker` (Chromium's processes all carry its profile path). */
function pidsWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * `npm run bench:host`: the loopback host and Debian's Chromium on the short demo course. Prints the time from
 * pressing Enter on the password to the course overview (unlock, scrypt included), from "start" to the first
 * frame painted, and the memory of the host and the browser after the whole film has played (at 16x).
 */
async function main(): Promise<void> {
  const unlockMs: number[] = [];
  const firstFrameMs: number[] = [];
  const hostRss: number[] = [];
  const browserRss: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const work = mkdtempSync(join(tmpdir(), 'plenum-bench-host-'));
    const profile = join(work, 'profile');
    const host = spawn(
      process.execPath,
      ['bin/plenum.js', 'host', '--demo', course, '--data-dir', join(work, 'data')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const url = await new Promise<string>((resolve) =>
      createInterface({ input: host.stdout }).once('line', resolve),
    );
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      await page
        .getByRole('button', { name: /demo|Hva er viktig/i })
        .first()
        .click();
      await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
      let start = performance.now();
      await page.locator('[data-role="password"]').press('Enter');
      await page.locator('[data-role="start"]').waitFor();
      unlockMs.push(performance.now() - start);
      start = performance.now();
      await page.locator('[data-role="start"]').click();
      await page.locator('video[data-role="film"]').evaluate(
        (element) =>
          new Promise<void>((resolve) => {
            const video = element as unknown as { requestVideoFrameCallback(callback: () => void): number };
            video.requestVideoFrameCallback(() => resolve());
          }),
      );
      firstFrameMs.push(performance.now() - start);
      const film = page.locator('video[data-role="film"]');
      for (;;) {
        const done = await film.evaluate((element) => {
          const video = element as unknown as {
            ended: boolean;
            currentTime: number;
            duration: number;
            playbackRate: number;
          };
          video.playbackRate = 16;
          return video.ended || (video.duration > 0 && video.currentTime >= video.duration - 0.5);
        });
        if (done) break;
        // The course's notice stands before the film (PageDown starts from it), as does each discussion.
        const waiting =
          (await page.locator('[data-role="notice"]').isVisible()) ||
          (await page.locator('[data-role="discussion"]').isVisible());
        if (waiting) await page.keyboard.press('PageDown');
        await page.waitForTimeout(200);
      }
      hostRss.push(rssMiB(host.pid!));
      browserRss.push(pidsWith(profile).reduce((sum, pid) => sum + rssMiB(pid), 0));
    } finally {
      await context.close();
      host.kill('SIGTERM');
      await new Promise((resolve) => host.once('exit', resolve));
      rmSync(work, { recursive: true, force: true });
    }
  }
  console.log(`Plenum host + Chromium on the short demo (${ROUNDS} rounds; min / median / max)\n`);
  console.log(`unlock, Enter to overview (scrypt included)   ${spread(unlockMs, 0)} ms`);
  console.log(`start to first frame painted                  ${spread(firstFrameMs, 0)} ms`);
  console.log(`host RSS after the whole film                 ${spread(hostRss, 0)} MiB`);
  console.log(`browser RSS after (all processes, summed)     ${spread(browserRss, 0)} MiB`);
  console.log(
    `\n${JSON.stringify({ unlockMs: median(unlockMs), firstFrameMs: median(firstFrameMs), hostRssMiB: median(hostRss), browserRssMiB: median(browserRss) })}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
