import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseRecord } from '../../../src/common/ipc/api-types';

/** Props of {@link RecentCourses}. */
export interface RecentCoursesProps {
  records: readonly CourseRecord[];
  disabled: boolean;
  onOpen(record: CourseRecord): void;
}

/** The course files opened before, each with its path and when it was last opened. */
export function RecentCourses({ records, disabled, onOpen }: RecentCoursesProps): ReactElement {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' });
  const when = (record: CourseRecord): string => {
    const date = record.lastOpenedAt === null ? null : new Date(record.lastOpenedAt);
    return date === null || Number.isNaN(date.getTime())
      ? t('library.neverOpened')
      : t('library.lastOpened', { date: dates.format(date) });
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('library.recentHeading')}</h2>
      {records.length === 0 ? (
        <p className="hint">{t('library.recentEmpty')}</p>
      ) : (
        <ul className="course-list">
          {records.map((record) => (
            <li key={record.id} className="course-item">
              <div className="course-item-text">
                <p className="card-title">{record.title}</p>
                <p className="path">{record.path}</p>
                <p className="hint">{when(record)}</p>
              </div>
              <button
                type="button"
                className="button"
                disabled={disabled}
                aria-label={t('library.openNamed', { title: record.title })}
                onClick={() => onOpen(record)}
              >
                {t('library.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
