import { FieldReader } from './field-reader';
import type { FieldNode, LoadContext } from './load-context';
import { readMarkdown } from './markdown-field';
import { definedOnly, readEach, readWith } from './read-helpers';
import { UniqueValues } from './unique-values';
import { readText } from './value-readers';

/**
 * Reads the optional `handout` section: what the students' handout prints besides the course's own fields.
 * Every list may be left out; a fact's label is one line and names the fact once, everything else is Markdown.
 */
export async function readHandout(ctx: LoadContext, field: FieldNode): Promise<unknown> {
  const handout = FieldReader.open(ctx, field);
  if (handout === undefined) {
    return undefined;
  }
  const labels = new UniqueValues(ctx.issues, 'duplicate-fact');
  const facts = await readEach(ctx, handout.optional('facts'), (item) => readFact(ctx, item, labels));
  const before = await readEach(ctx, handout.optional('before'), (item) => readMarkdown(ctx, item));
  const after = await readEach(ctx, handout.optional('after'), (item) => readMarkdown(ctx, item));
  const themes = await readEach(ctx, handout.optional('themes'), (item) => readMarkdown(ctx, item));
  handout.finish();
  return { facts, before, after, themes };
}

/** One entry of `handout.facts`: a label and its value. */
async function readFact(ctx: LoadContext, item: FieldNode, labels: UniqueValues): Promise<unknown> {
  const fact = FieldReader.open(ctx, item);
  if (fact === undefined) {
    return undefined;
  }
  const label = readWith(fact.required('label'), (field) => readText(ctx, field));
  if (label !== undefined) {
    // Two facts under one heading would print as one heading twice; the author meant one of them.
    labels.claim({ value: label.value.trim(), at: label.at }, item.path);
  }
  const valueField = fact.required('value');
  const value = valueField === undefined ? undefined : await readMarkdown(ctx, valueField);
  fact.finish();
  return definedOnly({ label: label?.value, value });
}
