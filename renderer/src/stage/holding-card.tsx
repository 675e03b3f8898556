import type { ReactElement, ReactNode } from 'react';
import { useRoomTranslator } from '../i18n/use-room-translator';

/** Props of {@link HoldingCard}. */
export interface HoldingCardProps {
  courseTitle: string;
  /** The course's language: what the room reads is in the course's words. */
  language: string;
  /** The lecturer's own controls under the title (the single-window screen only). */
  children?: ReactNode;
}

/**
 * The holding screen: the course title, large, and a word that the session begins soon. The room sees it
 * before the film (unless the lecturer shows the course's notice) and whenever the lecturer puts it up (H).
 */
export function HoldingCard({ courseTitle, language, children }: HoldingCardProps): ReactElement {
  const { t, language: roomLanguage } = useRoomTranslator(language);
  return (
    <section className="holding-card" data-role="holding" aria-label={courseTitle}>
      <div className="holding-text" lang={roomLanguage}>
        <p className="holding-label">{t('stage.holding.label')}</p>
        <h2>{courseTitle}</h2>
        <p className="holding-soon">{t('stage.holding.soon')}</p>
      </div>
      {children}
    </section>
  );
}
