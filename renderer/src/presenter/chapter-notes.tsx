import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { FailureAlert } from '../app/failure-alert';
import type { PrivateNotes } from './use-private-notes';
import { useNotesFontSize } from './use-notes-font-size';

/** Props of {@link ChapterNotes}. */
export interface ChapterNotesProps {
  chapter: Chapter;
  notes: PrivateNotes;
}

/**
 * The lecturer's own notes for a chapter (what story to tell here), shown on the presenter's side only and
 * saved as they are typed; the state of saving is said in words next to the field. The notes' type size is
 * the lecturer's to choose (smaller/larger), kept as a setting, so it is the same after a restart.
 */
export function ChapterNotes({ chapter, notes }: ChapterNotesProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const fontSize = useNotesFontSize();
  return (
    <section className="panel-notes" aria-labelledby={`${id}-heading`} data-role="notes">
      <div className="notes-heading">
        <h3 id={`${id}-heading`}>{t('presenter.notes.heading')}</h3>
        <div
          className="notes-font-size"
          role="group"
          aria-label={t('presenter.notes.fontSize')}
          data-role="notes-font-size"
          data-size={fontSize.size}
        >
          <button
            type="button"
            className="button small"
            data-role="notes-smaller"
            disabled={!fontSize.canShrink}
            onClick={() => fontSize.step(-1)}
          >
            {t('presenter.notes.smaller')}
          </button>
          <span className="notes-font-value" aria-live="polite">
            {t('presenter.notes.sizeValue', { size: fontSize.size })}
          </span>
          <button
            type="button"
            className="button small"
            data-role="notes-larger"
            disabled={!fontSize.canGrow}
            onClick={() => fontSize.step(1)}
          >
            {t('presenter.notes.larger')}
          </button>
        </div>
      </div>
      <label htmlFor={`${id}-text`} className="field-label">
        {t('presenter.notes.label', { title: chapter.title })}
      </label>
      <textarea
        id={`${id}-text`}
        className="notes-text"
        data-role="notes-text"
        data-chapter-id={chapter.id}
        rows={6}
        style={{ fontSize: `${fontSize.size}px` }}
        value={notes.textOf(chapter.id)}
        disabled={!notes.loaded}
        onChange={(event) => notes.change(chapter.id, event.target.value)}
      />
      <p className="hint" data-role="notes-status" data-status={notes.status} aria-live="polite">
        {t(`presenter.notes.status.${notes.status}`)}
      </p>
      <FailureAlert failure={notes.failure} />
    </section>
  );
}
