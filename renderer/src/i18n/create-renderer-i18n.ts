import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../src/common/i18n/languages';
import { DEFAULT_LANGUAGE } from '../../../src/common/i18n/languages';
import { NAMESPACES, RESOURCES } from '../../../src/common/i18n/resources';

/**
 * The window's i18next instance: every namespace bundled (nothing is fetched), bokmål as the fallback,
 * initialised synchronously so the first render already has its words.
 */
export function createRendererI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'app',
    resources: RESOURCES,
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" on screen.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
