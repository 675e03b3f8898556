import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter, Person } from '../../../src/common/course/manifest';
import type { PromptMode } from '../../../src/common/lecture/lecture-state';
import { useRoomTranslator } from '../i18n/use-room-translator';
import { discussionLayouts, roomFitLevels } from '../stage/room-fit-levels';
import { useFitSteps } from '../stage/use-fit-steps';
import { promptPage } from './prompt-paging';

/** Props of {@link DiscussionView}. */
export interface DiscussionViewProps {
  chapter: Chapter;
  promptIndex: number;
  promptMode: PromptMode;
  /** The course's people, so a quote's speaker id reads as the person's name. */
  people: readonly Person[];
  /** False on the projector and in the presenter's preview: the room sees no buttons it cannot press. */
  interactive: boolean;
  onContinue(): void;
  onShowPrompt(index: number): void;
  onPromptMode(mode: PromptMode): void;
  /** The course's language, for what the room reads (the label, the position, the quotation's credit). */
  language: string;
}

/**
 * What the class sees while the film stands still for discussion: the chapter's title, the chosen prompt
 * (or all of them) and the quotation, in type meant to be read from the back row. Continue (or a clicker
 * key) plays on; the small controls below page through the prompts.
 */
export function DiscussionView({
  chapter,
  promptIndex,
  promptMode,
  people,
  language,
  interactive,
  onContinue,
  onShowPrompt,
  onPromptMode,
}: DiscussionViewProps): ReactElement {
  const { t } = useTranslation();
  const { t: room, language: roomLanguage } = useRoomTranslator(language);
  const button = useRef<HTMLButtonElement>(null);
  const page = promptPage(chapter.prompts.length, promptIndex, promptMode);
  const speakerId = chapter.quote?.speaker;
  // A speaker is a person's id when the course lists people, otherwise free text (course-format.md).
  const speaker = people.find((person) => person.id === speakerId)?.name ?? speakerId;
  useEffect(() => {
    // A new discussion puts focus on Continue, so Enter or Space plays on as well as the clicker.
    if (interactive) button.current?.focus();
  }, [chapter.id, interactive]);
  const headingId = `discussion-${chapter.id}`;
  const quote = chapter.quote;
  const levels = useMemo(
    () => roomFitLevels(discussionLayouts(page.shown.length, quote !== undefined)),
    [page.shown.length, quote],
  );
  const { boxRef, contentRef } = useFitSteps(levels, `${chapter.id}|${promptMode}|${page.shown.join(',')}`);
  return (
    <section
      className="discussion room-fit"
      data-role="discussion"
      data-chapter-id={chapter.id}
      data-prompt-mode={promptMode}
      aria-labelledby={headingId}
    >
      <div className="room-fit-box" ref={boxRef} data-role="room-fit">
        <div className="room-fit-content" ref={contentRef}>
          <div className="discussion-head">
            <p className="discussion-label" lang={roomLanguage}>
              {room('film.discussion')}
            </p>
            <h2 id={headingId}>{chapter.title}</h2>
          </div>
          {/* Announced when the lecturer turns to another prompt or shows them all. */}
          <div className="prompts" aria-live="polite">
            {page.shown.length === 1 && (
              <p className="prompt" data-role="prompt" data-fit-line="">
                {chapter.prompts[page.shown[0] ?? 0]}
              </p>
            )}
            {page.shown.length > 1 && (
              <ol className="prompt-list">
                {page.shown.map((index) => (
                  <li key={index} className="prompt" data-role="prompt" data-fit-line="">
                    {chapter.prompts[index]}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {quote !== undefined && (
            <figure className="quote" data-role="quote">
              <blockquote data-fit-line="">{quote.text}</blockquote>
              {speaker !== undefined && (
                <figcaption lang={roomLanguage}>{room('film.quoteBy', { speaker })}</figcaption>
              )}
            </figure>
          )}
        </div>
        <p className="room-fit-more" data-role="fit-more" lang={roomLanguage}>
          {room('stage.fit.more')}
        </p>
      </div>
      {/* The controls stand apart from the fitted text, so no amount of it pushes them off the screen. */}
      {interactive && (
        <div className="room-controls">
          {chapter.prompts.length > 1 && (
            <div className="prompt-controls" role="group" aria-label={t('film.prompts.label')}>
              {promptMode === 'one' && (
                <>
                  <button
                    type="button"
                    className="button dark"
                    data-role="previous-prompt"
                    disabled={!page.canPrevious}
                    onClick={() => onShowPrompt((page.current ?? 0) - 1)}
                  >
                    {t('film.prompts.previous')}
                  </button>
                  <span className="prompt-position" data-role="prompt-position">
                    {room('film.prompts.position', {
                      number: (page.current ?? 0) + 1,
                      count: chapter.prompts.length,
                    })}
                  </span>
                  <button
                    type="button"
                    className="button dark"
                    data-role="next-prompt"
                    disabled={!page.canNext}
                    onClick={() => onShowPrompt((page.current ?? 0) + 1)}
                  >
                    {t('film.prompts.next')}
                  </button>
                </>
              )}
              <button
                type="button"
                className="button dark"
                data-role="show-all-prompts"
                aria-pressed={promptMode === 'all'}
                onClick={() => onPromptMode(promptMode === 'all' ? 'one' : 'all')}
              >
                {t('film.prompts.showAll')}
              </button>
            </div>
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
        </div>
      )}
    </section>
  );
}
