import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { CaseFacts } from '../overview/case-facts';
import { MarkdownText } from '../markdown/markdown-text';

/** Whether the lecturer says the class is compulsory; `unstated` prints nothing about it. */
export type Attendance = 'required' | 'optional' | 'unstated';

/** Props of {@link StudentsHandout}. */
export interface StudentsHandoutProps {
  course: UnlockedCourse;
  attendance: Attendance;
}

/**
 * The students' sheet before class: the course, the background, who sits round the table, the case facts,
 * what to prepare, and (when the lecturer says) whether attendance is required. The film itself is never
 * sent ahead; this sheet is what they get.
 */
export function StudentsHandout({ course, attendance }: StudentsHandoutProps): ReactElement {
  const { t } = useTranslation();
  const { manifest } = course;
  const handout = manifest.handout;
  const ids = {
    people: useId(),
    facts: useId(),
    before: useId(),
    after: useId(),
    themes: useId(),
    bg: useId(),
  };
  return (
    <>
      <p className="handout-kicker">{t('handouts.students.kicker')}</p>
      <h1>{manifest.title}</h1>
      {attendance !== 'unstated' && (
        <p className="handout-attendance" data-role="attendance">
          {t(attendance === 'required' ? 'handouts.students.required' : 'handouts.students.optional')}
        </p>
      )}
      {manifest.background !== undefined && (
        <section aria-labelledby={ids.bg}>
          <h2 id={ids.bg}>{t('handouts.students.background')}</h2>
          <MarkdownText source={manifest.background} baseLevel={2} />
        </section>
      )}
      {manifest.people.length > 0 && (
        <section aria-labelledby={ids.people}>
          <h2 id={ids.people}>{t('handouts.students.people')}</h2>
          <ul className="handout-people">
            {manifest.people.map((person) => (
              <li key={person.id} className="handout-item">
                <p className="handout-person">
                  <strong>{person.name}</strong>
                  {person.role !== undefined && <> – {person.role}</>}
                </p>
                {person.about !== undefined && <MarkdownText source={person.about} baseLevel={3} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {handout !== undefined && handout.facts.length > 0 && (
        <section aria-labelledby={ids.facts}>
          <h2 id={ids.facts}>{t('handouts.students.facts')}</h2>
          <CaseFacts facts={handout.facts} />
        </section>
      )}
      <TaskList id={ids.before} heading={t('handouts.students.before')} items={handout?.before ?? []} />
      <TaskList id={ids.after} heading={t('handouts.students.after')} items={handout?.after ?? []} />
      <TaskList id={ids.themes} heading={t('handouts.students.themes')} items={handout?.themes ?? []} />
    </>
  );
}

/** A numbered list of Markdown items under its heading; nothing when the course gives none. */
function TaskList({ id, heading, items }: { id: string; heading: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ol className="handout-tasks">
        {items.map((item, index) => (
          <li key={index} className="handout-item">
            <MarkdownText source={item} baseLevel={3} />
          </li>
        ))}
      </ol>
    </section>
  );
}
