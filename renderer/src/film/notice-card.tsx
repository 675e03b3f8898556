import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownText } from '../markdown/markdown-text';

/** Props of {@link NoticeCard}. */
export interface NoticeCardProps {
  notice: string;
  /** False on the projector: the notice shows without a button nobody there can press. */
  interactive: boolean;
  onStart(): void;
}

/**
 * The course's notice (a content warning, say) on the stage before the film's first frame, so the room
 * reads it before anything plays. Start (or any lecture key that plays) dismisses it.
 */
export function NoticeCard({ notice, interactive, onStart }: NoticeCardProps): ReactElement {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (interactive) button.current?.focus();
  }, [interactive]);
  return (
    <section className="notice-card" data-role="notice" aria-labelledby="notice-card-heading">
      <h2 id="notice-card-heading">{t('overview.noticeHeading')}</h2>
      <MarkdownText source={notice} baseLevel={2} />
      {interactive && (
        <div className="discussion-actions">
          <button
            ref={button}
            type="button"
            className="button primary large"
            data-role="notice-start"
            onClick={onStart}
          >
            {t('overview.start')}
          </button>
          <p className="hint">{t('film.noticeHint')}</p>
        </div>
      )}
    </section>
  );
}
