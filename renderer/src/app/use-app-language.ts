import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage, type Language } from '../../../src/common/i18n/languages';
import { usePlenumState } from '../api/use-plenum-state';

/**
 * The window's language: the one in main's settings (followed when another window changes it), set on the
 * document so screen readers pronounce it right. Returns the language in use.
 */
export function useAppLanguage(): Language {
  const { i18n } = useTranslation();
  const wanted = usePlenumState()?.settings.language;
  useEffect(() => {
    if (wanted !== undefined && wanted !== i18n.language) void i18n.changeLanguage(wanted);
  }, [wanted, i18n]);
  const language = pickLanguage(i18n.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}
