import { readPlanForm } from '../../../../src/common/plan/plan-form';
import type { PlanRow } from '../../../../src/common/plan/plan-rows';

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
const pausing = new Set(['a', 'b']);

describe('readPlanForm', () => {
  it('reads a good form into a plan’s fields', () => {
    expect(
      readPlanForm(
        { name: '  Torsdag  ', budget: '120', rows: [row('a', true, '5', '15'), row('b', false, 'x')] },
        pausing,
      ),
    ).toEqual({
      ok: true,
      name: 'Torsdag',
      budgetMinutes: 120,
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 5 },
        { kind: 'break', minutes: 15 },
      ],
    });
    const unbudgeted = readPlanForm(
      { name: 'Uten ramme', budget: ' ', rows: [row('a', true, '5')] },
      pausing,
    );
    expect(unbudgeted).toMatchObject({ ok: true, budgetMinutes: null });
  });

  it('names every problem at once, in the form’s order', () => {
    expect(
      readPlanForm({ name: '   ', budget: '0', rows: [row('a', false, '5'), row('b', false, '5')] }, pausing),
    ).toEqual({
      ok: false,
      problems: [{ kind: 'empty-name' }, { kind: 'budget', max: 10_000 }, { kind: 'no-chapter' }],
    });
    expect(
      readPlanForm(
        {
          name: 'x'.repeat(201),
          budget: '2,5',
          rows: [row('a', true, ''), row('b', true, '4', '-3'), row('c', true, '?')],
        },
        pausing,
      ),
    ).toEqual({
      ok: false,
      problems: [
        { kind: 'long-name', max: 200 },
        { kind: 'budget', max: 10_000 },
        { kind: 'minutes', chapterId: 'a', max: 600 },
        { kind: 'break-minutes', chapterId: 'b', max: 600 },
      ],
    });
  });
});
