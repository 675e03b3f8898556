import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, type Language } from './languages';
import { RESOURCES, NAMESPACES } from './resources';

/** A translate function bound to one language, with every namespace of locales/ loaded. */
export type Translate = TFunction;

/**
 * Creates an isolated i18next instance for one language (no global state, so the CLI, main and tests
 * can each hold their own). Resources are bundled, so nothing is ever fetched.
 */
export function createTranslator(language: Language = DEFAULT_LANGUAGE): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: RESOURCES,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next otherwise prints an advertisement to the console on every init.
    showSupportNotice: false,
  });
  return instance.t.bind(instance);
}
