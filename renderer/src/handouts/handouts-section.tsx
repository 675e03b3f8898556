import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOUT_KINDS, type HandoutKind } from './handout-kind';

/** Props of {@link HandoutsSection}. */
export interface HandoutsSectionProps {
  onOpen(kind: HandoutKind): void;
}

/** The overview's list of printable handouts, one button each; each opens in its own view. */
export function HandoutsSection({ onOpen }: HandoutsSectionProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-role="handouts">
      <h2 id={headingId}>{t('handouts.heading')}</h2>
      <p>{t('handouts.intro')}</p>
      <ul className="handout-list">
        {HANDOUT_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="button"
              data-role={`handout-${kind}`}
              onClick={() => onOpen(kind)}
            >
              {t(`handouts.kinds.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
