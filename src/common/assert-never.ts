/** The end of an exhaustive switch: the compiler proves it unreachable, and at run time it refuses loudly. */
export function assertNever(value: never): never {
  // Reaching this means a value outside its declared union got in (a stale client, a hand-edited file): say which.
  throw new Error(`unexpected value ${describe(value)}`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a BigInt or a cycle: still name it rather than fail with a different error
  }
}
