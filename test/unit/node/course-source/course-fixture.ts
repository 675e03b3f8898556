import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { formatIssue } from '../../../../src/common/course/course-issue';
import { createTranslator } from '../../../../src/common/i18n/translator';
import { loadCourseFolder } from '../../../../src/node/course-source/load-course-folder';
import type { LoadCourseResult } from '../../../../src/node/course-source/load-course-folder';

/** The smallest valid course.yaml; tests append to it or replace it. */
export const MINIMAL_YAML = `id: demo
title: Demo
language: nb
film: film.mp4
chapters:
  - id: one
    title: One
    start: "00:10"
    end: "00:50"
`;

const made: string[] = [];

/** A real PNG of `width` × `height` grey pixels (IHDR, one IDAT, IEND, each with its CRC). */
export function pngImage(width = 1, height = 1): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row += 1) rows[row * (width + 1)] = 0; // filter type 0 per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes a course folder (film.mp4 included unless given) in a fresh temporary directory. */
export async function makeCourse(files: Record<string, string | Buffer>): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'plenum-course-'));
  made.push(parent);
  const folder = path.join(parent, 'course');
  await mkdir(folder);
  for (const [name, content] of Object.entries({ 'film.mp4': 'not really a film', ...files })) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

/** Removes every folder made by {@link makeCourse}; call from afterAll. */
export async function removeCourses(): Promise<void> {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}

/** Loads a folder with a fake two-minute film. */
export function load(folder: string, duration = 120): Promise<LoadCourseResult> {
  return loadCourseFolder(folder, { probeFilmDuration: async () => duration });
}

const t = createTranslator('en');

/** Builds a course from files and returns its errors and warnings as English one-liners. */
export async function messagesFor(
  files: Record<string, string | Buffer>,
  duration = 120,
): Promise<{ errors: string[]; warnings: string[] }> {
  const result = await load(await makeCourse(files), duration);
  return {
    errors: result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t)),
    warnings: result.warnings.map((issue) => formatIssue(issue, t)),
  };
}
