/*
 * ffmpeg reads a filtergraph in two passes, each with its own quoting (ffmpeg-utils, "Quoting and escaping"):
 * the graph parser splits filters at , ; [ ] and removes one level of quotes and backslashes, then each
 * filter splits its arguments at : and removes another. So a value is quoted for the filter first, and the
 * filter's whole argument string is escaped for the graph second. drawtext's own %{...} expansion is a third
 * level; titles are drawn with expansion=none so they need nothing more.
 */

/** Level 1: one option value, single-quoted so : \ , and spaces are literal; a ' is closed, escaped, reopened. */
export function quoteOptionValue(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Level 2: a filter's argument string inside a filtergraph: backslash-escape \ ' [ ] , ; */
export function escapeForFiltergraph(args: string): string {
  return args.replace(/[\\'[\],;]/g, '\\$&');
}

/**
 * One filter of a graph, with every option value quoted and the whole escaped, so any text (colons, quotes,
 * commas, backslashes, Windows paths, æøå) arrives at the filter unchanged.
 */
export function filterWithOptions(name: string, options: Readonly<Record<string, string | number>>): string {
  const args = Object.entries(options)
    .map(([key, value]) => `${key}=${quoteOptionValue(String(value))}`)
    .join(':');
  return args === '' ? name : `${name}=${escapeForFiltergraph(args)}`;
}
