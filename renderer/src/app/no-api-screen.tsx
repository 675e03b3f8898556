import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown when the page was opened outside Plenum (no `window.plenum`): says where to open it instead. */
export function NoApiScreen(): ReactElement {
  const { t } = useTranslation();
  return (
    <main className="page screen">
      <h1>{t('app.name')}</h1>
      <p role="alert" className="alert">
        {t('app.noApi')}
      </p>
    </main>
  );
}
