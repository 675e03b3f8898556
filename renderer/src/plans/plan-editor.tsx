import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import type { Plan } from '../../../src/common/ipc/api-types';
import { readPlanForm, type PlanFormProblem } from '../../../src/common/plan/plan-form';
import {
  moveRow,
  parseMinutes,
  planRows,
  rowsToSteps,
  type PlanRow,
} from '../../../src/common/plan/plan-rows';
import {
  MAX_BUDGET_MINUTES,
  MAX_PLAN_NAME_LENGTH,
  MAX_STEP_MINUTES,
  type PlanStep,
} from '../../../src/common/plan/plan-step';
import { planTotals } from '../../../src/common/plan/plan-totals';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import { PlanEditorRow } from './plan-editor-row';
import { PlanTotalsLine } from './plan-totals-line';

/** What the editor starts from: a stored plan (id set) or a new one (id null, from a template). */
export interface PlanEditorStart {
  id: number | null;
  name: string;
  steps: readonly PlanStep[];
  budgetMinutes: number | null;
}

/** Props of {@link PlanEditor}. */
export interface PlanEditorProps {
  courseId: string;
  chapters: readonly Chapter[];
  start: PlanEditorStart;
  /** Called with the plan as the store saved it. */
  onSaved(plan: Plan): void;
  onCancel(): void;
}

/** A control to focus once React has drawn the rows again (a moved row, a break added or removed). */
interface PendingFocus {
  chapterId: string;
  role: 'plan-move-up' | 'plan-move-down' | 'plan-add-break' | 'plan-break-minutes';
}

/**
 * Makes or changes a plan: its name, time budget, and every chapter of the course in the order the plan
 * shows them, each included or left out, with its discussion minutes and an optional break after it. The
 * totals follow the typing. Saving checks the form and names every problem in words next to its field.
 */
export function PlanEditor({ courseId, chapters, start, onSaved, onCancel }: PlanEditorProps): ReactElement {
  const { t } = useTranslation('plans');
  const plenum = usePlenum();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const id = useId();
  const form = useRef<HTMLFormElement | null>(null);
  const [name, setName] = useState(start.name);
  const [budget, setBudget] = useState(start.budgetMinutes === null ? '' : String(start.budgetMinutes));
  const [rows, setRows] = useState<PlanRow[]>(() => planRows(start.steps, chapters));
  // Problems show once saving was tried, and then follow the typing, so a fixed field stops being marked.
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [saving, setSaving] = useState(false);
  // Set beside each setRows that moves a control away from the keyboard; taken after the rows are drawn again.
  const pendingFocus = useRef<PendingFocus | null>(null);
  const chapterById = useMemo(() => new Map(chapters.map((chapter) => [chapter.id, chapter])), [chapters]);
  const pausing = useMemo(
    () => new Set(chapters.filter((chapter) => chapter.pause).map((chapter) => chapter.id)),
    [chapters],
  );

  const read = readPlanForm({ name, budget, rows }, pausing);
  const problems = attempted && !read.ok ? read.problems : [];
  const totals = planTotals(
    { steps: rowsToSteps(rows, MAX_STEP_MINUTES), budgetMinutes: parseMinutes(budget, MAX_BUDGET_MINUTES) },
    chapters,
  );

  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending === null) return;
    pendingFocus.current = null;
    const row = form.current?.querySelector(`[data-role="plan-row"][data-chapter-id="${pending.chapterId}"]`);
    const wanted = row?.querySelector<HTMLElement>(`[data-role="${pending.role}"]`);
    // A row moved to an edge has that direction's button disabled: the other one keeps the keyboard there.
    const fallback = row?.querySelector<HTMLElement>(
      `[data-role="${pending.role === 'plan-move-up' ? 'plan-move-down' : 'plan-move-up'}"]`,
    );
    if (wanted !== null && wanted !== undefined && !(wanted as HTMLButtonElement).disabled) wanted.focus();
    else fallback?.focus();
  }, [rows]);

  const problemId = (problem: PlanFormProblem): string => {
    switch (problem.kind) {
      case 'empty-name':
      case 'long-name':
        return `${id}-problem-name`;
      case 'budget':
        return `${id}-problem-budget`;
      case 'no-chapter':
        return `${id}-problem-chapters`;
      case 'minutes':
        return `${id}-problem-minutes-${problem.chapterId}`;
      case 'break-minutes':
        return `${id}-problem-break-${problem.chapterId}`;
    }
  };
  const describe = (problem: PlanFormProblem): string => {
    switch (problem.kind) {
      case 'empty-name':
      case 'no-chapter':
        return t(`editor.problems.${problem.kind}`);
      case 'long-name':
      case 'budget':
        return t(`editor.problems.${problem.kind}`, { max: problem.max });
      case 'minutes':
      case 'break-minutes':
        return t(`editor.problems.${problem.kind}`, {
          max: problem.max,
          title: chapterById.get(problem.chapterId)?.title ?? problem.chapterId,
        });
    }
  };
  const problemFor = (match: (problem: PlanFormProblem) => boolean): string | null => {
    const found = problems.find(match);
    return found === undefined ? null : problemId(found);
  };
  const nameProblem = problemFor((problem) => problem.kind === 'empty-name' || problem.kind === 'long-name');
  const budgetProblem = problemFor((problem) => problem.kind === 'budget');
  const chaptersProblem = problemFor((problem) => problem.kind === 'no-chapter');

  const changeRow = (index: number, next: PlanRow): void => {
    const before = rows[index];
    setRows((current) => current.map((row, at) => (at === index ? next : row)));
    if (before?.breakMinutes === null && next.breakMinutes !== null)
      pendingFocus.current = { chapterId: next.chapterId, role: 'plan-break-minutes' };
    else if (before?.breakMinutes !== null && next.breakMinutes === null)
      pendingFocus.current = { chapterId: next.chapterId, role: 'plan-add-break' };
  };
  const move = (index: number, offset: -1 | 1): void => {
    const row = rows[index];
    if (row === undefined) return;
    setRows((current) => moveRow(current, index, offset));
    pendingFocus.current = { chapterId: row.chapterId, role: offset < 0 ? 'plan-move-up' : 'plan-move-down' };
  };

  const focusProblemField = (problem: PlanFormProblem): void => {
    const root = form.current;
    if (root === null) return;
    let selector: string;
    switch (problem.kind) {
      case 'empty-name':
      case 'long-name':
        selector = '[data-role="plan-name"]';
        break;
      case 'budget':
        selector = '[data-role="plan-budget"]';
        break;
      case 'no-chapter':
        selector = '[data-role="plan-include"]';
        break;
      case 'minutes':
        selector = `[data-chapter-id="${problem.chapterId}"] [data-role="plan-minutes"]`;
        break;
      case 'break-minutes':
        selector = `[data-chapter-id="${problem.chapterId}"] [data-role="plan-break-minutes"]`;
        break;
    }
    root.querySelector<HTMLElement>(selector)?.focus();
  };

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setAttempted(true);
    if (!read.ok) {
      const first = read.problems[0];
      // The first field in trouble takes the keyboard; the list of problems is announced as an alert.
      if (first !== undefined) focusProblemField(first);
      return;
    }
    setSaving(true);
    const result = await callApi(() =>
      plenum.plans.save({
        id: start.id,
        courseId,
        name: read.name,
        steps: read.steps,
        budgetMinutes: read.budgetMinutes,
      }),
    );
    setSaving(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    onSaved(result.value);
  };

  return (
    <form
      ref={form}
      className="plan-editor"
      data-role="plan-editor"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {start.id === null ? t('editor.newHeading') : t('editor.editHeading', { name: start.name })}
      </h3>
      <div className="plan-field">
        <label htmlFor={`${id}-name`}>{t('editor.name')}</label>
        <input
          type="text"
          id={`${id}-name`}
          data-role="plan-name"
          value={name}
          maxLength={MAX_PLAN_NAME_LENGTH}
          autoComplete="off"
          aria-invalid={nameProblem !== null}
          aria-describedby={nameProblem ?? undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-budget`}>{t('editor.budget')}</label>
        <p className="hint" id={`${id}-budget-hint`}>
          {t('editor.budgetHint')}
        </p>
        <input
          type="number"
          id={`${id}-budget`}
          data-role="plan-budget"
          min={1}
          max={MAX_BUDGET_MINUTES}
          step={1}
          inputMode="numeric"
          value={budget}
          aria-invalid={budgetProblem !== null}
          aria-describedby={[`${id}-budget-hint`, budgetProblem].filter((part) => part !== null).join(' ')}
          onChange={(event) => setBudget(event.target.value)}
        />
      </div>
      <fieldset
        className="plan-chapters"
        aria-describedby={[`${id}-chapters-hint`, chaptersProblem].filter((part) => part !== null).join(' ')}
      >
        <legend>{t('editor.chaptersLegend')}</legend>
        <p className="hint" id={`${id}-chapters-hint`}>
          {t('editor.chaptersHint')}
        </p>
        <ol className="plan-rows">
          {rows.map((row, index) => {
            const chapter = chapterById.get(row.chapterId);
            if (chapter === undefined) return null;
            return (
              <PlanEditorRow
                key={row.chapterId}
                row={row}
                chapter={chapter}
                number={chapters.indexOf(chapter) + 1}
                first={index === 0}
                last={index === rows.length - 1}
                minutesProblem={problemFor(
                  (problem) => problem.kind === 'minutes' && problem.chapterId === row.chapterId,
                )}
                breakProblem={problemFor(
                  (problem) => problem.kind === 'break-minutes' && problem.chapterId === row.chapterId,
                )}
                onChange={(next) => changeRow(index, next)}
                onMove={(offset) => move(index, offset)}
              />
            );
          })}
        </ol>
      </fieldset>
      <PlanTotalsLine totals={totals} live />
      <div role="alert" className={problems.length === 0 ? 'alert alert-empty' : 'alert plan-problems'}>
        {problems.length > 0 && (
          <>
            <p>{t('editor.problemsHeading')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problemId(problem)} id={problemId(problem)}>
                  {describe(problem)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <FailureAlert failure={failure} />
      <div className="actions">
        <button type="submit" className="button primary" data-role="plan-save" disabled={saving}>
          {t('editor.save')}
        </button>
        <button type="button" className="button" data-role="plan-cancel" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
