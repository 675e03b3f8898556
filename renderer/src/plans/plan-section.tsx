import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../src/common/ipc/api-types';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import {
  PLAN_TEMPLATE_IDS,
  defaultPlan,
  planFromTemplate,
  type PlanTemplateId,
} from '../../../src/common/plan/plan-templates';
import { planTotals } from '../../../src/common/plan/plan-totals';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { PlanEditor, type PlanEditorStart } from './plan-editor';
import { PlanTotalsLine } from './plan-totals-line';
import { useCoursePlans } from './use-course-plans';
import { useLecturePlan } from './use-lecture-plan';

/** Props of {@link PlanSection}. */
export interface PlanSectionProps {
  course: UnlockedCourse;
}

/** What the section shows below its heading. */
type SectionMode =
  | { kind: 'choosing' }
  | { kind: 'templates' }
  | { kind: 'editing'; start: PlanEditorStart }
  | { kind: 'confirming-delete'; plan: Plan };

/** Where the keyboard goes once the section has drawn its new mode. */
type FocusTarget = { kind: 'choice'; planId: number | null } | { kind: 'role'; role: string };

/** The value of the default choice's `data-plan-id` (the lecture's plan is then null). */
const DEFAULT_CHOICE = 'default';

/** A stored plan as the lecture takes it (the lecture needs no course id). */
function lecturePlanOf(plan: Plan): LecturePlan {
  return { id: plan.id, name: plan.name, steps: plan.steps, budgetMinutes: plan.budgetMinutes };
}

/**
 * The course's session plans on the overview: the plan the lecture follows (the standard order of every
 * chapter, or one of the stored plans), its totals against its time budget, and making, changing and deleting
 * plans. Choosing a plan tells main's lecture at once, so starting the film follows it.
 */
export function PlanSection({ course }: PlanSectionProps): ReactElement {
  const { t } = useTranslation('plans');
  const plenum = usePlenum();
  const id = useId();
  const root = useRef<HTMLElement | null>(null);
  const { manifest } = course;
  const chapters = manifest.chapters;
  const stored = useCoursePlans(manifest.id);
  const lecture = useLecturePlan(course);
  const [mode, setMode] = useState<SectionMode>({ kind: 'choosing' });
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  // The choice being sent to main: the radio shows it at once instead of waiting for main's answer (a
  // controlled radio would otherwise snap back until then). Cleared when main answers either way.
  const [pending, setPending] = useState<{ planId: number | null } | null>(null);

  useEffect(() => {
    if (focus === null) return;
    const selector =
      focus.kind === 'choice'
        ? `[data-role="plan-choice"][data-plan-id="${focus.planId ?? DEFAULT_CHOICE}"]`
        : `[data-role="${focus.role}"]`;
    const target = root.current?.querySelector<HTMLElement>(selector);
    // The list may still be on its way (a save reloads it): keep the wish until the element is there.
    if (target === null || target === undefined) return;
    target.focus();
    setFocus(null);
  }, [focus, mode, stored.plans]);

  const plans = stored.plans ?? [];
  const following = lecture.plan;
  const chosen = following === null ? null : (plans.find((plan) => plan.id === following.id) ?? null);
  const isChecked = (planId: number | null): boolean => {
    if (pending !== null) return pending.planId === planId;
    return planId === null ? following === null : following?.id === planId;
  };
  const totals = planTotals(following ?? defaultPlan(chapters), chapters);

  const choose = async (plan: Plan | null): Promise<void> => {
    setPending({ planId: plan === null ? null : plan.id });
    const problem = await lecture.choose(plan === null ? null : lecturePlanOf(plan));
    setPending(null);
    setFailure(problem);
    if (problem === null)
      setStatus(plan === null ? t('status.chosenDefault') : t('status.chosen', { name: plan.name }));
  };

  const startFromTemplate = (template: PlanTemplateId): void => {
    setStatus(null);
    setMode({
      kind: 'editing',
      start: { id: null, name: t(`templates.${template}`), ...planFromTemplate(template, chapters) },
    });
  };

  const saved = async (plan: Plan): Promise<void> => {
    const problem = await lecture.choose(lecturePlanOf(plan));
    setFailure(problem);
    await stored.reload();
    setMode({ kind: 'choosing' });
    setStatus(problem === null ? t('status.saved', { name: plan.name }) : null);
    setFocus({ kind: 'choice', planId: plan.id });
  };

  const remove = async (plan: Plan): Promise<void> => {
    if (plan.id === null) return;
    const planId = plan.id;
    const result = await callApi(() => plenum.plans.remove({ id: planId }));
    // Already gone (another window deleted it) is as deleted as it gets.
    const gone = result.ok || (result.error !== 'unreachable' && result.error.code === 'not-found');
    if (!gone) {
      setFailure(result.error);
      return;
    }
    const problem = lecture.plan?.id === planId ? await lecture.choose(null) : null;
    setFailure(problem);
    await stored.reload();
    setMode({ kind: 'choosing' });
    setStatus(t('status.deleted', { name: plan.name }));
    setFocus({ kind: 'choice', planId: null });
  };

  const closeTo = (role: string): void => {
    setMode({ kind: 'choosing' });
    setFocus({ kind: 'role', role });
  };

  const failureShown = failure ?? stored.failure;

  return (
    <section ref={root} className="plan-section" data-role="plan-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('heading')}</h2>
      {mode.kind === 'editing' ? (
        <PlanEditor
          courseId={manifest.id}
          chapters={chapters}
          start={mode.start}
          onSaved={(plan) => void saved(plan)}
          onCancel={() => closeTo(mode.start.id === null ? 'plan-new' : 'plan-edit')}
        />
      ) : (
        <>
          <p className="hint">{t('intro')}</p>
          <fieldset className="plan-choices" aria-busy={stored.plans === null}>
            <legend>{t('choiceLegend')}</legend>
            <div className="plan-choice">
              <input
                type="radio"
                id={`${id}-default`}
                name={`${id}-plan`}
                data-role="plan-choice"
                data-plan-id={DEFAULT_CHOICE}
                checked={isChecked(null)}
                onChange={() => void choose(null)}
              />
              <label htmlFor={`${id}-default`}>
                {t('defaultChoice')} <span className="plan-choice-hint">{t('defaultHint')}</span>
              </label>
            </div>
            {plans.map((plan) => (
              <div className="plan-choice" key={plan.id}>
                <input
                  type="radio"
                  id={`${id}-plan-${plan.id}`}
                  name={`${id}-plan`}
                  data-role="plan-choice"
                  data-plan-id={plan.id ?? undefined}
                  checked={plan.id !== null && isChecked(plan.id)}
                  onChange={() => void choose(plan)}
                />
                <label htmlFor={`${id}-plan-${plan.id}`}>
                  {plan.name}{' '}
                  <span className="plan-choice-hint">
                    {plan.budgetMinutes === null
                      ? t('noBudgetHint')
                      : t('budgetHint', { budget: plan.budgetMinutes })}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
          <PlanTotalsLine totals={totals} />
          <div className="actions">
            <button
              type="button"
              className="button"
              data-role="plan-new"
              aria-expanded={mode.kind === 'templates'}
              aria-controls={`${id}-templates`}
              onClick={() =>
                setMode(mode.kind === 'templates' ? { kind: 'choosing' } : { kind: 'templates' })
              }
            >
              {t('new')}
            </button>
            <button
              type="button"
              className="button"
              data-role="plan-edit"
              disabled={chosen === null}
              onClick={() => {
                if (chosen === null) return;
                setStatus(null);
                setMode({ kind: 'editing', start: chosen });
              }}
            >
              {chosen === null ? t('edit') : t('namedAction', { action: t('edit'), name: chosen.name })}
            </button>
            <button
              type="button"
              className="button"
              data-role="plan-delete"
              disabled={chosen === null}
              onClick={() => {
                if (chosen === null) return;
                setMode({ kind: 'confirming-delete', plan: chosen });
                setFocus({ kind: 'role', role: 'plan-delete-cancel' });
              }}
            >
              {chosen === null ? t('delete') : t('namedAction', { action: t('delete'), name: chosen.name })}
            </button>
          </div>
          <div id={`${id}-templates`} hidden={mode.kind !== 'templates'}>
            {mode.kind === 'templates' && (
              <fieldset className="plan-templates">
                <legend>{t('templateLegend')}</legend>
                <ul className="plan-template-list">
                  {PLAN_TEMPLATE_IDS.map((template) => (
                    <li key={template}>
                      <button
                        type="button"
                        className="button"
                        data-role="plan-template"
                        data-template={template}
                        onClick={() => startFromTemplate(template)}
                      >
                        {t(`templates.${template}`)}
                      </button>
                      <span className="plan-template-hint">{t(`templateHints.${template}`)}</span>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
          </div>
          {mode.kind === 'confirming-delete' && (
            <div className="plan-confirm" role="group" aria-labelledby={`${id}-confirm`}>
              <p id={`${id}-confirm`}>{t('confirmDelete', { name: mode.plan.name })}</p>
              <div className="actions">
                <button
                  type="button"
                  className="button danger"
                  data-role="plan-delete-confirm"
                  onClick={() => void remove(mode.plan)}
                >
                  {t('confirmDeleteYes')}
                </button>
                <button
                  type="button"
                  className="button"
                  data-role="plan-delete-cancel"
                  onClick={() => closeTo('plan-delete')}
                >
                  {t('keep')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
      <p role="status" className="plan-status" data-role="plan-status">
        {status}
      </p>
      <FailureAlert failure={failureShown} />
    </section>
  );
}
