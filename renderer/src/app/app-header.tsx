import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './language-picker';

/** The band above the library, unlock and overview screens: the app's name and the language picker. */
export function AppHeader(): ReactElement {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <p className="app-name">
        <span className="app-name-word">{t('app.name')}</span>
        <span className="app-tagline">{t('app.tagline')}</span>
      </p>
      <LanguagePicker />
    </header>
  );
}
