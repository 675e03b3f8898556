import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chapter } from '../../../src/common/course/manifest';

/** Props of {@link NextUp}. */
export interface NextUpProps {
  /** The next chapter on the lecture's way and its index, or null when nothing more is planned. */
  next: { chapter: Chapter; index: number } | null;
  mediaBase: string;
}

/** "Next": the next planned chapter's still, number and title, and the first prompt it will ask. */
export function NextUp({ next, mediaBase }: NextUpProps): ReactElement {
  const { t } = useTranslation();
  return (
    <figure className="next-up" data-role="next-up">
      {next?.chapter.still !== undefined && (
        <img src={`${mediaBase}${next.chapter.still}`} alt="" data-role="next-still" />
      )}
      <figcaption>
        <p className="presenter-next" data-role="next-chapter">
          {next === null
            ? t('presenter.nextNone')
            : t('presenter.next', { number: next.index + 1, title: next.chapter.title })}
        </p>
        {next?.chapter.prompts[0] !== undefined && (
          <p className="next-up-prompt" data-role="next-first-prompt">
            {next.chapter.prompts[0]}
          </p>
        )}
      </figcaption>
    </figure>
  );
}
