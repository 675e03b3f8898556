import { resolveCourseFile } from './course-paths';
import type { CourseFileResult } from './course-paths';
import type { IssueCollector, IssueLocation } from './issue-collector';
import type { LoadContext, Located } from './load-context';

/** A referenced file that exists inside the course folder. */
export interface CourseFile {
  /** Relative to the course folder with '/', e.g. 'subs/nb.vtt'. */
  entry: string;
  /** The real absolute path to read it from. */
  path: string;
}

/** Resolves a file named in course.yaml, reporting why when it cannot be used. */
export async function readCourseFileReference(
  ctx: LoadContext,
  reference: Located<string>,
): Promise<CourseFile | undefined> {
  const result = await resolveCourseFile(ctx.root, reference.value);
  if (!result.ok) {
    reportFileProblem(ctx.issues, result, reference.at, reference.value);
    return undefined;
  }
  return { entry: result.entry, path: result.path };
}

/** Reports a failed {@link resolveCourseFile} as the issue of the same name, quoting the reference as written. */
export function reportFileProblem(
  issues: IssueCollector,
  result: Extract<CourseFileResult, { ok: false }>,
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
      issues.error(result.problem, at, { value: written });
      return;
    default: {
      const unhandled: never = result.problem;
      throw new Error(`unhandled file problem ${String(unhandled)}`);
    }
  }
}
