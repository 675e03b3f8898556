/** An image destination found in Markdown: the text as written and where it sits (offsets into the Markdown). */
export interface MarkdownImage {
  destination: string;
  start: number;
  end: number;
}

// Link text may hold one level of nested brackets and backslash escapes, as CommonMark allows.
const LABEL = String.raw`(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*`;
// A destination is <anything but angle brackets> or a run without spaces whose parentheses balance (one level).
const DESTINATION = String.raw`(?:<([^<>\n]*)>|([^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*))`;
const TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?`;
const INLINE_IMAGE = new RegExp(String.raw`!\[${LABEL}\]\(\s*${DESTINATION}${TITLE}\s*\)`, 'dg');
const REFERENCE_IMAGE = new RegExp(String.raw`!\[(${LABEL})\](?:\[((?:[^\[\]\\]|\\.)*)\])?(?![(\[])`, 'g');
const DEFINITION = new RegExp(
  String.raw`^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*${DESTINATION}`,
  'dgm',
);

/**
 * Finds the images a Markdown text shows: inline `![alt](images/x.png "title")` and reference style
 * `![alt][ref]` with `[ref]: images/x.png`. Code spans and fenced code are skipped, since Markdown there is
 * shown literally. Raw HTML is ignored because the app renders Markdown without it.
 */
export function findMarkdownImages(markdown: string): MarkdownImage[] {
  const text = maskCode(markdown);
  const found = new Map<number, MarkdownImage>();
  for (const match of text.matchAll(INLINE_IMAGE)) {
    addGroup(found, markdown, match.indices?.[1] ?? match.indices?.[2]);
  }
  const definitions = new Map<string, [number, number] | undefined>();
  for (const match of text.matchAll(DEFINITION)) {
    const label = normaliseLabel(match[1] ?? '');
    // The first definition of a label wins, as in CommonMark.
    if (!definitions.has(label)) {
      definitions.set(label, match.indices?.[2] ?? match.indices?.[3]);
    }
  }
  for (const match of text.matchAll(REFERENCE_IMAGE)) {
    const reference = match[2] === undefined || match[2] === '' ? match[1] : match[2];
    addGroup(found, markdown, definitions.get(normaliseLabel(reference ?? '')));
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Records the destination captured at `span`, once per position (a definition may serve many images). */
function addGroup(
  found: Map<number, MarkdownImage>,
  markdown: string,
  span: [number, number] | undefined,
): void {
  if (span === undefined || span[0] === span[1]) {
    return;
  }
  const [start, end] = span;
  found.set(start, { destination: markdown.slice(start, end), start, end });
}

/** Reference labels match case-insensitively with runs of white space collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Blanks out fenced code blocks and code spans, keeping every offset and newline where it was. */
function maskCode(markdown: string): string {
  const blank = (part: string): string => part.replace(/[^\n]/g, ' ');
  const withoutFences = markdown.replace(
    /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm,
    blank,
  );
  return withoutFences.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
}
