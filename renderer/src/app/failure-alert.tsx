import type { ReactElement } from 'react';
import type { CallFailure } from '../api/call-api';
import { describeCallFailure } from '../i18n/describe-call-failure';
import { useTranslator } from '../i18n/use-translator';

/** Props of {@link FailureAlert}. */
export interface FailureAlertProps {
  failure: CallFailure | null;
  id?: string;
}

/**
 * A failed call, worded in the window's language. The `role="alert"` region is always in the page (empty
 * when all is well) so screen readers announce a message the moment it appears.
 */
export function FailureAlert({ failure, id }: FailureAlertProps): ReactElement {
  const t = useTranslator();
  return (
    <div role="alert" id={id} className={failure === null ? 'alert alert-empty' : 'alert'}>
      {failure === null ? null : <p>{describeCallFailure(failure, t)}</p>}
    </div>
  );
}
