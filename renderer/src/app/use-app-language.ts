import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage, type Language } from '../../../src/common/i18n/languages';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';

/**
 * The window's language: the one in the settings, followed when another window changes it, and set on the
 * document (so screen readers pronounce it right). Returns the language in use.
 */
export function useAppLanguage(): Language {
  const plenum = usePlenum();
  const { i18n } = useTranslation();
  useEffect(() => {
    let live = true;
    void callApi(() => plenum.settings.get({})).then((result) => {
      if (live && result.ok) void i18n.changeLanguage(result.value.language);
    });
    const stop = plenum.on('settings.changed', (settings) => void i18n.changeLanguage(settings.language));
    return () => {
      live = false;
      stop();
    };
  }, [plenum, i18n]);
  const language = pickLanguage(i18n.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}
