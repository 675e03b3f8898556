import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import type { PromptMode } from '../../../src/common/lecture/lecture-state';

/** Props of {@link PresenterPrompts}. */
export interface PresenterPromptsProps {
  chapter: Chapter;
  /** The room is discussing this chapter, so a prompt can be put on screen. */
  discussing: boolean;
  promptIndex: number;
  promptMode: PromptMode;
  onShow(index: number): void;
  onShowAll(all: boolean): void;
}

/**
 * Every prompt of the chapter on the presenter's side, each with "show on screen", and which one the room
 * sees now. Before the discussion the list is there to read ahead; the buttons wait for the film to stop.
 */
export function PresenterPrompts({
  chapter,
  discussing,
  promptIndex,
  promptMode,
  onShow,
  onShowAll,
}: PresenterPromptsProps): ReactElement {
  const { t } = useTranslation();
  const headingId = `presenter-prompts-${chapter.id}`;
  if (chapter.prompts.length === 0)
    return (
      <section className="presenter-card" aria-labelledby={headingId} data-role="presenter-prompts">
        <h2 id={headingId}>{t('presenter.prompts.heading')}</h2>
        <p>{t('presenter.prompts.none')}</p>
      </section>
    );
  return (
    <section className="presenter-card" aria-labelledby={headingId} data-role="presenter-prompts">
      <h2 id={headingId}>{t('presenter.prompts.heading')}</h2>
      {!discussing && <p className="hint">{t('presenter.prompts.waiting')}</p>}
      <ol className="presenter-prompt-list">
        {chapter.prompts.map((prompt, index) => {
          const onScreen = discussing && (promptMode === 'all' || index === promptIndex);
          return (
            <li
              key={index}
              className={onScreen ? 'on-screen' : undefined}
              data-role="presenter-prompt"
              data-on-screen={onScreen}
            >
              <p>{prompt}</p>
              {onScreen ? (
                <span className="badge" data-role="on-screen">
                  {t('presenter.prompts.onScreen')}
                </span>
              ) : (
                <button
                  type="button"
                  className="button small"
                  data-role="show-prompt"
                  data-index={index}
                  disabled={!discussing}
                  aria-label={t('presenter.prompts.showNumbered', { number: index + 1 })}
                  onClick={() => onShow(index)}
                >
                  {t('presenter.prompts.show')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {chapter.prompts.length > 1 && (
        <button
          type="button"
          className="button small"
          data-role="presenter-show-all"
          aria-pressed={promptMode === 'all'}
          disabled={!discussing}
          onClick={() => onShowAll(promptMode !== 'all')}
        >
          {t('presenter.prompts.showAll')}
        </button>
      )}
    </section>
  );
}
