import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';
import { formatTime } from '../../../src/common/course/time';

/** Props of {@link ChapterTable}. */
export interface ChapterTableProps {
  chapters: readonly Chapter[];
}

/** The chapters with their start, end and length, and whether the film stops after each for discussion. */
export function ChapterTable({ chapters }: ChapterTableProps): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('overview.chaptersHeading')}</h2>
      <table className="chapter-table">
        <caption>{t('overview.chapterTable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.chapterTable.number')}</th>
            <th scope="col">{t('overview.chapterTable.title')}</th>
            <th scope="col">{t('overview.chapterTable.start')}</th>
            <th scope="col">{t('overview.chapterTable.end')}</th>
            <th scope="col">{t('overview.chapterTable.length')}</th>
            <th scope="col">{t('overview.chapterTable.pause')}</th>
          </tr>
        </thead>
        <tbody>
          {chapters.map((chapter, index) => (
            <tr key={chapter.id} data-chapter-id={chapter.id}>
              <td className="number">{index + 1}</td>
              <th scope="row">{chapter.title}</th>
              <td className="number">{formatTime(chapter.start)}</td>
              <td className="number">{formatTime(chapter.end)}</td>
              <td className="number">{formatTime(chapter.end - chapter.start)}</td>
              <td>{chapter.pause ? t('overview.pausesYes') : t('overview.pausesNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
