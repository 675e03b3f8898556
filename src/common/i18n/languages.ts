/** The languages Plenum speaks; nb (bokmål) is the default. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const;

/** One of the languages Plenum speaks. */
export type Language = (typeof LANGUAGES)[number];

/** The language used when nothing else is asked for. */
export const DEFAULT_LANGUAGE: Language = 'nb';

/**
 * Picks Plenum's language from a locale tag such as `nb_NO.UTF-8`, `nn-NO`, `no` or `en-GB`.
 * Norwegian without a written standard (`no`) means bokmål; anything unknown falls back to the default.
 */
export function pickLanguage(tag: string | undefined): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_.@]/)[0] ?? '';
  switch (base) {
    case 'nn':
      return 'nn';
    case 'en':
      return 'en';
    case 'nb':
    case 'no':
      return 'nb';
    default:
      return DEFAULT_LANGUAGE;
  }
}
