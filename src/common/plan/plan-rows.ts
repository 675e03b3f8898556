import { suggestedMinutes, type PlanChapter } from './plan-chapter';
import type { PlanStep } from './plan-step';
import type { StepLead } from './step-lead';

/**
 * One chapter as the plan editor shows it: whether the plan includes it, its discussion minutes and the
 * break planned after it, as typed (text: a half-typed number must survive until the lecturer is done).
 */
export interface PlanRow {
  chapterId: string;
  included: boolean;
  minutes: string;
  /** The break after this chapter, in minutes as typed, or null for none. */
  breakMinutes: string | null;
  /** Who leads the chapter; absent when the plan names no one. */
  lead?: StepLead;
}

/**
 * The editor's rows for a plan: the chapters it includes, in its order, each with the breaks that follow it
 * (several in a row become one, as the lecture holds them); then every chapter it leaves out, placed after
 * the chapter that comes before it in the film, with the course's suggested minutes, so the lecturer sees
 * the whole course and can take any chapter back in. Steps naming chapters the course lacks, repeats, and
 * breaks before the first chapter (the lecture never holds those) are dropped.
 */
export function planRows(steps: readonly PlanStep[], chapters: readonly PlanChapter[]): PlanRow[] {
  const known = new Set(chapters.map((chapter) => chapter.id));
  const rows: PlanRow[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'break': {
        const last = rows.at(-1);
        if (last === undefined) break;
        const before = last.breakMinutes === null ? 0 : Number(last.breakMinutes);
        last.breakMinutes = String(before + step.minutes);
        break;
      }
      case 'chapter':
        if (!known.has(step.chapterId) || rows.some((row) => row.chapterId === step.chapterId)) break;
        rows.push({
          chapterId: step.chapterId,
          included: true,
          minutes: String(step.minutes),
          breakMinutes: null,
          ...(step.lead === undefined ? {} : { lead: step.lead }),
        });
        break;
    }
  }
  chapters.forEach((chapter, index) => {
    if (rows.some((row) => row.chapterId === chapter.id)) return;
    const previous = chapters[index - 1];
    // Chapters are visited in film order, so the one before is always in the rows by now.
    const at = previous === undefined ? 0 : rows.findIndex((row) => row.chapterId === previous.id) + 1;
    rows.splice(at, 0, {
      chapterId: chapter.id,
      included: false,
      minutes: String(suggestedMinutes(chapter)),
      breakMinutes: null,
    });
  });
  return rows;
}

/**
 * Reads typed minutes: a whole number of minutes from 0 up to `max`, or null for anything else (empty,
 * negative, fractional, not a number).
 */
export function parseMinutes(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

/**
 * The plan steps the rows stand for: the included chapters in row order (with who leads them, when named),
 * each followed by its break. A break
 * after a chapter left out still comes at that point (after the last included chapter before it), since
 * the lecturer planned a pause there; one before every included chapter is dropped, as the lecture never
 * holds it. Minutes that do not read as a number count as 0, so the totals can follow the typing.
 */
export function rowsToSteps(rows: readonly PlanRow[], max: number): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const row of rows) {
    if (row.included)
      steps.push({
        kind: 'chapter',
        chapterId: row.chapterId,
        minutes: parseMinutes(row.minutes, max) ?? 0,
        ...(row.lead === undefined ? {} : { lead: row.lead }),
      });
    if (row.breakMinutes !== null && steps.length > 0)
      steps.push({ kind: 'break', minutes: parseMinutes(row.breakMinutes, max) ?? 0 });
  }
  return steps;
}

/** The rows with one row moved up (-1) or down (+1), its break travelling with it; unchanged at an edge. */
export function moveRow(rows: readonly PlanRow[], index: number, offset: -1 | 1): PlanRow[] {
  const target = index + offset;
  const moving = rows[index];
  const other = rows[target];
  if (moving === undefined || other === undefined) return [...rows];
  const moved = [...rows];
  moved[target] = moving;
  moved[index] = other;
  return moved;
}
