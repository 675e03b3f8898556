import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { SessionState } from '../../../src/common/session/session-state';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { timeOfDay } from '../app/time-of-day';

/** Props of {@link SessionControls}. */
export interface SessionControlsProps {
  course: UnlockedCourse;
  session: SessionState;
}

/**
 * The session as a whole: says so when this is a session continued (after a crash, a lock, or coming back
 * from the overview) and offers a fresh one instead; and "End the session", asked once more before it is
 * done, since an ended session cannot be continued.
 */
export function SessionControls({ course, session }: SessionControlsProps): ReactElement {
  const { t, i18n } = useTranslation();
  const plenum = usePlenum();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const began = timeOfDay(session.startedAt, i18n.language);

  const startFresh = async (): Promise<void> => {
    const result = await callApi(() =>
      plenum.session.begin({ handle: course.handle, kind: session.kind, view: session.view, fresh: true }),
    );
    setFailure(result.ok ? null : result.error);
  };
  const end = async (): Promise<void> => {
    dialog.current?.close();
    const result = await callApi(() => plenum.session.end({}));
    setFailure(result.ok ? null : result.error);
  };

  return (
    <div className="session-controls" data-role="session-controls">
      {session.continued && (
        <p className="session-continued" data-role="session-continued">
          {t('presenter.session.continued', { time: began })}
          <button
            type="button"
            className="button small"
            data-role="session-fresh"
            onClick={() => void startFresh()}
          >
            {t('presenter.session.fresh')}
          </button>
        </p>
      )}
      <button
        type="button"
        className="button small"
        data-role="end-session"
        onClick={() => dialog.current?.showModal()}
      >
        {t('presenter.session.end')}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        data-role="end-session-confirm"
        aria-labelledby="end-session-title"
      >
        <h2 id="end-session-title">{t('presenter.session.endTitle')}</h2>
        <p>{t('presenter.session.endExplain', { time: began })}</p>
        <div className="actions">
          <button
            type="button"
            className="button primary"
            data-role="end-session-yes"
            onClick={() => void end()}
          >
            {t('presenter.session.endConfirm')}
          </button>
          <button
            type="button"
            className="button"
            data-role="end-session-no"
            onClick={() => dialog.current?.close()}
          >
            {t('presenter.session.endCancel')}
          </button>
        </div>
      </dialog>
      <FailureAlert failure={failure} />
    </div>
  );
}
