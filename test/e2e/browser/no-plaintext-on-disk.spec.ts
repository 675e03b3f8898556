import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, expect, test } from '@playwright/test';
import { unlockCourseFile } from '../../../src/node/course-file';
import { playwrightConfig } from '../../../playwright.config';
import { DEMO_COURSE, DEMO_PASSWORD, REPO_ROOT, ensureDemoCourse } from './plenum-host';

// After the whole short demo film has streamed from the host into Chromium and played, no 4 KiB block of the
// decrypted film may exist in any file under the app's data directory, Chromium's profile or the temp dir the
// host and the browser were given. (The course file itself is encrypted; this is about copies.)

const BLOCK = 4096;

/** Every 4 KiB-aligned block of the decrypted film (init segment and media segments), keyed by its first 4 bytes. */
async function filmBlocks(): Promise<Map<number, Buffer[]>> {
  const file = await unlockCourseFile(DEMO_COURSE, DEMO_PASSWORD);
  const blocks = new Map<number, Buffer[]>();
  for (const entry of file.entries()) {
    if (!entry.name.startsWith('media/') || entry.name.endsWith('.m3u8')) continue;
    const bytes = await file.readAll(entry.name);
    for (let at = 0; at + BLOCK <= bytes.length; at += BLOCK) {
      const block = bytes.subarray(at, at + BLOCK);
      const key = block.readUInt32LE(0);
      blocks.set(key, [...(blocks.get(key) ?? []), block]);
    }
  }
  await file.close();
  return blocks;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Finds the files holding any block, at any offset: a 4-byte prefilter, then a full 4 KiB comparison. */
function filesWithPlaintext(dirs: readonly string[], blocks: Map<number, Buffer[]>): string[] {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const path of filesUnder(dir)) {
      if (statSync(path).size < BLOCK) continue;
      const content = readFileSync(path);
      search: for (let at = 0; at + BLOCK <= content.length; at++) {
        const candidates = blocks.get(content.readUInt32LE(at));
        if (!candidates) continue;
        for (const block of candidates) {
          if (content.compare(block, 0, BLOCK, at, at + BLOCK) === 0) {
            found.push(`${path} @${at}`);
            break search;
          }
        }
      }
    }
  }
  return found;
}

test('no decrypted film reaches the disk, after the whole film streamed into Chromium', async () => {
  test.setTimeout(300_000);
  ensureDemoCourse();
  const root = mkdtempSync(join(tmpdir(), 'plenum-no-plaintext-'));
  const dataDir = join(root, 'data');
  const profile = join(root, 'chromium-profile');
  const temp = join(root, 'tmp');
  for (const dir of [dataDir, profile, temp]) mkdirSync(dir);
  const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp };

  const host = spawn(
    process.execPath,
    ['bin/plenum.js', 'host', '--demo', DEMO_COURSE, '--data-dir', dataDir],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: host.stdout }).once('line', resolve);
    host.once('exit', (code) => reject(new Error(`plenum host exited with ${code}`)));
  });

  const launch = playwrightConfig.use?.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, { ...launch, headless: true, env });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // The whole lecture is recorded too: no request may leave the host's origin.
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    await page
      .getByRole('button', { name: /demo|Hva er viktig/i })
      .first()
      .click();
    await page.locator('[data-role="password"]').fill(DEMO_PASSWORD);
    await page.locator('[data-role="password"]').press('Enter');
    await page.locator('[data-role="start"]').click();
    // The course's notice comes first; starting from it plays the film.
    await page.locator('[data-role="notice-start"]').click();
    const film = page.locator('video[data-role="film"]');
    await expect(film).toBeVisible();
    await film.evaluate((element) => {
      (element as unknown as { playbackRate: number }).playbackRate = 16;
    });
    // Play through every chapter: continue each time the film stops for discussion, until it has ended.
    const deadline = Date.now() + 200_000;
    for (;;) {
      const status = await film.evaluate((element) => {
        const video = element as unknown as { ended: boolean; currentTime: number; duration: number };
        return { ended: video.ended, time: video.currentTime, duration: video.duration };
      });
      if (status.ended || (status.duration > 0 && status.time >= status.duration - 0.5)) break;
      if (await page.locator('[data-role="discussion"]').isVisible()) {
        await page.keyboard.press('PageDown');
        await film.evaluate((element) => {
          (element as unknown as { playbackRate: number }).playbackRate = 16;
        });
      }
      expect(Date.now()).toBeLessThan(deadline);
      await page.waitForTimeout(250);
    }
    const origin = new URL(url).origin;
    expect(requests.length).toBeGreaterThan(50);
    expect(
      requests.filter((request) => !request.startsWith(`${origin}/`) && !request.startsWith('blob:')),
    ).toEqual([]);
  } finally {
    await context.close();
    host.kill('SIGTERM');
    await new Promise((resolve) => host.once('exit', resolve));
  }

  const blocks = await filmBlocks();
  expect(blocks.size).toBeGreaterThan(100);
  // The scan must be able to fail: a control file with one block at an odd offset is found.
  const control = join(root, 'control');
  mkdirSync(control);
  const someBlock = [...blocks.values()][50]![0]!;
  writeFileSync(
    join(control, 'copy.bin'),
    Buffer.concat([Buffer.alloc(1234, 7), someBlock, Buffer.alloc(99)]),
  );
  expect(filesWithPlaintext([control], blocks)).toEqual([`${join(control, 'copy.bin')} @1234`]);
  expect(filesWithPlaintext([dataDir, profile, temp], blocks)).toEqual([]);
  rmSync(root, { recursive: true, force: true });
});
