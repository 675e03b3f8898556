import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';
import { MAX_STEP_MINUTES } from '../../../src/common/plan/plan-step';
import type { PlanRow } from '../../../src/common/plan/plan-rows';
import { STEP_LEADS, stepLeadSchema } from '../../../src/common/plan/step-lead';

/** Props of {@link PlanEditorRow}. */
export interface PlanEditorRowProps {
  row: PlanRow;
  chapter: Chapter;
  /** The chapter's number in the film (1-based), which stays with it when rows are moved. */
  number: number;
  first: boolean;
  last: boolean;
  /** Ids of the problem messages about this row's minutes and break, when there are any. */
  minutesProblem: string | null;
  breakProblem: string | null;
  onChange(row: PlanRow): void;
  onMove(offset: -1 | 1): void;
}

/** Minutes a new break starts with: a short pause to stretch and refill cups. */
const NEW_BREAK_MINUTES = '15';

/**
 * One chapter in the plan editor: whether it is shown, its film length, its discussion minutes, who leads
 * it, buttons to move it, and the break after it. Every control's name carries the chapter's title (visually hidden where
 * the row already shows it), so a screen reader moving from button to button knows which chapter it acts on.
 */
export function PlanEditorRow({
  row,
  chapter,
  number,
  first,
  last,
  minutesProblem,
  breakProblem,
  onChange,
  onMove,
}: PlanEditorRowProps): ReactElement {
  const { t } = useTranslation('plans');
  const id = useId();
  const title = { title: chapter.title };
  return (
    <li
      className={row.included ? 'plan-row' : 'plan-row plan-row-left-out'}
      data-role="plan-row"
      data-chapter-id={chapter.id}
      data-included={row.included ? 'true' : 'false'}
    >
      <div className="plan-row-main">
        <span className="plan-row-include">
          <input
            type="checkbox"
            id={`${id}-include`}
            data-role="plan-include"
            checked={row.included}
            onChange={(event) => onChange({ ...row, included: event.target.checked })}
          />
          <label htmlFor={`${id}-include`}>
            {t('editor.chapterLabel', { number, title: chapter.title })}
          </label>
        </span>
        <span className="plan-row-film">
          {t('editor.filmLength', { length: formatTime(chapter.end - chapter.start) })}
        </span>
        {chapter.pause ? (
          <span className="plan-row-minutes">
            <label htmlFor={`${id}-minutes`}>
              {t('editor.minutes')}
              <span className="visually-hidden">{t('editor.forChapter', title)}</span>
            </label>
            <input
              type="number"
              id={`${id}-minutes`}
              data-role="plan-minutes"
              min={0}
              max={MAX_STEP_MINUTES}
              step={1}
              inputMode="numeric"
              value={row.minutes}
              disabled={!row.included}
              aria-invalid={minutesProblem !== null}
              aria-describedby={minutesProblem ?? undefined}
              onChange={(event) => onChange({ ...row, minutes: event.target.value })}
            />
          </span>
        ) : (
          <span className="plan-row-minutes hint">{t('editor.noDiscussion')}</span>
        )}
        <span className="plan-row-buttons">
          <button
            type="button"
            className="button small"
            data-role="plan-move-up"
            disabled={first}
            onClick={() => onMove(-1)}
          >
            {t('editor.moveUp')}
            <span className="visually-hidden">{t('editor.forChapter', title)}</span>
          </button>
          <button
            type="button"
            className="button small"
            data-role="plan-move-down"
            disabled={last}
            onClick={() => onMove(1)}
          >
            {t('editor.moveDown')}
            <span className="visually-hidden">{t('editor.forChapter', title)}</span>
          </button>
        </span>
        <span className="plan-row-lead">
          <label htmlFor={`${id}-lead`}>
            {t('lead.editorLabel')}
            <span className="visually-hidden">{t('editor.forChapter', title)}</span>
          </label>
          <select
            id={`${id}-lead`}
            data-role="step-lead"
            value={row.lead ?? ''}
            disabled={!row.included}
            onChange={(event) => {
              const lead = stepLeadSchema.safeParse(event.target.value);
              const { lead: _previous, ...rest } = row;
              onChange(lead.success ? { ...rest, lead: lead.data } : rest);
            }}
          >
            <option value="">{t('lead.nobody')}</option>
            {STEP_LEADS.map((lead) => (
              <option key={lead} value={lead}>
                {t(`lead.${lead}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
      {row.breakMinutes === null ? (
        <div className="plan-break-slot">
          <button
            type="button"
            className="button small"
            data-role="plan-add-break"
            onClick={() => onChange({ ...row, breakMinutes: NEW_BREAK_MINUTES })}
          >
            {t('editor.addBreak')}
            <span className="visually-hidden">{t('editor.afterChapter', title)}</span>
          </button>
        </div>
      ) : (
        <div className="plan-break-slot plan-break" data-role="plan-break">
          <label htmlFor={`${id}-break`}>{t('editor.breakMinutes', title)}</label>
          <input
            type="number"
            id={`${id}-break`}
            data-role="plan-break-minutes"
            min={0}
            max={MAX_STEP_MINUTES}
            step={1}
            inputMode="numeric"
            value={row.breakMinutes}
            aria-invalid={breakProblem !== null}
            aria-describedby={breakProblem ?? undefined}
            onChange={(event) => onChange({ ...row, breakMinutes: event.target.value })}
          />
          <button
            type="button"
            className="button small"
            data-role="plan-remove-break"
            onClick={() => onChange({ ...row, breakMinutes: null })}
          >
            {t('editor.removeBreak')}
            <span className="visually-hidden">{t('editor.afterChapter', title)}</span>
          </button>
        </div>
      )}
    </li>
  );
}
