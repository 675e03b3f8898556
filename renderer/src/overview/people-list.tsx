import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/common/course/manifest';
import { MarkdownText } from '../markdown/markdown-text';

/** Props of {@link PeopleList}. */
export interface PeopleListProps {
  people: readonly Person[];
}

/** The people in the film, each with their role and a few words about them. */
export function PeopleList({ people }: PeopleListProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.peopleHeading')}</h2>
      <ul className="people">
        {people.map((person) => (
          <li key={person.id} className="person">
            <h3>
              {person.role === undefined
                ? person.name
                : t('overview.personWithRole', { name: person.name, role: person.role })}
            </h3>
            {person.about !== undefined && <MarkdownText source={person.about} baseLevel={3} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
