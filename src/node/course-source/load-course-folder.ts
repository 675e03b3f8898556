import { realpath } from 'node:fs/promises';
import type { CourseIssue } from '../../common/course/course-issue';
import { FILM_ENTRY, courseManifestSchema } from '../../common/course/manifest';
import type { CourseManifest } from '../../common/course/manifest';
import { checkTimeline, checkWithinFilm } from './check-timeline';
import { formatLimit, reportFileProblem } from './course-file-reference';
import { COURSE_LIMITS } from './course-limits';
import { IssueCollector } from './issue-collector';
import { newLoadBudget } from './load-budget';
import type { LoadContext } from './load-context';
import { readInside, toolPathFor } from './open-inside';
import { readCourse } from './read-course';
import { decodeUtf8 } from './utf8-text';
import { COURSE_YAML, YamlSource } from './yaml-source';

/** What loading a course folder needs from outside: reading the film's real duration (ffprobe in the packer). */
export interface LoadCourseOptions {
  /** Returns the duration in seconds of the film at a path (see {@link CourseFilm.path}); called at most once. */
  probeFilmDuration: (path: string) => Promise<number>;
}

/** A file to pack besides the film: its entry name in the course file and its contents, read once and checked. */
export interface CourseAsset {
  /** Relative to the course folder with '/', e.g. 'subs/nb.vtt' or 'images/x.png'. */
  entry: string;
  data: Buffer;
}

/** The course's film, held open from the check until the packer is done with it. */
export interface CourseFilm {
  /**
   * The path to give ffprobe and ffmpeg: on Linux the open handle's /proc entry, so swapping the file (say
   * for a symlink out of the folder) after it was checked changes nothing; elsewhere the checked real path.
   */
  path: string;
  /** The film's real path when it was opened, for messages. */
  realPath: string;
  /** Releases the handle; call once the film has been read. */
  close(): Promise<void>;
}

/** A loaded course (with every file to pack), or every error found. Warnings come either way. */
export type LoadCourseResult =
  | { ok: true; manifest: CourseManifest; film: CourseFilm; assets: CourseAsset[]; warnings: CourseIssue[] }
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
  const courseFile = await readInside(root, COURSE_YAML, COURSE_LIMITS.courseYamlBytes);
  if (!courseFile.ok) {
    if (courseFile.problem === 'file-missing') {
      issues.error('course-yaml-missing', whole, {});
    } else if (courseFile.problem === 'file-too-large') {
      issues.error('file-too-large', whole, {
        value: COURSE_YAML,
        limit: formatLimit(COURSE_LIMITS.courseYamlBytes),
      });
    } else {
      reportFileProblem(issues, courseFile, whole, COURSE_YAML);
    }
    return fail();
  }
  const decoded = decodeUtf8(courseFile.data);
  if (!decoded.ok) {
    issues.error('not-utf8', { ...whole, ...decoded.at }, { value: COURSE_YAML });
    return fail();
  }
  // A byte-order mark would shift every column on line 1.
  const yaml = YamlSource.parse(decoded.text.replace(/^\uFEFF/, ''), issues);
  if (yaml === undefined) {
    return fail();
  }

  const ctx: LoadContext = {
    root,
    yaml,
    issues,
    assets: new Map(),
    files: new Map(),
    resolved: new Map(),
    texts: new Map(),
    budget: newLoadBudget(),
  };
  const draft = await readCourse(ctx);
  if (draft !== undefined) {
    checkTimeline(issues, draft.timeline);
  }
  const handle = draft?.film?.handle;
  const failAndClose = async (): Promise<LoadCourseResult> => {
    await handle?.close().catch(() => undefined);
    return fail();
  };
  if (draft?.film === undefined || issues.hasErrors) {
    return failAndClose();
  }

  const film = draft.film;
  const filmPath = toolPathFor(film);
  let duration: number;
  try {
    duration = await options.probeFilmDuration(filmPath);
  } catch (error) {
    issues.error('film-probe-failed', film.reference.at, {
      value: film.reference.value,
      reason: error instanceof Error ? error.message : String(error),
    });
    return failAndClose();
  }
  if (!Number.isFinite(duration) || duration <= 0) {
    issues.error('film-no-duration', film.reference.at, { value: film.reference.value });
    return failAndClose();
  }
  checkWithinFilm(issues, draft.timeline, duration);
  if (issues.hasErrors) {
    return failAndClose();
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
    film: { path: filmPath, realPath: film.path, close: () => film.handle.close() },
    assets: [...ctx.assets].map(([entry, data]) => ({ entry, data })),
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
