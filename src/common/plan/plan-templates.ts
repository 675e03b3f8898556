import { filmSeconds, suggestedMinutes, wholeFilmMinutes, type PlanChapter } from './plan-chapter';
import type { PlanStep } from './plan-step';
import { shareMinutes } from './share-minutes';

/** The plan templates a lecturer starts from: a two-hour lesson, half a day, a full day. */
export const PLAN_TEMPLATE_IDS = ['2h', 'half-day', 'full-day'] as const;
/** One plan template. */
export type PlanTemplateId = (typeof PLAN_TEMPLATE_IDS)[number];

/** A break a template plans, placed at the chapter end nearest `at` (a fraction of the session's content). */
export interface TemplateBreak {
  minutes: number;
  at: number;
}

/** A template: the time budget and the breaks within it. */
export interface PlanTemplate {
  id: PlanTemplateId;
  budgetMinutes: number;
  breaks: readonly TemplateBreak[];
}

/** The steps and budget of a plan not yet named or saved. */
export interface PlanDraft {
  steps: PlanStep[];
  budgetMinutes: number | null;
}

/** The template's budget and breaks. */
export function planTemplate(id: PlanTemplateId): PlanTemplate {
  switch (id) {
    case '2h':
      // A double lesson: no break of its own (the discussions are the change of pace).
      return { id, budgetMinutes: 120, breaks: [] };
    case 'half-day':
      return { id, budgetMinutes: 210, breaks: [{ minutes: 15, at: 0.5 }] };
    case 'full-day':
      // A short break mid-morning and mid-afternoon, and lunch around the middle of the day.
      return {
        id,
        budgetMinutes: 360,
        breaks: [
          { minutes: 15, at: 0.25 },
          { minutes: 45, at: 0.5 },
          { minutes: 15, at: 0.75 },
        ],
      };
  }
}

/**
 * Every chapter in film order with the course's suggested minutes and no budget: what the lecture follows
 * when no plan is chosen. The opening sequence is in, as the booklet recommends.
 */
export function defaultPlan(chapters: readonly PlanChapter[]): PlanDraft {
  return {
    steps: chapters.map((chapter) => ({
      kind: 'chapter',
      chapterId: chapter.id,
      minutes: suggestedMinutes(chapter),
    })),
    budgetMinutes: null,
  };
}

/**
 * A new plan from a template: every chapter in film order (the opening sequence included), the template's
 * breaks between chapters, and discussion minutes shared out in proportion to the course's suggestions so
 * that film, discussions and breaks fill the budget. A chapter the film does not stop after gets 0 minutes;
 * every other gets at least 1, so when the film and breaks leave less than a minute per discussion the plan
 * runs over (its totals say so) rather than dropping a discussion.
 */
export function planFromTemplate(id: PlanTemplateId, chapters: readonly PlanChapter[]): PlanDraft {
  const template = planTemplate(id);
  // Breaks go between chapters: with a single chapter there is nowhere to put one.
  const breaks = chapters.length > 1 ? template.breaks : [];
  const filmMinutes = wholeFilmMinutes(chapters.reduce((sum, chapter) => sum + filmSeconds(chapter), 0));
  const breakMinutes = breaks.reduce((sum, item) => sum + item.minutes, 0);
  const available = template.budgetMinutes - filmMinutes - breakMinutes;
  const pausing = chapters.filter((chapter) => chapter.pause);
  const shares = shareMinutes(pausing.map(suggestedMinutes), available);
  const minutesById = new Map(pausing.map((chapter, index) => [chapter.id, shares[index] ?? 1]));
  const minutes = chapters.map((chapter) => minutesById.get(chapter.id) ?? 0);
  const breaksAfter = placeBreaks(
    chapters.map((chapter, index) => filmSeconds(chapter) / 60 + (minutes[index] ?? 0)),
    breaks,
  );
  const steps: PlanStep[] = [];
  chapters.forEach((chapter, index) => {
    steps.push({ kind: 'chapter', chapterId: chapter.id, minutes: minutes[index] ?? 0 });
    for (const item of breaks.filter((_, breakIndex) => breaksAfter[breakIndex] === index))
      steps.push({ kind: 'break', minutes: item.minutes });
  });
  return { steps, budgetMinutes: template.budgetMinutes };
}

/**
 * For each break (in the order given, which is the day's), the index of the chapter it follows: the chapter
 * end nearest the break's share of the session, never after the last chapter, and each break after the one
 * before it while there are chapter ends enough; with fewer ends than breaks, breaks share an end (the
 * lecture then holds them as one longer break).
 */
function placeBreaks(lengths: readonly number[], breaks: readonly TemplateBreak[]): number[] {
  const ends = lengths.length - 1;
  if (ends <= 0) return [];
  const total = lengths.reduce((a, b) => a + b, 0);
  const reached: number[] = [];
  lengths.slice(0, ends).reduce((sum, length) => {
    reached.push(sum + length);
    return sum + length;
  }, 0);
  const placed: number[] = [];
  breaks.forEach((item, breakIndex) => {
    const roomy = ends >= breaks.length;
    const previous = placed.at(-1) ?? -1;
    const first = roomy ? previous + 1 : Math.max(0, previous);
    // Leave one chapter end for each break still to come.
    const last = roomy ? ends - (breaks.length - breakIndex) : ends - 1;
    let best = first;
    for (let end = first; end <= last; end += 1) {
      const distance = Math.abs((reached[end] ?? 0) - item.at * total);
      if (distance < Math.abs((reached[best] ?? 0) - item.at * total)) best = end;
    }
    placed.push(best);
  });
  return placed;
}
