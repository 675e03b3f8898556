import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link ReadyActions}. */
export interface ReadyActionsProps {
  hasNotice: boolean;
  onStart(): void;
  onShowNotice(): void;
}

/**
 * The lecturer's start on the single-window screen before the film: Start (focused, so Enter or a clicker
 * begins), and, when the course has a notice, a word that it is there and a button to show it to the room.
 */
export function ReadyActions({ hasNotice, onStart, onShowNotice }: ReadyActionsProps): ReactElement {
  const { t } = useTranslation();
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    start.current?.focus();
  }, []);
  return (
    <div className="discussion-actions ready-actions">
      <button
        ref={start}
        type="button"
        className="button primary large"
        data-role="notice-start"
        onClick={onStart}
      >
        {t('overview.start')}
      </button>
      {hasNotice && (
        <button type="button" className="button dark" data-role="show-notice" onClick={onShowNotice}>
          {t('stage.holding.showNotice')}
        </button>
      )}
      {hasNotice && <p className="hint">{t('stage.holding.noticeForYou')}</p>}
    </div>
  );
}
