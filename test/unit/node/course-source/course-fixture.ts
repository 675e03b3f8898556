import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

/** Writes a course folder (film.mp4 included unless given) in a fresh temporary directory. */
export async function makeCourse(files: Record<string, string>): Promise<string> {
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
  files: Record<string, string>,
  duration = 120,
): Promise<{ errors: string[]; warnings: string[] }> {
  const result = await load(await makeCourse(files), duration);
  return {
    errors: result.ok ? [] : result.errors.map((issue) => formatIssue(issue, t)),
    warnings: result.warnings.map((issue) => formatIssue(issue, t)),
  };
}
