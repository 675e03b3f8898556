import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** The keys listed, in the order a lecturer needs them; each names its translation key under film.keys. */
const KEY_ROWS = [
  'play',
  'next',
  'previous',
  'prompts',
  'allPrompts',
  'blank',
  'white',
  'holding',
  'fullscreen',
  'escape',
  'digits',
  'chapters',
  'board',
  'subtitles',
  'help',
] as const;

/** Props of {@link KeysOverlay}. */
export interface KeysOverlayProps {
  onClose(): void;
}

/** The film screen's keys (also a clicker's), shown with ?; Esc, ? or the button closes it. */
export function KeysOverlay({ onClose }: KeysOverlayProps): ReactElement {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement;
    button.current?.focus();
    return () => {
      // Focus goes back where it was, so the lecturer's place on the screen is kept.
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);
  return (
    <div
      className="keys-overlay"
      data-role="keys"
      role="dialog"
      aria-modal="true"
      aria-labelledby="keys-overlay-heading"
    >
      <div className="keys-card">
        <h2 id="keys-overlay-heading">{t('film.keys.heading')}</h2>
        <dl className="keys-list">
          {KEY_ROWS.map((row) => (
            <div key={row} className="keys-row">
              <dt>{t(`film.keys.${row}.keys`)}</dt>
              <dd>{t(`film.keys.${row}.does`)}</dd>
            </div>
          ))}
        </dl>
        <button ref={button} type="button" className="button primary" onClick={onClose}>
          {t('film.keys.close')}
        </button>
      </div>
    </div>
  );
}
