import { useId, type ChangeEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, pickLanguage, type Language } from '../../../src/common/i18n/languages';
import { usePlenum } from '../api/plenum-context';
import { callApi } from '../api/call-api';

/** Chooses the window's language and remembers it in the settings (a failure to save only loses the memory). */
export function LanguagePicker(): ReactElement {
  const { t, i18n } = useTranslation();
  const plenum = usePlenum();
  const id = useId();
  const current = pickLanguage(i18n.language);

  const change = (event: ChangeEvent<HTMLSelectElement>): void => {
    const language: Language = pickLanguage(event.target.value);
    void i18n.changeLanguage(language);
    void callApi(() => plenum.settings.update({ language }));
  };

  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('app.language.label')}</label>
      <select id={id} value={current} onChange={change}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`app.language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
