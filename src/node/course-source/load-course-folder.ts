import { readFile, realpath } from 'node:fs/promises';
import type { CourseIssue } from '../../common/course/course-issue';
import { FILM_ENTRY, courseManifestSchema } from '../../common/course/manifest';
import type { CourseManifest } from '../../common/course/manifest';
import { checkTimeline, checkWithinFilm } from './check-timeline';
import { reportFileProblem } from './course-file-reference';
import { errorCode, resolveCourseFile } from './course-paths';
import { IssueCollector } from './issue-collector';
import type { LoadContext } from './load-context';
import { readCourse } from './read-course';
import { COURSE_YAML, YamlSource } from './yaml-source';

/** What loading a course folder needs from outside: reading the film's real duration (ffprobe in the packer). */
export interface LoadCourseOptions {
  /** Returns the duration in seconds of the film at an absolute path; called at most once. */
  probeFilmDuration: (absPath: string) => Promise<number>;
}

/** A file to pack besides the film: its entry name in the course file and where to read it. */
export interface CourseAsset {
  /** Relative to the course folder with '/', e.g. 'subs/nb.vtt' or 'images/x.png'. */
  entry: string;
  /** The real absolute path. */
  path: string;
}

/** A loaded course (with every file to pack), or every error found. Warnings come either way. */
export type LoadCourseResult =
  | { ok: true; manifest: CourseManifest; filmPath: string; assets: CourseAsset[]; warnings: CourseIssue[] }
  | { ok: false; errors: CourseIssue[]; warnings: CourseIssue[] };

/**
 * Loads and checks a course folder written to the course format (course-format.md): reads course.yaml, applies every rule,
 * and returns the normalised manifest or all errors at once (each with file, line:col and field path).
 * The film is probed only after everything else passed, since probing is slow and pointless before.
 * Never writes anything.
 */
export async function loadCourseFolder(
  folder: string,
  options: LoadCourseOptions,
): Promise<LoadCourseResult> {
  const issues = new IssueCollector();
  const fail = (): LoadCourseResult => ({
    ok: false,
    errors: sorted(issues.errors),
    warnings: sorted(issues.warnings),
  });
  const whole = { file: COURSE_YAML, path: '' };

  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    issues.error('course-yaml-missing', whole, {});
    return fail();
  }
  const courseFile = await resolveCourseFile(root, COURSE_YAML);
  if (!courseFile.ok) {
    if (courseFile.problem === 'file-missing') {
      issues.error('course-yaml-missing', whole, {});
    } else {
      reportFileProblem(issues, courseFile, whole, COURSE_YAML);
    }
    return fail();
  }
  let text: string;
  try {
    // A byte-order mark would shift every column on line 1.
    text = (await readFile(courseFile.path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    issues.error('file-unreadable', whole, { value: COURSE_YAML, reason: errorCode(error) });
    return fail();
  }
  const yaml = YamlSource.parse(text, issues);
  if (yaml === undefined) {
    return fail();
  }

  const ctx: LoadContext = { root, yaml, issues, assets: new Map() };
  const draft = await readCourse(ctx);
  if (draft !== undefined) {
    checkTimeline(issues, draft.timeline);
  }
  if (draft?.film === undefined || issues.hasErrors) {
    return fail();
  }

  const film = draft.film;
  let duration: number;
  try {
    duration = await options.probeFilmDuration(film.path);
  } catch (error) {
    issues.error('film-probe-failed', film.reference.at, {
      value: film.reference.value,
      reason: error instanceof Error ? error.message : String(error),
    });
    return fail();
  }
  if (!Number.isFinite(duration) || duration <= 0) {
    issues.error('film-no-duration', film.reference.at, { value: film.reference.value });
    return fail();
  }
  checkWithinFilm(issues, draft.timeline, duration);
  if (issues.hasErrors) {
    return fail();
  }

  // Everything was checked above; a failure here is a bug in this loader, not in the course.
  const parsed = courseManifestSchema.parse({ ...draft.fields, film: { entry: FILM_ENTRY, duration } });
  // Ends a fraction past the film's end were accepted with a warning above; store them as the film's end.
  const manifest = {
    ...parsed,
    chapters: parsed.chapters.map((chapter) => ({
      ...chapter,
      end: Math.min(chapter.end, duration),
      statements: chapter.statements.map((statement) => ({
        ...statement,
        end: Math.min(statement.end, duration),
      })),
    })),
  };
  return {
    ok: true,
    manifest,
    filmPath: film.path,
    assets: [...ctx.assets].map(([entry, path]) => ({ entry, path })),
    warnings: sorted(issues.warnings),
  };
}

/** Issues in reading order: course.yaml first by position, then the other files by name and position. */
function sorted(issues: readonly CourseIssue[]): CourseIssue[] {
  const rank = (issue: CourseIssue): [number, string, number, number] => [
    issue.file === COURSE_YAML ? 0 : 1,
    issue.file,
    issue.line ?? 0,
    issue.col ?? 0,
  ];
  return [...issues].sort((a, b) => {
    const [fa, na, la, ca] = rank(a);
    const [fb, nb, lb, cb] = rank(b);
    return fa - fb || na.localeCompare(nb) || la - lb || ca - cb;
  });
}
