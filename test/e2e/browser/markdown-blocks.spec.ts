import { expect, test } from '@playwright/test';
import { markdownBlocks, markdownInlineText } from '../../../renderer/src/markdown/markdown-blocks';

// The safe Markdown reader, in plain Node: text in, text out, never markup.

test('paragraphs, headings, quotes and lists become text blocks', () => {
  const source =
    '# Rune\n\nFirst line\nsecond line.\n\n## Alder\n> A quote\n> goes on\n\n- one\n- two\n  more\n\n1. first';
  expect(markdownBlocks(source)).toEqual([
    { kind: 'heading', level: 1, text: 'Rune' },
    { kind: 'paragraph', text: 'First line second line.' },
    { kind: 'heading', level: 2, text: 'Alder' },
    { kind: 'quote', text: 'A quote goes on' },
    { kind: 'list', ordered: false, items: ['one', 'two more'] },
    { kind: 'list', ordered: true, items: ['first'] },
  ]);
});

test('pipe tables keep their header and cells', () => {
  const source = 'Before.\n\n| Person | Rolle |\n|---|:--:|\n| Rune | Bruker |\n| Gro | a \\| b |\n\nAfter.';
  expect(markdownBlocks(source)).toEqual([
    { kind: 'paragraph', text: 'Before.' },
    {
      kind: 'table',
      header: ['Person', 'Rolle'],
      rows: [
        ['Rune', 'Bruker'],
        ['Gro', 'a | b'],
      ],
    },
    { kind: 'paragraph', text: 'After.' },
  ]);
});

test('inline marks go, links keep their address, HTML stays literal text', () => {
  expect(markdownInlineText('This is **his** meeting, *not* _theirs_.')).toBe(
    'This is his meeting, not theirs.',
  );
  expect(markdownInlineText('See [the guide](https://example.org/x).')).toBe(
    'See the guide (https://example.org/x).',
  );
  expect(markdownInlineText('![a chart](img/chart.png)')).toBe('a chart');
  expect(markdownInlineText('snake_case_name stays')).toBe('snake_case_name stays');
  expect(markdownInlineText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
});
