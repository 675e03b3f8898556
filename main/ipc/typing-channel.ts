/**
 * The one internal message outside the contract: the preload reports whether a text field has focus, so
 * main leaves typing keys (Space, B, ., F, arrows) to the page while the lecturer writes a note. It is not
 * exposed on `window.plenum`; the bundled preload imports this name like main does.
 */
export const TYPING_CHANNEL = 'plenum:typing';
