import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseManifest } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';
import type { PlanProgress, StepProgress } from '../../../src/common/plan/plan-progress';
import { replanSuggestions, type ReplanSuggestion } from '../../../src/common/plan/replan-suggestions';
import { chapterLead } from '../../../src/common/plan/chapter-lead';
import type { SessionCommand, SessionState } from '../../../src/common/session/session-state';
import { usePlanProgress } from './use-plan-progress';

/** Props of {@link PlanProgressPanel}. */
export interface PlanProgressPanelProps {
  manifest: CourseManifest;
  session: SessionState;
  /** The playhead (s). */
  position: number;
  send(command: SessionCommand): Promise<boolean>;
}

/** Whole minutes of a drift, for the words ahead or behind (half a minute either way is "on time"). */
function driftMinutes(progress: PlanProgress): number {
  return Math.round(progress.driftSeconds / 60);
}

/**
 * The plan as the session goes, in a lecture as in a rehearsal: each step's planned time against the time
 * it really took, how far ahead or behind the session is, and, when it runs over, a few ways to win the time
 * back; one click hands the adjusted plan to the running session (`set-plan`), which from then on follows it.
 */
export function PlanProgressPanel({
  manifest,
  session,
  position,
  send,
}: PlanProgressPanelProps): ReactElement {
  const { t } = useTranslation('plans');
  const { progress } = usePlanProgress(manifest.chapters, session, position);
  const [applied, setApplied] = useState<string | null>(null);
  const plan = session.lecture.plan;
  const minutes = driftMinutes(progress);
  const drift = minutes > 0 ? 'behind' : minutes < 0 ? 'ahead' : 'on-time';
  const baseName = plan?.name ?? t('progress.defaultPlanName');
  const suffix = t('progress.adjustedSuffix');
  // Adjusting an adjusted plan keeps one suffix, not a growing tail of them.
  const name = baseName.endsWith(suffix) ? baseName : `${baseName} ${suffix}`;
  const suggestions = replanSuggestions({
    chapters: manifest.chapters,
    plan,
    phase: session.lecture.phase,
    progress,
    name,
  });
  const title = (chapter: number): string => manifest.chapters[chapter]?.title ?? '';

  const describe = (suggestion: ReplanSuggestion): string => {
    switch (suggestion.kind) {
      case 'shorten':
        return suggestion.spread === 'proportional'
          ? t('progress.suggestion.shorten', {
              count: suggestion.discussions,
              minutes: suggestion.savedMinutes,
            })
          : t('progress.suggestion.shortenEach', {
              count: suggestion.discussions,
              each: suggestion.eachMinutes,
              minutes: suggestion.savedMinutes,
            });
      case 'leave-out':
        return t('progress.suggestion.leaveOut', {
          title: title(suggestion.chapter),
          minutes: suggestion.savedMinutes,
        });
    }
  };

  const apply = async (suggestion: ReplanSuggestion): Promise<void> => {
    const sent = await send({ type: 'set-plan', plan: suggestion.plan });
    if (sent) setApplied(describe(suggestion));
  };

  const stepName = (step: StepProgress): string =>
    step.kind === 'break' ? t('progress.break') : `${step.chapter + 1}. ${title(step.chapter)}`;

  return (
    <section
      className="presenter-card plan-progress"
      aria-labelledby="plan-progress-heading"
      data-role="plan-progress"
    >
      <h2 id="plan-progress-heading">{t('progress.heading')}</h2>
      <p className="plan-drift" data-role="plan-drift" data-drift={drift}>
        <strong>
          {drift === 'behind'
            ? t('progress.behind', { minutes })
            : drift === 'ahead'
              ? t('progress.ahead', { minutes: -minutes })
              : t('progress.onTime')}
        </strong>
      </p>
      {suggestions.length > 0 && (
        <div className="replan" role="group" aria-labelledby="replan-heading">
          <h3 id="replan-heading">{t('progress.suggestionsHeading')}</h3>
          <ul className="replan-list">
            {suggestions.map((suggestion) => (
              <li
                key={`${suggestion.kind}-${suggestion.kind === 'shorten' ? suggestion.spread : suggestion.chapterId}`}
              >
                <button
                  type="button"
                  className="button replan-button"
                  data-role="replan-suggestion"
                  data-kind={suggestion.kind === 'shorten' ? `shorten-${suggestion.spread}` : 'leave-out'}
                  onClick={() => void apply(suggestion)}
                >
                  {describe(suggestion)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {drift === 'behind' && suggestions.length === 0 && session.lecture.phase.kind !== 'finished' && (
        <p className="hint" data-role="replan-none">
          {t('progress.nothingToCut')}
        </p>
      )}
      <p className="hint" aria-live="polite" data-role="replan-applied">
        {applied === null ? '' : t('progress.applied', { change: applied })}
      </p>
      <table className="plan-progress-table">
        <caption className="visually-hidden">{t('progress.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('progress.step')}</th>
            <th scope="col">{t('progress.planned')}</th>
            <th scope="col">{t('progress.actual')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.steps.map((step, index) => {
            const over = step.actualSeconds !== null && step.actualSeconds > step.plannedSeconds + 30;
            const chapterId = step.kind === 'chapter' ? manifest.chapters[step.chapter]?.id : undefined;
            const lead = chapterId === undefined ? null : chapterLead(plan, chapterId);
            return (
              <tr
                key={`${index}-${step.kind === 'chapter' ? step.chapter : 'break'}`}
                className={`plan-step plan-step-${step.status}`}
                data-role="plan-progress-step"
                data-status={step.status}
                data-over={over}
                data-chapter-id={chapterId}
                aria-current={step.status === 'current' ? 'step' : undefined}
              >
                <th scope="row">
                  {stepName(step)}
                  {step.kind === 'chapter' && step.offPlan && (
                    <span className="plan-step-note"> {t('progress.offPlan')}</span>
                  )}
                  {lead !== null && (
                    <span className="plan-step-note" data-role="plan-progress-lead">
                      {' '}
                      {t('lead.ledBy', { lead: t(`lead.${lead}`) })}
                    </span>
                  )}
                  {step.status !== 'upcoming' && step.status !== 'current' && (
                    <span className="visually-hidden"> {t(`progress.status.${step.status}`)}</span>
                  )}
                </th>
                <td>{formatTime(step.plannedSeconds)}</td>
                <td>
                  {step.actualSeconds === null
                    ? step.status === 'skipped'
                      ? t('progress.status.skipped')
                      : '–'
                    : formatTime(step.actualSeconds)}
                  {over && <span className="plan-step-over"> {t('progress.stepOver')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
