import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link DemoCourseCard}. */
export interface DemoCourseCardProps {
  /** The demo's title from the library, or null before it has been opened once. */
  title: string | null;
  disabled: boolean;
  onOpen(): void;
}

/** The demo course, offered first so a new user can try Plenum at once. */
export function DemoCourseCard({ title, disabled, onOpen }: DemoCourseCardProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const name = title ?? t('library.demoTitle');
  return (
    <section className="card demo-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('library.demoHeading')}</h2>
      <p className="card-title">{name}</p>
      <p>{t('library.demoDescription')}</p>
      <button
        type="button"
        className="button primary"
        data-role="open-demo"
        disabled={disabled}
        aria-label={t('library.openNamed', { title: name })}
        onClick={onOpen}
      >
        {t('library.open')}
      </button>
    </section>
  );
}
