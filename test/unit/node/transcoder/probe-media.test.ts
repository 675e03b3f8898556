import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaError, type MediaErrorCode } from '../../../../src/node/transcoder/media-error';
import { probeMedia } from '../../../../src/node/transcoder/probe-media';
import { ffmpeg, lavfiInputs } from './media-fixtures';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-probe-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function codeOf(action: Promise<unknown>): Promise<MediaErrorCode> {
  try {
    await action;
  } catch (error) {
    if (error instanceof MediaError) return error.code;
    throw error;
  }
  throw new Error('expected a MediaError');
}

test('describes a film: duration, picture and sound', async () => {
  const film = join(dir, 'film.mp4');
  await ffmpeg([
    ...lavfiInputs({ seconds: 2, size: '160x90', fps: 25 }),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    film,
  ]);
  const info = await probeMedia(film);
  expect(info.durationSeconds).toBeGreaterThan(1.9);
  expect(info.durationSeconds).toBeLessThan(2.1);
  expect(info.video).toEqual({
    ...{ streamIndex: 0, width: 160, height: 90, fps: 25, baseRate: '25/1', variableRate: false },
    busiestSecondFrames: undefined,
    ...{ interlaced: false, startSeconds: 0, startAfterFileStart: 0, codec: 'h264' },
  });
  expect(info.audio).toEqual({
    streamIndex: 1,
    codec: 'aac',
    sampleRate: 44100,
    channels: 1,
    startSeconds: 0,
  });
});

test('a film without sound has no audio entry', async () => {
  const film = join(dir, 'silent.mp4');
  await ffmpeg([
    ...lavfiInputs({ seconds: 1, audio: false }),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    film,
  ]);
  expect((await probeMedia(film)).audio).toBeUndefined();
});

test('tells what is wrong with things that are not films', async () => {
  expect(await codeOf(probeMedia(join(dir, 'missing.mp4')))).toBe<MediaErrorCode>('not-found');
  const folder = join(dir, 'folder.mp4');
  mkdirSync(folder);
  expect(await codeOf(probeMedia(folder))).toBe<MediaErrorCode>('unreadable');
  const text = join(dir, 'notes.mp4');
  writeFileSync(text, 'not a film at all');
  expect(await codeOf(probeMedia(text))).toBe<MediaErrorCode>('not-media');
  const sound = join(dir, 'sound.m4a');
  await ffmpeg(['-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', sound]);
  expect(await codeOf(probeMedia(sound))).toBe<MediaErrorCode>('no-video');
  const still = join(dir, 'still.png');
  await ffmpeg(['-f', 'lavfi', '-i', 'color=c=red:s=32x32', '-frames:v', '1', still]);
  expect(await codeOf(probeMedia(still))).toBe<MediaErrorCode>('no-video');
});

test('an aborted probe rejects with "aborted"', async () => {
  const film = join(dir, 'film.mp4');
  expect(await codeOf(probeMedia(film, AbortSignal.abort()))).toBe<MediaErrorCode>('aborted');
});
