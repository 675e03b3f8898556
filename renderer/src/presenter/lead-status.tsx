import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseManifest } from '../../../src/common/course/manifest';
import type { LecturePhase } from '../../../src/common/lecture/lecture-state';
import type { LecturePlan } from '../../../src/common/plan/plan-step';
import { chapterLead } from '../../../src/common/plan/chapter-lead';
import { stepLeadSchema, STEP_LEADS, type StepLead } from '../../../src/common/plan/step-lead';
import { useSettings } from '../settings/use-settings';

/** Props of {@link LeadStatus}. */
export interface LeadStatusProps {
  chapters: CourseManifest['chapters'];
  plan: LecturePlan | null;
  phase: LecturePhase;
  /** The chapter that comes next on the route, or null when none does. */
  next: number | null;
}

/** The chapter under way (playing, paused in its film or discussed), or null in a break, before or after. */
function chapterUnderWay(phase: LecturePhase): number | null {
  switch (phase.kind) {
    case 'playing':
    case 'paused':
    case 'discussing':
      return phase.chapter;
    case 'ready':
    case 'break':
    case 'finished':
      return null;
  }
}

/**
 * Co-teaching: who leads the chapter under way and the next one, as the plan names them, and "your turn"
 * when that is the person using this Plenum (chosen here, remembered in the settings, so a user
 * representative running the console on their own laptop sees their turns). Shown only when the plan names
 * a lead for some chapter.
 */
export function LeadStatus({ chapters, plan, phase, next }: LeadStatusProps): ReactElement | null {
  const { t } = useTranslation('plans');
  const id = useId();
  const { settings, update } = useSettings();
  const myRole = settings?.myRole ?? null;
  const now = chapterUnderWay(phase);
  const leadOf = (chapter: number | null): StepLead | null => {
    const chapterId = chapter === null ? undefined : chapters[chapter]?.id;
    return chapterId === undefined ? null : chapterLead(plan, chapterId);
  };
  const nowLead = leadOf(now);
  const nextLead = leadOf(next);
  const turn = myRole === null ? null : nowLead === myRole ? 'now' : nextLead === myRole ? 'next' : null;
  const title = (chapter: number | null): string =>
    chapter === null ? '' : (chapters[chapter]?.title ?? '');
  // A plan that names no one is taught alone: no picker, no "your turn" to clutter the console.
  if (!(plan?.steps.some((step) => step.kind === 'chapter' && step.lead !== undefined) ?? false)) return null;
  return (
    <div className="lead-status" data-role="lead-status">
      <span className="lead-role">
        <label htmlFor={`${id}-role`}>{t('lead.iAm')}</label>{' '}
        <select
          id={`${id}-role`}
          data-role="my-role"
          value={myRole ?? ''}
          onChange={(event) => {
            const chosen = stepLeadSchema.safeParse(event.target.value);
            void update(() => ({ myRole: chosen.success ? chosen.data : null }));
          }}
        >
          <option value="">{t('lead.notChosen')}</option>
          {STEP_LEADS.map((lead) => (
            <option key={lead} value={lead}>
              {t(`lead.${lead}`)}
            </option>
          ))}
        </select>
      </span>
      {nowLead !== null && (
        <span data-role="lead-now" data-lead={nowLead}>
          {t('lead.now', { lead: t(`lead.${nowLead}`) })}
        </span>
      )}
      {nextLead !== null && (
        <span data-role="lead-next" data-lead={nextLead}>
          {t('lead.next', { lead: t(`lead.${nextLead}`), title: title(next) })}
        </span>
      )}
      <span aria-live="polite">
        {turn !== null && (
          <strong className="your-turn" data-role="your-turn" data-when={turn}>
            {turn === 'now' ? t('lead.yourTurnNow') : t('lead.yourTurnNext', { title: title(next) })}
          </strong>
        )}
      </span>
    </div>
  );
}
