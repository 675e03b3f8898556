import { CourseFileError, type CourseFileProblem } from '../../src/node/course-file';

/** Awaits `action` and returns the CourseFileError's problem, failing the test if it did not throw one. */
export async function problemOf(
  action: Promise<unknown> | (() => Promise<unknown>),
): Promise<CourseFileProblem> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    if (error instanceof CourseFileError) return error.problem;
    throw error;
  }
  throw new Error('expected a CourseFileError, but nothing was thrown');
}
