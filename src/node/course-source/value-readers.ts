import { isScalar, isSeq } from 'yaml';
import { ID_PATTERN } from '../../common/course/manifest';
import { formatTime, parseTime } from '../../common/course/time';
import { COURSE_LIMITS } from './course-limits';
import { isLanguageTag } from './language-tag';
import { chargeCharacters } from './load-budget';
import type { FieldNode, LoadContext, Located } from './load-context';

/**
 * Reads non-empty text of at most `maxCharacters` (a one-line field unless told); reports `not-a-string`,
 * `empty-text` or `text-too-long`, and counts it against the course's total.
 */
export function readText(
  ctx: LoadContext,
  field: FieldNode,
  maxCharacters: number = COURSE_LIMITS.lineCharacters,
): Located<string> | undefined {
  const node = ctx.yaml.resolve(field.node);
  if (!isScalar(node) || typeof node.value !== 'string') {
    ctx.issues.error('not-a-string', field.at, {});
    return undefined;
  }
  if (node.value.length > maxCharacters) {
    ctx.issues.error('text-too-long', field.at, {
      length: String(node.value.length),
      limit: String(maxCharacters),
    });
    return undefined;
  }
  if (node.value.trim() === '') {
    ctx.issues.error('empty-text', field.at, {});
    return undefined;
  }
  if (!chargeCharacters(ctx, node.value.length, field.at)) {
    return undefined;
  }
  return { value: node.value, at: field.at };
}

/** Reads an id (lowercase letters, digits and '-'); reports `bad-id`. */
export function readId(ctx: LoadContext, field: FieldNode): Located<string> | undefined {
  const text = readText(ctx, field, COURSE_LIMITS.idCharacters);
  if (text !== undefined && !ID_PATTERN.test(text.value)) {
    ctx.issues.error('bad-id', field.at, { value: text.value });
    return undefined;
  }
  return text;
}

/** Reads a BCP 47 language tag; reports `bad-language`. */
export function readLanguage(ctx: LoadContext, field: FieldNode): Located<string> | undefined {
  const text = readText(ctx, field, COURSE_LIMITS.languageCharacters);
  if (text !== undefined && !isLanguageTag(text.value)) {
    ctx.issues.error('bad-language', field.at, { value: text.value });
    return undefined;
  }
  return text;
}

/**
 * Reads a time ("mm:ss", "hh:mm:ss", optional ".fff", or seconds) as seconds; reports `bad-time`, or
 * `time-too-large` past COURSE_LIMITS.timeSeconds (so `1e308` is named as written, never as "Infinity:NaN").
 */
export function readTime(ctx: LoadContext, field: FieldNode): Located<number> | undefined {
  const node = ctx.yaml.resolve(field.node);
  const seconds = isScalar(node) ? parseTime(node.value) : null;
  if (seconds === null) {
    ctx.issues.error('bad-time', field.at, { value: ctx.yaml.shown(node) });
    return undefined;
  }
  if (seconds > COURSE_LIMITS.timeSeconds) {
    ctx.issues.error('time-too-large', field.at, {
      value: ctx.yaml.shown(node),
      limit: formatTime(COURSE_LIMITS.timeSeconds),
    });
    return undefined;
  }
  return { value: seconds, at: field.at };
}

/** Reads true or false; reports `not-a-boolean` (YAML 1.2: `yes` and `no` are text, not booleans). */
export function readBoolean(ctx: LoadContext, field: FieldNode): boolean | undefined {
  const node = ctx.yaml.resolve(field.node);
  if (!isScalar(node) || typeof node.value !== 'boolean') {
    ctx.issues.error('not-a-boolean', field.at, {});
    return undefined;
  }
  return node.value;
}

/** Reads a number of minutes greater than zero; reports `not-a-number` or `bad-minutes`. */
export function readMinutes(ctx: LoadContext, field: FieldNode): number | undefined {
  const node = ctx.yaml.resolve(field.node);
  if (!isScalar(node) || typeof node.value !== 'number') {
    ctx.issues.error('not-a-number', field.at, {});
    return undefined;
  }
  if (!Number.isFinite(node.value) || node.value <= 0) {
    ctx.issues.error('bad-minutes', field.at, { value: ctx.yaml.shown(node) });
    return undefined;
  }
  return node.value;
}

/** Reads a list into its items, each with its own path and position; reports `not-a-list`. */
export function readList(ctx: LoadContext, field: FieldNode): FieldNode[] | undefined {
  const node = ctx.yaml.resolve(field.node);
  if (!isSeq(node)) {
    ctx.issues.error('not-a-list', field.at, {});
    return undefined;
  }
  return node.items.map((item, index) => {
    const path = `${field.path}[${index}]`;
    return { node: item, path, at: ctx.yaml.at(item, path) };
  });
}
