import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTotals } from '../../../src/common/plan/plan-totals';

/** Props of {@link PlanTotalsLine}. */
export interface PlanTotalsLineProps {
  totals: PlanTotals;
  id?: string;
  /** Announce changes (the editor's totals follow the typing); the section's line changes only on a choice. */
  live?: boolean;
}

/**
 * A plan's film, discussion and break minutes summed against its budget, and in words whether it fits:
 * running over is said in the text itself, not only by the colour and border that also mark it.
 */
export function PlanTotalsLine({ totals, id, live = false }: PlanTotalsLineProps): ReactElement {
  const { t } = useTranslation('plans');
  const parts = {
    film: totals.filmMinutes,
    discussion: totals.discussionMinutes,
    breaks: totals.breakMinutes,
    total: totals.totalMinutes,
  };
  const difference = totals.differenceMinutes;
  const over = difference !== null && difference > 0;
  let verdict: string;
  if (difference === null) verdict = t('totals.noBudget');
  else if (difference > 0) verdict = t('totals.over', { minutes: difference });
  else if (difference < 0) verdict = t('totals.under', { minutes: -difference });
  else verdict = t('totals.exact');
  return (
    <p
      id={id}
      className={over ? 'plan-totals plan-over' : 'plan-totals'}
      data-role="plan-totals"
      data-over={over ? 'true' : 'false'}
      aria-live={live ? 'polite' : undefined}
    >
      <span className="plan-sum">
        {totals.budgetMinutes === null
          ? t('totals.sum', parts)
          : t('totals.sumWithBudget', { ...parts, budget: totals.budgetMinutes })}
      </span>
      <strong className="plan-verdict">{verdict}</strong>
    </p>
  );
}
