import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { pickLanguage, type Language } from '../../../src/common/i18n/languages';

/**
 * A translator for what the room reads: in the course's language (an English interface must not put
 * "DISCUSSION" over Norwegian prompts), the window's own when the course's is unknown. The buttons a
 * lecturer presses stay in the interface's language.
 */
export function useRoomTranslator(courseLanguage: string | undefined): { t: TFunction; language: Language } {
  const { i18n } = useTranslation();
  const language = pickLanguage(courseLanguage ?? i18n.language);
  return { t: i18n.getFixedT(language), language };
}
