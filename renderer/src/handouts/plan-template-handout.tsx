import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { WriteLines } from './write-lines';

/** Props of {@link PlanTemplateHandout}. */
export interface PlanTemplateHandoutProps {
  course: UnlockedCourse;
}

/** Sub-goals the template leaves room for: one main goal broken into a handful of steps. */
const SUB_GOALS = 6;
/** Blank rows under the people already listed in "who does what". */
const EXTRA_ROWS = 3;

/**
 * A blank individual plan (IP) for the after-class task: the main goal, sub-goals, who does what by when
 * (the course's people listed, with room for more), and how the person's own wishes are heard.
 */
export function PlanTemplateHandout({ course }: PlanTemplateHandoutProps): ReactElement {
  const { t } = useTranslation();
  const { manifest } = course;
  const ids = { goal: useId(), sub: useId(), who: useId(), wishes: useId() };
  return (
    <>
      <p className="handout-kicker">{t('handouts.planTemplate.kicker', { title: manifest.title })}</p>
      <h1>{t('handouts.planTemplate.heading')}</h1>
      <div className="handout-fields handout-item">
        <p>
          {t('handouts.planTemplate.for')} <span className="write-inline" aria-hidden="true" />
        </p>
        <p>
          {t('handouts.planTemplate.writtenBy')} <span className="write-inline" aria-hidden="true" />
        </p>
        <p>
          {t('handouts.planTemplate.date')} <span className="write-inline short" aria-hidden="true" />
        </p>
      </div>
      <section aria-labelledby={ids.goal} className="handout-item">
        <h2 id={ids.goal}>{t('handouts.planTemplate.mainGoal')}</h2>
        <p className="handout-hint">{t('handouts.planTemplate.mainGoalHint')}</p>
        <WriteLines count={3} />
      </section>
      <section aria-labelledby={ids.sub}>
        <h2 id={ids.sub}>{t('handouts.planTemplate.subGoals')}</h2>
        <ol className="handout-subgoals">
          {Array.from({ length: SUB_GOALS }, (_, index) => (
            <li key={index} className="handout-item">
              <WriteLines count={1} />
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby={ids.who}>
        <h2 id={ids.who}>{t('handouts.planTemplate.who')}</h2>
        <table className="handout-table handout-write-table">
          <thead>
            <tr>
              <th scope="col">{t('handouts.planTemplate.whoColumn')}</th>
              <th scope="col">{t('handouts.planTemplate.whatColumn')}</th>
              <th scope="col">{t('handouts.planTemplate.whenColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {manifest.people.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.role === undefined
                    ? person.name
                    : t('overview.personWithRole', { name: person.name, role: person.role })}
                </th>
                <td />
                <td />
              </tr>
            ))}
            {Array.from({ length: EXTRA_ROWS }, (_, index) => (
              <tr key={`blank-${index}`}>
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby={ids.wishes} className="handout-item">
        <h2 id={ids.wishes}>{t('handouts.planTemplate.wishes')}</h2>
        <p className="handout-hint">{t('handouts.planTemplate.wishesHint')}</p>
        <WriteLines count={5} />
      </section>
    </>
  );
}
