import fc from 'fast-check';
import {
  moveRow,
  parseMinutes,
  planRows,
  rowsToSteps,
  type PlanRow,
} from '../../../../src/common/plan/plan-rows';
import type { PlanStep } from '../../../../src/common/plan/plan-step';
import { FILM_CHAPTERS } from './course-chapters';

const row = (
  chapterId: string,
  included: boolean,
  minutes: string,
  breakMinutes: string | null = null,
): PlanRow => ({
  chapterId,
  included,
  minutes,
  breakMinutes,
});

describe('plan rows', () => {
  it('shows the plan’s chapters in its order and the ones left out after their film neighbour', () => {
    const steps: PlanStep[] = [
      { kind: 'break', minutes: 5 },
      { kind: 'chapter', chapterId: 'apning', minutes: 3 },
      { kind: 'chapter', chapterId: 'bolig', minutes: 12 },
      { kind: 'break', minutes: 10 },
      { kind: 'break', minutes: 5 },
      { kind: 'chapter', chapterId: 'okonomi', minutes: 9 },
      { kind: 'chapter', chapterId: 'unknown', minutes: 9 },
      { kind: 'chapter', chapterId: 'apning', minutes: 30 },
    ];
    const rows = planRows(steps, FILM_CHAPTERS.slice(0, 5));
    expect(rows).toEqual([
      row('apning', true, '3'),
      row('sovn', false, '20'),
      row('bolig', true, '12', '15'),
      row('taushetsplikt', false, '15'),
      row('okonomi', true, '9'),
    ]);
  });

  it('keeps who leads a chapter from the plan to the rows and back, and a row without a lead names none', () => {
    const steps: PlanStep[] = [
      { kind: 'chapter', chapterId: 'apning', minutes: 5, lead: 'lecturer' },
      { kind: 'chapter', chapterId: 'sovn', minutes: 20, lead: 'user-representative' },
      { kind: 'break', minutes: 10 },
      { kind: 'chapter', chapterId: 'bolig', minutes: 15 },
    ];
    const rows = planRows(steps, FILM_CHAPTERS.slice(0, 3));
    expect(rows.map((item) => item.lead)).toEqual(['lecturer', 'user-representative', undefined]);
    expect(rowsToSteps(rows, 600)).toEqual(steps);
    expect(Object.keys(rowsToSteps(rows, 600)[3] ?? {})).not.toContain('lead');
    // A lead taken off in the editor leaves the step without one.
    const { lead: _dropped, ...withoutLead } = rows[1] ?? row('sovn', true, '20');
    expect(rowsToSteps([withoutLead], 600)).toEqual([
      { kind: 'chapter', chapterId: 'sovn', minutes: 20 },
      { kind: 'break', minutes: 10 },
    ]);
  });

  it('puts a left-out first chapter at the top', () => {
    const rows = planRows([{ kind: 'chapter', chapterId: 'sovn', minutes: 2 }], FILM_CHAPTERS.slice(0, 3));
    expect(rows.map((item) => [item.chapterId, item.included])).toEqual([
      ['apning', false],
      ['sovn', true],
      ['bolig', false],
    ]);
  });

  it('turns rows into steps: included chapters, breaks where they stand, typing errors as 0', () => {
    expect(
      rowsToSteps(
        [
          row('a', false, '5', '10'),
          row('b', true, '7', '15'),
          row('c', false, '3', '5'),
          row('d', true, 'x'),
          row('e', true, '4', ''),
        ],
        600,
      ),
    ).toEqual([
      { kind: 'chapter', chapterId: 'b', minutes: 7 },
      { kind: 'break', minutes: 15 },
      { kind: 'break', minutes: 5 },
      { kind: 'chapter', chapterId: 'd', minutes: 0 },
      { kind: 'chapter', chapterId: 'e', minutes: 4 },
      { kind: 'break', minutes: 0 },
    ]);
  });

  it('reads minutes as whole numbers in range only', () => {
    expect(parseMinutes(' 12 ', 600)).toBe(12);
    expect(parseMinutes('0', 600)).toBe(0);
    for (const bad of ['', ' ', '-1', '1.5', '1e2', 'ti', '601']) expect(parseMinutes(bad, 600)).toBeNull();
  });

  it('moves a row with its break, and not past either end', () => {
    const rows = [row('a', true, '1'), row('b', true, '2', '10'), row('c', true, '3')];
    expect(moveRow(rows, 1, -1).map((item) => item.chapterId)).toEqual(['b', 'a', 'c']);
    expect(moveRow(rows, 1, 1)[2]).toEqual(row('b', true, '2', '10'));
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, 2, 1)).toEqual(rows);
  });

  it('gives back a plan of included chapters unchanged (breaks merged, none first)', () => {
    const stepsArbitrary = fc
      .shuffledSubarray(FILM_CHAPTERS.map((chapter) => chapter.id))
      .chain((ids) =>
        fc.tuple(
          fc.constant(ids),
          fc.array(fc.integer({ min: 0, max: 90 }), { minLength: ids.length, maxLength: ids.length }),
          fc.array(fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), {
            minLength: ids.length,
            maxLength: ids.length,
          }),
        ),
      )
      .map(([ids, minutes, breaks]) =>
        ids.flatMap((chapterId, index): PlanStep[] => {
          const pause = breaks[index];
          const chapter: PlanStep = { kind: 'chapter', chapterId, minutes: minutes[index]! };
          return pause === null || pause === undefined
            ? [chapter]
            : [chapter, { kind: 'break', minutes: pause }];
        }),
      );
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const rows = planRows(steps, FILM_CHAPTERS);
        expect(rows).toHaveLength(FILM_CHAPTERS.length);
        expect(new Set(rows.map((item) => item.chapterId)).size).toBe(FILM_CHAPTERS.length);
        expect(rowsToSteps(rows, 600)).toEqual(steps);
      }),
    );
  });
});
