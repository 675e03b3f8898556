import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppLanguage } from '../app/use-app-language';

/** Props of {@link DisplayBadge}. */
export interface DisplayBadgeProps {
  displayNumber: number;
}

/**
 * One of the room check's "identify" badges: the display's number, as large as the small window allows, so
 * the lecturer can tell from the room which display is which. Main closes it after a few seconds.
 */
export function DisplayBadge({ displayNumber }: DisplayBadgeProps): ReactElement {
  const { t } = useTranslation('room');
  const language = useAppLanguage();
  const label = t('badge.label', { number: displayNumber });
  useEffect(() => {
    document.title = label;
  }, [label, language]);
  return (
    <main className="display-badge" data-role="display-badge" aria-label={label}>
      <p className="display-badge-number" aria-hidden="true">
        {displayNumber}
      </p>
      <p className="display-badge-label">{label}</p>
    </main>
  );
}
