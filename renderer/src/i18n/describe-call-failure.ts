import { describeCourseFileProblem } from '../../../src/common/course-file/describe-problem';
import type { Translate } from '../../../src/common/i18n/translator';
import type { CallFailure } from '../api/call-api';

/**
 * Words a failed call for the lecturer: what happened and what to do next. Course-file problems use the
 * same sentences as the CLI; `t` must carry every namespace (a translator from createTranslator does).
 */
export function describeCallFailure(failure: CallFailure, t: Translate): string {
  if (failure === 'unreachable') return t('app:errors.unreachable');
  switch (failure.code) {
    case 'course-file':
      return describeCourseFileProblem(failure.problem, t);
    case 'store':
      return t(`app:errors.store.${failure.problem.kind}`);
    case 'course-locked':
    case 'no-session':
    case 'internal':
    case 'forbidden':
    case 'invalid-arguments':
    case 'not-found':
    case 'unknown-channel':
      return t(`app:errors.${failure.code}`);
  }
}
