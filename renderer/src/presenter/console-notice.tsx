import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownText } from '../markdown/markdown-text';

/** Props of {@link ConsoleNotice}. */
export interface ConsoleNoticeProps {
  notice: string;
  /** The room sees the notice now (the lecturer chose to show it). */
  shown: boolean;
  onShow(shown: boolean): void;
}

/**
 * The course's notice, addressed to the lecturer, on the console before the first frame; the room sees it
 * only when the lecturer puts it there (and the holding screen until then).
 */
export function ConsoleNotice({ notice, shown, onShow }: ConsoleNoticeProps): ReactElement {
  const { t } = useTranslation();
  return (
    <section
      className="presenter-card console-notice"
      data-role="console-notice"
      aria-labelledby="console-notice-heading"
    >
      <h2 id="console-notice-heading">{t('overview.noticeHeading')}</h2>
      <MarkdownText source={notice} baseLevel={2} />
      <button
        type="button"
        className="button"
        data-role="notice-to-room"
        aria-pressed={shown}
        onClick={() => onShow(!shown)}
      >
        {shown ? t('presenter.notice.hide') : t('presenter.notice.show')}
      </button>
    </section>
  );
}
