/**
 * JSON.parse that returns undefined instead of throwing: JSON columns are read back from a file a user may
 * have edited by hand, and the zod schema that follows turns undefined into "skip this row".
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
