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
  const withoutFences = markdown.replace(
    // The lookaheads keep a long run from being retried one backtick shorter at a time (50,000 backticks
    // took 5.5 s that way).
    /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm,
    blank,
  );
  return maskCodeSpans(withoutFences);
}

/**
 * Blanks out code spans as CommonMark finds them: a run of n backticks opens a span that the next run of
 * exactly n backticks closes; a run with no such partner is literal. One pass over the runs, with a cursor
 * per run length, so text made of unmatched runs of every length costs no more than any other (a regular
 * expression took 20 s on 180 KB of such runs).
 */
function maskCodeSpans(text: string): string {
  const runs = [...text.matchAll(/`+/g)].map((match) => ({ start: match.index, length: match[0].length }));
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length) ?? [];
    list.push(index);
    byLength.set(run.length, list);
  });
  const cursors = new Map<number, number>();
  const parts: string[] = [];
  let copied = 0;
  let index = 0;
  while (index < runs.length) {
    const open = runs[index];
    if (open === undefined) break;
    const list = byLength.get(open.length) ?? [];
    let cursor = cursors.get(open.length) ?? 0;
    while ((list[cursor] ?? Infinity) <= index) cursor += 1;
    cursors.set(open.length, cursor);
    const closeIndex = list[cursor];
    const close = closeIndex === undefined ? undefined : runs[closeIndex];
    if (closeIndex === undefined || close === undefined) {
      index += 1;
      continue;
    }
    const end = close.start + close.length;
    parts.push(text.slice(copied, open.start), blank(text.slice(open.start, end)));
    copied = end;
    index = closeIndex + 1;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The same text with everything but line breaks turned into spaces. */
function blank(part: string): string {
  return part.replace(/[^\n]/g, ' ');
}
