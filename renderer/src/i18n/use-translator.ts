import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../../src/common/i18n/languages';
import { createTranslator, type Translate } from '../../../src/common/i18n/translator';

/**
 * A plain translator for the window's current language with every namespace, for shared describers such as
 * describeCourseFileProblem (which take a Translate, not React's hook).
 */
export function useTranslator(): Translate {
  const { i18n } = useTranslation();
  const language = pickLanguage(i18n.language);
  return useMemo(() => createTranslator(language), [language]);
}
