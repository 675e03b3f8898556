import { useMemo, type ReactElement } from 'react';
import { useRoomTranslator } from '../i18n/use-room-translator';
import type { Chapter } from '../../../src/common/course/manifest';
import { roomFitLevels } from './room-fit-levels';
import { useFitSteps } from './use-fit-steps';

/** Props of {@link BoardView}. */
export interface BoardViewProps {
  chapter: Chapter;
  entries: readonly string[];
  /** The course's language: what the room reads is in the course's words. */
  language: string;
}

/**
 * The class board on the room's screen: what the class said about this chapter, in large type, laid out
 * like the discussion view (the facilitator shows and hides it with a click or T). Many entries go into two
 * columns, then smaller type, as the discussion's prompts do.
 */
export function BoardView({ chapter, entries, language }: BoardViewProps): ReactElement {
  const { t, language: roomLanguage } = useRoomTranslator(language);
  const twoColumns = entries.length >= 2;
  const levels = useMemo(() => roomFitLevels(twoColumns ? ['stack', 'columns'] : ['stack']), [twoColumns]);
  // The entries themselves are the content: an entry typed or edited in the console refits the board.
  const { boxRef, contentRef } = useFitSteps(levels, `${chapter.id}|${entries.join('\u0000')}`);
  return (
    <section
      className="discussion board-view room-fit"
      data-role="board"
      data-chapter-id={chapter.id}
      lang={roomLanguage}
    >
      <div className="room-fit-box" ref={boxRef} data-role="room-fit">
        <div className="room-fit-content" ref={contentRef}>
          <div className="discussion-head">
            <p className="discussion-label">{t('film.board.label')}</p>
            <h2>{chapter.title}</h2>
          </div>
          {entries.length === 0 ? (
            <p className="board-empty">{t('film.board.empty')}</p>
          ) : (
            <ul className="board-list">
              {entries.map((entry, index) => (
                <li key={index} className="prompt" data-fit-line="">
                  {entry}
                </li>
              ))}
            </ul>
          )}
        </div>
        <p className="room-fit-more" data-role="fit-more">
          {t('stage.fit.more')}
        </p>
      </div>
    </section>
  );
}
