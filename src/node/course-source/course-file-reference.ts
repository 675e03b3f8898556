import { assertNever } from '../../common/assert-never';
import { resolveCourseFile, type CourseFileResult } from './course-paths';
import { COURSE_LIMITS } from './course-limits';
import type { IssueCollector, IssueLocation } from './issue-collector';
import { chargeFileBytes } from './load-budget';
import type { LoadContext, Located } from './load-context';
import { readInside } from './open-inside';
import { decodeUtf8, type DecodedText } from './utf8-text';

/** A referenced file read whole from inside the course folder. */
export interface CourseFile {
  /** Relative to the course folder with '/', e.g. 'subs/nb.vtt'. */
  entry: string;
  data: Buffer;
}

/** The kinds of file a course names besides the film, each with its own size limit. */
export type CourseFileKind = 'markdown' | 'subtitle' | 'image';

const MAX_BYTES: Record<CourseFileKind, number> = {
  markdown: COURSE_LIMITS.markdownBytes,
  subtitle: COURSE_LIMITS.subtitleBytes,
  image: COURSE_LIMITS.imageBytes,
};

/**
 * Reads a file named in course.yaml (or in Markdown) once, through one handle (see readInside), reporting why
 * when it cannot be used. A file named again is served from what was read the first time, so naming one big
 * file many times costs one read; reading stops altogether once the course's total is exceeded.
 */
export async function readReferencedFile(
  ctx: LoadContext,
  reference: Located<string>,
  kind: CourseFileKind,
  written: string = reference.value,
): Promise<CourseFile | undefined> {
  if (ctx.budget.exceeded) {
    return undefined;
  }
  // Named before: what was read (and checked) then is what is packed, and it is not read again.
  const resolved = await resolveInCourse(ctx, reference.value);
  const cached = resolved.ok ? ctx.files.get(resolved.entry) : undefined;
  if (resolved.ok && cached !== undefined) {
    return { entry: resolved.entry, data: cached };
  }
  const result = await readInside(ctx.root, reference.value, MAX_BYTES[kind]);
  if (!result.ok) {
    if (result.problem === 'file-too-large') {
      ctx.issues.error('file-too-large', reference.at, {
        value: written,
        limit: formatLimit(MAX_BYTES[kind]),
      });
    } else {
      reportFileProblem(ctx.issues, result, reference.at, written);
    }
    return undefined;
  }
  if (!chargeFileBytes(ctx, result.data.length, reference.at)) {
    return undefined;
  }
  ctx.files.set(result.entry, result.data);
  return { entry: result.entry, data: result.data };
}

/**
 * resolveCourseFile, once per reference for the whole load: a picture shown thousands of times (or a name
 * that does not exist, written thousands of times) costs one look at the file system.
 */
export async function resolveInCourse(ctx: LoadContext, reference: string): Promise<CourseFileResult> {
  const known = ctx.resolved.get(reference);
  if (known !== undefined) {
    return known;
  }
  const result = await resolveCourseFile(ctx.root, reference);
  ctx.resolved.set(reference, result);
  return result;
}

/** A file's text (decoded once per entry, however often it is named), or where it stops being UTF-8. */
export function textOf(ctx: LoadContext, file: CourseFile): DecodedText {
  const known = ctx.texts.get(file.entry);
  if (known !== undefined) {
    return known;
  }
  const decoded = decodeUtf8(file.data);
  ctx.texts.set(file.entry, decoded);
  return decoded;
}

/** A byte limit as people read it: "20 MiB", "512 KiB". */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/** Reports a failed resolve or open as the issue of the same name, quoting the reference as written. */
export function reportFileProblem(
  issues: IssueCollector,
  result: Pick<Extract<CourseFileResult, { ok: false }>, 'problem' | 'reason'>,
  at: IssueLocation,
  written: string,
): void {
  switch (result.problem) {
    case 'file-unreadable':
      issues.error('file-unreadable', at, { value: written, reason: result.reason });
      return;
    case 'path-absolute':
    case 'path-outside':
    case 'file-missing':
    case 'not-a-file':
    case 'file-changed':
      issues.error(result.problem, at, { value: written });
      return;
    default:
      return assertNever(result.problem);
  }
}
