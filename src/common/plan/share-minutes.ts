/**
 * Shares `total` whole minutes among items in proportion to their weights, each item getting at least one
 * (a discussion of zero minutes would not be a discussion). The shares add up to exactly `total` whenever
 * there are at least as many minutes as items; with fewer, every item still gets its one minute and the sum
 * is the number of items (the caller's totals then show the plan running over).
 *
 * Largest remainders decide the odd minutes (earlier items first on a tie), so the result is deterministic,
 * within a minute of the exact proportion unless the one-minute floor had to be paid for, and a heavier
 * item never gets fewer minutes than a lighter one.
 */
export function shareMinutes(weights: readonly number[], total: number): number[] {
  const count = weights.length;
  if (count === 0) return [];
  const available = Math.max(0, Math.floor(total));
  if (available <= count) return weights.map(() => 1);
  const sum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  // Without any positive weight, every item counts the same.
  const exact = weights.map((weight) =>
    sum > 0 ? (available * Math.max(0, weight)) / sum : available / count,
  );
  const shares = exact.map((value) => Math.max(1, Math.floor(value)));
  let difference = available - shares.reduce((a, b) => a + b, 0);
  if (difference > 0) {
    // The remainder is what the share falls short of the exact value; an item lifted to one minute has
    // none, so a heavier item never ends up with fewer minutes than a lighter one.
    const byRemainder = exact
      .map((value, index) => ({ index, remainder: value - (shares[index] ?? 0) }))
      .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
    // The floors leave fewer than `count` minutes over, so one pass hands them all out.
    for (const { index } of byRemainder) {
      if (difference === 0) break;
      shares[index] = (shares[index] ?? 0) + 1;
      difference -= 1;
    }
  }
  while (difference < 0) {
    // The one-minute floor lifted some items: take the excess back from the largest shares, the lightest of
    // equal shares first (so it cannot drop below a lighter item's).
    let largest = 0;
    shares.forEach((share, index) => {
      const top = shares[largest] ?? 0;
      if (share > top || (share === top && (exact[index] ?? 0) < (exact[largest] ?? 0))) largest = index;
    });
    shares[largest] = (shares[largest] ?? 0) - 1;
    difference += 1;
  }
  return shares;
}
