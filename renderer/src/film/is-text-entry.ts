import { OWN_KEYS_SELECTOR } from '../../../src/common/lecture/lecture-keys';

const NON_TEXT_INPUTS: ReadonlySet<string> = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/**
 * Whether keys typed into this target belong to it (text fields, text areas, selects, editable content, and
 * widgets with keys of their own such as the chapter overview).
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest(OWN_KEYS_SELECTOR) !== null) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type.toLowerCase());
}
