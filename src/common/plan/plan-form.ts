import { MAX_BUDGET_MINUTES, MAX_PLAN_NAME_LENGTH, MAX_STEP_MINUTES, type PlanStep } from './plan-step';
import { parseMinutes, rowsToSteps, type PlanRow } from './plan-rows';

/** The plan editor's fields, as typed. */
export interface PlanForm {
  name: string;
  /** The time budget in minutes; empty for a plan without one. */
  budget: string;
  rows: readonly PlanRow[];
}

/** Something that keeps the form from being saved, named so the editor can word it and point at the field. */
export type PlanFormProblem =
  | { kind: 'empty-name' }
  | { kind: 'long-name'; max: number }
  | { kind: 'budget'; max: number }
  | { kind: 'no-chapter' }
  | { kind: 'minutes'; chapterId: string; max: number }
  | { kind: 'break-minutes'; chapterId: string; max: number };

/** A form read: the plan to save, or what is wrong with it (every problem at once, in the form's order). */
export type PlanFormResult =
  | { ok: true; name: string; budgetMinutes: number | null; steps: PlanStep[] }
  | { ok: false; problems: PlanFormProblem[] };

/**
 * Checks the editor's form and turns it into a plan's fields. The name is trimmed; an empty budget means
 * none; a budget or minutes must be whole numbers in range. Minutes of chapters left out are not checked
 * (they are not saved), nor are those of a chapter the film does not stop after (`pausing` says which do:
 * such a chapter has no discussion to time).
 */
export function readPlanForm(form: PlanForm, pausing: ReadonlySet<string>): PlanFormResult {
  const problems: PlanFormProblem[] = [];
  const name = form.name.trim();
  if (name === '') problems.push({ kind: 'empty-name' });
  else if (name.length > MAX_PLAN_NAME_LENGTH)
    problems.push({ kind: 'long-name', max: MAX_PLAN_NAME_LENGTH });
  let budgetMinutes: number | null = null;
  if (form.budget.trim() !== '') {
    budgetMinutes = parseMinutes(form.budget, MAX_BUDGET_MINUTES);
    if (budgetMinutes === null || budgetMinutes === 0)
      problems.push({ kind: 'budget', max: MAX_BUDGET_MINUTES });
  }
  if (!form.rows.some((row) => row.included)) problems.push({ kind: 'no-chapter' });
  for (const row of form.rows) {
    if (row.included && pausing.has(row.chapterId) && parseMinutes(row.minutes, MAX_STEP_MINUTES) === null)
      problems.push({ kind: 'minutes', chapterId: row.chapterId, max: MAX_STEP_MINUTES });
    if (row.breakMinutes !== null && parseMinutes(row.breakMinutes, MAX_STEP_MINUTES) === null)
      problems.push({ kind: 'break-minutes', chapterId: row.chapterId, max: MAX_STEP_MINUTES });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, name, budgetMinutes, steps: rowsToSteps(form.rows, MAX_STEP_MINUTES) };
}
