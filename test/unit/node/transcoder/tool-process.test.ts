import { MediaError } from '../../../../src/node/transcoder/media-error';
import { runTool } from '../../../../src/node/transcoder/tool-process';
import { tools } from './media-fixtures';

async function errorOf(action: Promise<unknown>): Promise<MediaError> {
  try {
    await action;
  } catch (error) {
    if (error instanceof MediaError) return error;
    throw error;
  }
  throw new Error('expected a MediaError');
}

test('a command that does not exist is "tool-missing"', async () => {
  expect((await errorOf(runTool('/nonexistent/ffmpeg', ['-version']))).code).toBe('tool-missing');
});

test('a non-zero exit is "failed", with the last stderr line in the message and the tail in details', async () => {
  const error = await errorOf(runTool(tools.ffmpeg, ['-hide_banner', '-i', 'file:/nonexistent/film.mp4']));
  expect(error.code).toBe('failed');
  expect(error.message).toMatch(/No such file/);
  expect(error.details.length).toBeGreaterThan(0);
});

test('output beyond maxBytes stops the tool', async () => {
  const raw = ['-v', 'error', '-f', 'lavfi', '-i', 'color=s=320x180:d=60', '-f', 'rawvideo', 'pipe:1'];
  const error = await errorOf(runTool(tools.ffmpeg, raw, { maxBytes: 100_000 }));
  expect(error.message).toMatch(/more than 100000 bytes/);
});

test('progress lines become onProgress calls', async () => {
  const seen: number[] = [];
  await runTool(
    tools.ffmpeg,
    [
      '-v',
      'error',
      '-nostats',
      '-progress',
      'pipe:2',
      '-f',
      'lavfi',
      '-i',
      'color=s=64x36:d=2',
      '-f',
      'null',
      '-',
    ],
    { onProgress: (s) => seen.push(s) },
  );
  expect(seen.at(-1)).toBeCloseTo(2, 1);
});
