import type { Translate } from '../i18n/translator';
import type { CourseFileProblem } from './course-file-problem';

/**
 * Turns a course-file problem into a sentence a lecturer can act on, in the translator's language:
 * what is wrong and what to do next. Shared by the CLI and the app, so both say the same thing.
 */
export function describeCourseFileProblem(problem: CourseFileProblem, t: Translate): string {
  switch (problem.kind) {
    case 'not-found':
      return t('common:courseFile.notFound', { path: problem.path });
    case 'unreadable':
      return t('common:courseFile.unreadable', { path: problem.path, reason: problem.reason });
    case 'not-a-file':
      return t('common:courseFile.notAFile', { path: problem.path });
    case 'not-a-course-file':
      return t('common:courseFile.notACourseFile');
    case 'made-elsewhere':
      switch (problem.reason) {
        case 'too-many-slots':
          return t('common:courseFile.madeElsewhereSlots');
        case 'kdf-cost':
          return t('common:courseFile.madeElsewhereKdf');
      }
    case 'newer-version':
      return t('common:courseFile.newerVersion', { version: problem.version });
    case 'wrong-password':
      return t('common:courseFile.wrongPassword');
    case 'truncated':
      return t('common:courseFile.truncated', {
        actual: problem.actualBytes,
        expected: problem.expectedBytes,
      });
    case 'damaged':
      // Exhaustive, and every branch returns: nothing falls through to the next case.
      switch (problem.where.part) {
        case 'header':
          return t('common:courseFile.damagedHeader');
        case 'index':
          return t('common:courseFile.damagedIndex');
        case 'layout':
          return t('common:courseFile.damagedLayout');
        case 'entry':
          return t('common:courseFile.damagedEntry', {
            entry: problem.where.entry,
            chunk: problem.where.chunk,
            offset: problem.where.offset,
          });
      }
    case 'unknown-entry':
      return t('common:courseFile.unknownEntry', { entry: problem.entry });
    case 'bad-range':
      return t('common:courseFile.badRange', {
        entry: problem.entry,
        start: problem.start,
        end: problem.end,
        size: problem.size,
      });
    case 'too-many-passwords':
      return t('common:courseFile.tooManyPasswords');
    case 'last-password':
      return t('common:courseFile.lastPassword');
    case 'duplicate-entry':
      return t('common:courseFile.duplicateEntry', { entry: problem.entry });
    case 'bad-entry-name':
      return t('common:courseFile.badEntryName', { entry: problem.entry });
    case 'closed':
      return t('common:courseFile.closed');
    case 'write-failed':
      switch (problem.outcome) {
        case 'unchanged':
          return t('common:courseFile.writeFailedUnchanged', { path: problem.path, reason: problem.reason });
        case 'unknown':
          return t('common:courseFile.writeFailedUnknown', { path: problem.path, reason: problem.reason });
      }
    case 'busy':
      return t('common:courseFile.busy', { path: problem.path, lockPath: problem.lockPath });
    case 'too-many-open':
      return t('common:courseFile.tooManyOpen', { max: problem.max });
  }
}
