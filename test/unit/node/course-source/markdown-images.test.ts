import { findMarkdownImages } from '../../../../src/node/course-source/markdown-images';

/** Just the destinations, in order. */
function destinations(markdown: string): string[] {
  return findMarkdownImages(markdown).map((image) => image.destination);
}

describe('findMarkdownImages', () => {
  test('finds inline images with their offsets', () => {
    const markdown = 'Hi ![a](images/a.png) there';
    expect(findMarkdownImages(markdown)).toEqual([{ destination: 'images/a.png', start: 8, end: 20 }]);
  });

  test('reads titles, angle brackets, nested brackets and balanced parentheses', () => {
    expect(
      destinations(
        '![a](a.png "Title") ![b](<my b.png>) ![c [d]](c.png \'t\') ![e](e(1).png) ![f](\n  f.png\n)',
      ),
    ).toEqual(['a.png', 'my b.png', 'c.png', 'e(1).png', 'f.png']);
  });

  test('resolves reference-style images to their definitions, once per definition', () => {
    const markdown = '![one][pic] ![Pic][] ![pic]\n\n[PIC]: images/p.png "Title"\n[unused]: images/u.png\n';
    expect(destinations(markdown)).toEqual(['images/p.png']);
  });

  test('ignores links, code spans and fenced code', () => {
    const markdown = '[link](x.png) `![no](code.png)`\n\n```md\n![no](fenced.png)\n```\n\n![yes](y.png)\n';
    expect(destinations(markdown)).toEqual(['y.png']);
  });

  test('a code span closes only at a run of as many backticks; an unmatched run is literal', () => {
    expect(destinations('`` a ` ![no](one.png) `` ![yes](two.png) ` ![no](three.png) `')).toEqual([
      'two.png',
    ]);
    expect(destinations('``` unmatched ![yes](a.png) `` ![yes](b.png) `')).toEqual(['a.png', 'b.png']);
  });

  test('unmatched backtick runs of every length are read in one pass (a regular expression took 20 s)', () => {
    // Runs of 1, 2, …, 600 backticks, none with a partner: every one is literal, so the image counts.
    const runs = Array.from({ length: 600 }, (_, index) => `${'`'.repeat(index + 1)}a`).join('');
    expect(destinations(`${runs} ![yes](y.png)`)).toEqual(['y.png']);
  });

  test('a line of 50,000 backticks is not retried one backtick shorter at a time (it took 5.5 s)', () => {
    expect(destinations(`${'`'.repeat(50_000)} ![yes](y.png)`)).toEqual(['y.png']);
    // A real fence still hides what it holds.
    expect(destinations('````\n![no](n.png)\n`````\n![yes](y.png)')).toEqual(['y.png']);
  });

  test('ignores shortcut references without a definition and empty destinations', () => {
    expect(destinations('![just text] ![empty]()')).toEqual([]);
  });
});
