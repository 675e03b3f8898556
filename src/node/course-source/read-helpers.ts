import type { FieldNode, LoadContext } from './load-context';
import { readList } from './value-readers';

/** Reads a field when present. */
export function readWith<T>(
  field: FieldNode | undefined,
  read: (field: FieldNode) => T | undefined,
): T | undefined {
  return field === undefined ? undefined : read(field);
}

/** Reads a field when present, with a reader that reads files. */
export async function readWithAsync<T>(
  field: FieldNode | undefined,
  read: (field: FieldNode) => Promise<T | undefined>,
): Promise<T | undefined> {
  return field === undefined ? undefined : read(field);
}

/** Reads every item of a list field, in order; an absent field is an empty list. */
export async function readEach<T>(
  ctx: LoadContext,
  field: FieldNode | undefined,
  read: (item: FieldNode) => T | undefined | Promise<T | undefined>,
): Promise<T[]> {
  const items = field === undefined ? [] : (readList(ctx, field) ?? []);
  const values: T[] = [];
  for (const item of items) {
    const value = await read(item);
    if (value !== undefined) {
      values.push(value);
    }
  }
  return values;
}

/** Drops keys whose value is undefined, so optional fields are absent rather than present-but-undefined. */
export function definedOnly<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
