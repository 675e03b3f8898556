import { COURSE_LIMITS } from './course-limits';
import type { IssueLocation } from './issue-collector';
import type { LoadBudget, LoadContext } from './load-context';

/** A fresh budget for loading one course. */
export function newLoadBudget(): LoadBudget {
  return { characters: 0, fileBytes: 0, exceeded: false };
}

/**
 * Counts `characters` of text read into the course; false (reported once, at `at`) when the course's total
 * passes COURSE_LIMITS.totalCharacters. After that nothing more is read, so the loader ends quickly.
 */
export function chargeCharacters(ctx: LoadContext, characters: number, at: IssueLocation): boolean {
  if (ctx.budget.exceeded) {
    return false;
  }
  ctx.budget.characters += characters;
  if (ctx.budget.characters > COURSE_LIMITS.totalCharacters) {
    ctx.budget.exceeded = true;
    ctx.issues.error('course-text-too-large', at, { limit: String(COURSE_LIMITS.totalCharacters) });
    return false;
  }
  return true;
}

/** Counts `bytes` of a file read for the course; false (reported once) past COURSE_LIMITS.totalFileBytes. */
export function chargeFileBytes(ctx: LoadContext, bytes: number, at: IssueLocation): boolean {
  if (ctx.budget.exceeded) {
    return false;
  }
  ctx.budget.fileBytes += bytes;
  if (ctx.budget.fileBytes > COURSE_LIMITS.totalFileBytes) {
    ctx.budget.exceeded = true;
    ctx.issues.error('course-files-too-large', at, {
      limit: `${COURSE_LIMITS.totalFileBytes / (1024 * 1024)} MiB`,
    });
    return false;
  }
  return true;
}
