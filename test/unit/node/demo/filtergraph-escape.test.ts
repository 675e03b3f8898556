import {
  escapeForFiltergraph,
  filterWithOptions,
  quoteOptionValue,
} from '../../../../src/node/demo/filtergraph-escape';

test('quotes an option value, closing and reopening around single quotes', () => {
  expect(quoteOptionValue('a:b, c')).toBe("'a:b, c'");
  expect(quoteOptionValue("it's")).toBe("'it'\\''s'");
  expect(quoteOptionValue('C:\\fonts\\x.ttf')).toBe("'C:\\fonts\\x.ttf'");
});

test('escapes the graph-level specials', () => {
  expect(escapeForFiltergraph("a'b[c],d;e\\f")).toBe("a\\'b\\[c\\]\\,d\\;e\\\\f");
});

test('builds a filter from options, leaving letters such as æøå alone', () => {
  expect(filterWithOptions('drawtext', { text: 'Blåbær: 1, 2', fontsize: 12 })).toBe(
    "drawtext=text=\\'Blåbær: 1\\, 2\\':fontsize=\\'12\\'",
  );
  expect(filterWithOptions('null', {})).toBe('null');
});
