import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import type { UnlockTarget } from '../app/screen';

/** Props of {@link UnlockScreen}. */
export interface UnlockScreenProps {
  target: UnlockTarget;
  onUnlocked(course: UnlockedCourse): void;
  onBack(): void;
}

/**
 * Asks for a course file's password. Enter submits; while unlocking the button is disabled (the field is
 * not, so focus never leaves it); a wrong password is announced in an alert and the field is selected for
 * another try. The demo course's password is shown as a hint, and only the demo's.
 */
export function UnlockScreen({ target, onUnlocked, onBack }: UnlockScreenProps): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation();
  const fieldId = useId();
  const alertId = useId();
  const hintId = useId();
  // The unlock screen exists to take this one field: focus starts there, as on every screen that appears.
  const field = useFocusOnMount<HTMLInputElement>();
  const [password, setPassword] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (unlocking) return;
    if (password === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setMissing(false);
    setUnlocking(true);
    const result = await callApi(() => plenum.course.unlock({ id: target.id, password }));
    setUnlocking(false);
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    setFailure(result.error);
    // Back in the field with the attempt selected, so typing again replaces it.
    field.current?.focus();
    field.current?.select();
  };

  const describedBy = [hintId, alertId].join(' ');
  return (
    <main className="screen unlock-screen">
      <h1>{target.title}</h1>
      <p className="lead">{t('unlock.lead')}</p>
      <form className="unlock-form" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={fieldId}>{t('unlock.passwordLabel')}</label>
        <p id={hintId} className="hint">
          {missing
            ? t('unlock.passwordMissing')
            : target.demoPassword !== null
              ? t('unlock.demoHint', { password: target.demoPassword })
              : null}
        </p>
        <div className="field-row">
          <input
            ref={field}
            id={fieldId}
            type="password"
            data-role="password"
            value={password}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={failure !== null || missing}
            onChange={(event) => setPassword(event.target.value)}
          />
          <button type="submit" className="button primary" data-role="unlock" disabled={unlocking}>
            {unlocking ? t('unlock.unlocking') : t('unlock.submit')}
          </button>
        </div>
        <FailureAlert failure={failure} id={alertId} />
      </form>
      <p>
        <button type="button" className="button link" onClick={onBack} disabled={unlocking}>
          {t('unlock.back')}
        </button>
      </p>
    </main>
  );
}
