/**
 * The 1-based line and column of character offsets in one text (for issues inside Markdown files). The line
 * starts are found once, so placing each of thousands of issues in a long text is a binary search.
 */
export function textPositions(text: string): (offset: number) => { line: number; col: number } {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    lineStarts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
