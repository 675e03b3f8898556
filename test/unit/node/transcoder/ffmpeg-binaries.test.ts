import { accessSync, chmodSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMediaTools, resolveMediaTool } from '../../../../src/node/transcoder/ffmpeg-binaries';
import { MediaError } from '../../../../src/node/transcoder/media-error';
import { outsideAsar } from '../../../../src/node/transcoder/asar-path';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plenum-tools-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

test('finds the packaged, executable ffmpeg and ffprobe', () => {
  const tools = findMediaTools();
  expect(tools.ffmpeg).toMatch(/ffmpeg$/);
  expect(tools.ffprobe).toMatch(/ffprobe$/);
  for (const path of [tools.ffmpeg, tools.ffprobe])
    expect(() => accessSync(path, constants.X_OK)).not.toThrow();
});

test('prefers the package binary when it is executable', () => {
  const packaged = file('ffmpeg-packaged', 0o755);
  file('ffmpeg', 0o755);
  expect(resolveMediaTool('ffmpeg', packaged, { PATH: dir })).toBe(packaged);
});

test('falls back to PATH when the package binary is missing or not executable', () => {
  const onPath = file('ffprobe', 0o755);
  const notExecutable = file('ffprobe-packaged', 0o644);
  expect(resolveMediaTool('ffprobe', notExecutable, { PATH: `/nonexistent:${dir}` })).toBe(onPath);
  expect(resolveMediaTool('ffprobe', join(dir, 'gone'), { PATH: dir })).toBe(onPath);
  expect(resolveMediaTool('ffprobe', undefined, { PATH: dir })).toBe(onPath);
});

test('a typed error when neither exists', () => {
  file('ffmpeg', 0o644); // on PATH but not executable
  let error: unknown;
  try {
    resolveMediaTool('ffmpeg', join(dir, 'gone'), { PATH: dir });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe('tool-missing');
});

test('paths inside app.asar are mapped to app.asar.unpacked', () => {
  expect(outsideAsar('/opt/Plenum/resources/app.asar/node_modules/x/ffmpeg')).toBe(
    '/opt/Plenum/resources/app.asar.unpacked/node_modules/x/ffmpeg',
  );
  expect(outsideAsar('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
});
