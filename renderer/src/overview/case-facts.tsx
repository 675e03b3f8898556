import type { ReactElement } from 'react';
import type { CourseManifest } from '../../../src/common/course/manifest';
import { MarkdownText } from '../markdown/markdown-text';

/** Props of {@link CaseFacts}. */
export interface CaseFactsProps {
  facts: NonNullable<CourseManifest['handout']>['facts'];
}

/** The case's facts as label and value (Rune's fact sheet), for the overview and the students' handout. */
export function CaseFacts({ facts }: CaseFactsProps): ReactElement {
  return (
    <dl className="handout-facts">
      {facts.map((fact) => (
        <div key={fact.label} className="handout-item">
          <dt>{fact.label}</dt>
          <dd>
            <MarkdownText source={fact.value} baseLevel={3} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
