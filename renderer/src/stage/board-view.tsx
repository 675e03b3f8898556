import type { ReactElement } from 'react';
import { useRoomTranslator } from '../i18n/use-room-translator';
import type { Chapter } from '../../../src/common/course/manifest';

/** Props of {@link BoardView}. */
export interface BoardViewProps {
  chapter: Chapter;
  entries: readonly string[];
  /** The course's language: what the room reads is in the course's words. */
  language: string;
}

/**
 * The class board on the room's screen: what the class said about this chapter, in large type, laid out
 * like the discussion view (the facilitator shows and hides it with a click or T).
 */
export function BoardView({ chapter, entries, language }: BoardViewProps): ReactElement {
  const { t, language: roomLanguage } = useRoomTranslator(language);
  return (
    <section
      className="discussion board-view"
      data-role="board"
      data-chapter-id={chapter.id}
      lang={roomLanguage}
    >
      <p className="discussion-label">{t('film.board.label')}</p>
      <h2>{chapter.title}</h2>
      {entries.length === 0 ? (
        <p className="board-empty">{t('film.board.empty')}</p>
      ) : (
        <ul className="board-list">
          {entries.map((entry, index) => (
            <li key={index} className="prompt">
              {entry}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
