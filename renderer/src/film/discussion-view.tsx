import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Person } from '../../../src/common/course/manifest';

/** Props of {@link DiscussionView}. */
export interface DiscussionViewProps {
  chapter: Chapter;
  promptIndex: number;
  /** The course's people, so a quote's speaker id reads as the person's name. */
  people: readonly Person[];
  onContinue(): void;
}

/**
 * What the class sees while the film stands still for discussion: the chapter's title, the chosen prompt
 * and the quotation, in type meant to be read from the back row. Continue (or a clicker key) plays on.
 */
export function DiscussionView({
  chapter,
  promptIndex,
  people,
  onContinue,
}: DiscussionViewProps): ReactElement {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const prompt = chapter.prompts[promptIndex] ?? chapter.prompts[0];
  const speakerId = chapter.quote?.speaker;
  // A speaker is a person's id when the course lists people, otherwise free text (course-format.md).
  const speaker = people.find((person) => person.id === speakerId)?.name ?? speakerId;
  useEffect(() => {
    // A new discussion puts focus on Continue, so Enter or Space plays on as well as the clicker.
    button.current?.focus();
  }, [chapter.id]);
  return (
    <section
      className="discussion"
      data-role="discussion"
      data-chapter-id={chapter.id}
      aria-labelledby={`discussion-${chapter.id}`}
    >
      <p className="discussion-label">{t('film.discussion')}</p>
      <h2 id={`discussion-${chapter.id}`}>{chapter.title}</h2>
      {prompt !== undefined && (
        <p className="prompt" data-role="prompt">
          {prompt}
        </p>
      )}
      {chapter.quote !== undefined && (
        <figure className="quote" data-role="quote">
          <blockquote>{chapter.quote.text}</blockquote>
          {speaker !== undefined && <figcaption>{t('film.quoteBy', { speaker })}</figcaption>}
        </figure>
      )}
      <div className="discussion-actions">
        <button
          ref={button}
          type="button"
          className="button primary large"
          data-role="continue"
          onClick={onContinue}
        >
          {t('film.continue')}
        </button>
        <p className="hint">{t('film.continueHint')}</p>
      </div>
    </section>
  );
}
