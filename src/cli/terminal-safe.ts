// Characters a terminal may act on instead of showing: C0 controls (ESC starts every escape sequence; CR and
// BS can overwrite a line; LF can fake one), DEL, C1 controls (U+009B is a one-character CSI on some
// terminals), the line and paragraph separators, and the bidirectional overrides, embeddings and isolates
// that can make text read differently from what it is ("Trojan Source").
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text read from a file (a course file's header, course.yaml) safe to print: every character a
 * terminal could act on becomes a visible `\uXXXX` escape. The escape is JSON's own, so the same function
 * also makes `JSON.stringify` output safe (which escapes C0 but leaves C1 and bidi characters raw) without
 * changing what it means.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
