import type { ReactElement } from 'react';
import { LinkQr } from '../film/link-qr';
import { useRoomTranslator } from '../i18n/use-room-translator';
import { BreakableUrl } from './breakable-url';

/** Props of {@link EndCard}. */
export interface EndCardProps {
  courseTitle: string;
  /** The institution's evaluation (settings), or null for none: then there is no QR code. */
  evaluationUrl: string | null;
  /** The lecturer's closing words (settings), or null. */
  closingMessage: string | null;
  /** `finished`: the film has played to its end; `ended`: the lecturer ended the session. */
  reason: 'finished' | 'ended';
  /** The course's language for what the room reads; the window's own when unknown. */
  language?: string | undefined;
}

/**
 * What the room sees at the end, the same whether the film played to its end or the lecturer ended the
 * session: the course's title, thanks, the closing message, and a QR code to the evaluation large enough to
 * scan from the back row, with the address as text for those who type it. The QR code is drawn offline.
 */
export function EndCard({
  courseTitle,
  evaluationUrl,
  closingMessage,
  reason,
  language,
}: EndCardProps): ReactElement {
  const { t, language: roomLanguage } = useRoomTranslator(language);
  return (
    <section
      className="end-card"
      lang={roomLanguage}
      data-role={reason === 'finished' ? 'finished' : 'end-card'}
      data-evaluation={evaluationUrl !== null}
      aria-labelledby="end-card-heading"
    >
      <div className="end-card-text">
        {reason === 'finished' && <p className="end-card-label">{t('film.finished')}</p>}
        <h2 id="end-card-heading">{courseTitle}</h2>
        <p className="end-card-thanks">{t('stage.end.thanks')}</p>
        {closingMessage !== null && (
          <p className="end-card-message" data-role="closing-message">
            {closingMessage}
          </p>
        )}
        {evaluationUrl !== null && (
          <div className="end-card-evaluation">
            <p className="end-card-ask">{t('stage.end.evaluate')}</p>
            <p className="end-card-address" data-role="evaluation-address">
              <BreakableUrl url={evaluationUrl} />
            </p>
          </div>
        )}
      </div>
      {evaluationUrl !== null && (
        <div className="end-card-qr" data-role="evaluation-qr">
          <LinkQr url={evaluationUrl} label={t('stage.end.evaluationLabel')} />
        </div>
      )}
    </section>
  );
}
