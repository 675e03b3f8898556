import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { FailureAlert } from '../app/failure-alert';
import type { PrivateNotes } from './use-private-notes';

/** Props of {@link ChapterNotes}. */
export interface ChapterNotesProps {
  chapter: Chapter;
  notes: PrivateNotes;
}

/**
 * The lecturer's own notes for a chapter (what story to tell here), shown on the presenter's side only and
 * saved as they are typed; the state of saving is said in words next to the field.
 */
export function ChapterNotes({ chapter, notes }: ChapterNotesProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="presenter-card" aria-labelledby={`${id}-heading`} data-role="notes">
      <h2 id={`${id}-heading`}>{t('presenter.notes.heading')}</h2>
      <label htmlFor={`${id}-text`} className="field-label">
        {t('presenter.notes.label', { title: chapter.title })}
      </label>
      <textarea
        id={`${id}-text`}
        className="notes-text"
        data-role="notes-text"
        data-chapter-id={chapter.id}
        rows={6}
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
