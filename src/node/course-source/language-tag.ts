// A two- or three-letter primary language (ISO 639), then any BCP 47 subtags. Longer primary subtags are
// well-formed BCP 47 but unassigned, and accepting them would let words like "norsk" through.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Whether a course's `language` (or a subtitle's) is a usable BCP 47 tag such as "nb", "nn-NO" or "en-GB". */
export function isLanguageTag(tag: string): boolean {
  if (!LANGUAGE_TAG.test(tag)) {
    return false;
  }
  try {
    // Intl knows the rest of BCP 47's grammar (subtag order, duplicate variants, singletons).
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return false;
  }
}
