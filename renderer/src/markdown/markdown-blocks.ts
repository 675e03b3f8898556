/** One block of Markdown reduced to plain text: a heading, a paragraph, a quotation, a list or a table. */
export type MarkdownBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[] | null; rows: string[][] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^\s*>\s?(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*$/;

/** The cells of a pipe-table row (a backslash-escaped bar is a literal bar inside a cell). */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => markdownInlineText(cell.replace(/\\\|/g, '|')));
}

/** A pipe table from its lines: a header when the second line is the '---' rule, else body rows only. */
function tableBlock(lines: readonly string[]): MarkdownBlock {
  const [first, second] = lines;
  if (first !== undefined && second !== undefined && TABLE_RULE.test(second)) {
    return { kind: 'table', header: tableCells(first), rows: lines.slice(2).map(tableCells) };
  }
  return { kind: 'table', header: null, rows: lines.map(tableCells) };
}

/**
 * Strips inline Markdown down to the words: images become their alt text, links "label (url)" (links are
 * shown, never followed), emphasis and code marks go. The result is text for React to render as text, so
 * nothing in a course can become markup.
 */
export function markdownInlineText(source: string): string {
  return source
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 ($2)')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A minimal, safe Markdown reader for course texts: blocks split on blank lines, headings, block quotes and
 * lists recognised, everything else a paragraph. Raw HTML is kept as literal text, never interpreted.
 */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let table: string[] = [];

  const flush = (): void => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', text: markdownInlineText(paragraph.join(' ')) });
    if (quote.length > 0) blocks.push({ kind: 'quote', text: markdownInlineText(quote.join(' ')) });
    if (list !== null) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    if (table.length > 0) blocks.push(tableBlock(table));
    paragraph = [];
    table = [];
    quote = [];
    list = null;
  };

  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      flush();
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        text: markdownInlineText(heading[2] ?? ''),
      });
      continue;
    }
    if (TABLE_ROW.test(line) && paragraph.length === 0 && quote.length === 0 && list === null) {
      table.push(line);
      continue;
    }
    if (table.length > 0) flush();
    const bullet = BULLET.exec(line);
    const numbered = bullet === null ? NUMBERED.exec(line) : null;
    const item = bullet ?? numbered;
    if (item !== null) {
      const ordered = numbered !== null;
      if (list === null || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(markdownInlineText(item[1] ?? ''));
      continue;
    }
    const quoted = QUOTE.exec(line);
    if (quoted !== null) {
      if (quote.length === 0) flush();
      quote.push(quoted[1] ?? '');
      continue;
    }
    if (list !== null) {
      // A continuation line of the last list item (indented or lazy).
      const items: string[] = list.items;
      items[items.length - 1] = markdownInlineText(`${items[items.length - 1] ?? ''} ${line}`);
      continue;
    }
    if (quote.length > 0) {
      quote.push(line);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks.filter((block) => block.kind === 'list' || block.kind === 'table' || block.text !== '');
}
