import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { Chapter, Person } from '../../../src/common/course/manifest';
import type { LectureCommand, LectureState } from '../../../src/common/lecture/lecture-state';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { MarkdownText } from '../markdown/markdown-text';
import { LinkQr } from './link-qr';

/** The commands the panel sends: a statement replayed, a link shown on the room's screen or taken off. */
export type LecturerPanelCommand = Extract<
  LectureCommand,
  { type: 'replay-statement' } | { type: 'show-link' } | { type: 'hide-link' }
>;

/** Props of {@link LecturerPanel}. */
export interface LecturerPanelProps {
  id: string;
  /** The chapter the panel is about (the one under way, or the next), with its index in the course. */
  chapter: Chapter | undefined;
  chapterIndex: number;
  people: readonly Person[];
  /** The lecture as main holds it: whether a replay or a shown link is this panel's. */
  lecture: Pick<LectureState, 'phase' | 'link' | 'replay'>;
  onCommand(command: LecturerPanelCommand): void;
  /** More of the lecturer's own material, shown after the summary (the console's private notes). */
  children?: ReactNode;
}

/**
 * Everything about the chapter that only the lecturer sees, in one place: the statements to replay on the
 * room's screen (first: they are pressed while the class talks), its summary, the lecturer's own notes (where
 * given), tips, solution ideas, and links (as text and an offline QR code, each with a button to show it large
 * on the room's screen). The same panel serves the single-window film screen and the presenter console; the
 * commands go to main, so a replay plays wherever the film is.
 */
export function LecturerPanel({
  id,
  chapter,
  chapterIndex,
  people,
  lecture,
  onCommand,
  children,
}: LecturerPanelProps): ReactElement {
  const { t } = useTranslation();
  const plenum = usePlenum();
  const openLink = (url: string): void => {
    // Only on the lecturer's explicit request; the browser host refuses (forbidden), and then nothing shows.
    void callApi(() => plenum.shell.openLink({ url }));
  };
  const name = (speaker: string | undefined): string | undefined =>
    people.find((person) => person.id === speaker)?.name ?? speaker;
  const { phase } = lecture;
  // The reducer's rules, said on the buttons instead of a press that does nothing: a replay needs a chapter
  // under way (not before the film, in a break or after the end); the film never plays under a QR code.
  const inChapter = 'chapter' in phase;
  const canReplay = inChapter;
  const canShowLink = inChapter && phase.kind !== 'playing';
  return (
    <aside id={id} className="lecturer-panel" data-role="lecturer-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        {t('film.panel.heading')}
      </h2>
      {chapter === undefined ? (
        <p>{t('film.panel.noChapter')}</p>
      ) : (
        <>
          <p className="panel-chapter">{chapter.title}</p>
          {chapter.statements.length > 0 && (
            <section aria-labelledby={`${id}-statements`}>
              <h3 id={`${id}-statements`}>{t('film.panel.statements')}</h3>
              {!canReplay && <p className="hint">{t('film.panel.replayLater')}</p>}
              <ul className="panel-list" data-role="statements">
                {chapter.statements.map((statement, index) => {
                  const replaying =
                    lecture.replay?.chapter === chapterIndex && lecture.replay.statement === index;
                  return (
                    <li key={statement.start} className="statement" data-replaying={replaying}>
                      <span>
                        {t('film.panel.statement', {
                          label: statement.label,
                          time: formatTime(statement.start),
                        })}
                      </span>
                      <button
                        type="button"
                        className="button small"
                        data-role="replay"
                        disabled={!canReplay}
                        aria-label={t('film.panel.replayNamed', {
                          label: statement.label,
                          speaker: name(statement.speaker) ?? '',
                        })}
                        onClick={() =>
                          onCommand({ type: 'replay-statement', chapter: chapterIndex, statement: index })
                        }
                      >
                        {replaying ? t('film.panel.replaying') : t('film.panel.replay')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {chapter.summary !== undefined && (
            <section aria-labelledby={`${id}-summary`} data-role="chapter-summary" className="panel-summary">
              <h3 id={`${id}-summary`}>{t('film.panel.summary')}</h3>
              <MarkdownText source={chapter.summary} baseLevel={3} />
            </section>
          )}
          {children}
          {chapter.tips.length > 0 && (
            <section aria-labelledby={`${id}-tips`} data-role="tips">
              <h3 id={`${id}-tips`}>{t('film.panel.tips')}</h3>
              {chapter.tips.map((tip) => (
                <div key={tip.title} className="tip">
                  <h4>{tip.title}</h4>
                  <MarkdownText source={tip.body} baseLevel={4} />
                </div>
              ))}
            </section>
          )}
          {chapter.solutions.length > 0 && (
            <section aria-labelledby={`${id}-solutions`} data-role="solutions">
              <h3 id={`${id}-solutions`}>{t('film.panel.solutions')}</h3>
              <ul className="panel-list">
                {chapter.solutions.map((solution) => (
                  <li key={solution}>{solution}</li>
                ))}
              </ul>
            </section>
          )}
          {chapter.links.length > 0 && (
            <section aria-labelledby={`${id}-links`} data-role="links">
              <h3 id={`${id}-links`}>{t('film.panel.links')}</h3>
              {!canShowLink && <p className="hint">{t('film.panel.showLinkLater')}</p>}
              <ul className="panel-list links">
                {chapter.links.map((link, index) => {
                  const shown = lecture.link?.chapter === chapterIndex && lecture.link.link === index;
                  return (
                    <li key={link.url} className="link" data-role="link">
                      <p className="link-label">{link.label}</p>
                      <p className="path">{link.url}</p>
                      <LinkQr url={link.url} label={link.label} />
                      <div className="link-actions">
                        <button
                          type="button"
                          className="button small"
                          data-role="show-link"
                          aria-pressed={shown}
                          disabled={!canShowLink && !shown}
                          onClick={() =>
                            onCommand(
                              shown
                                ? { type: 'hide-link' }
                                : { type: 'show-link', chapter: chapterIndex, link: index },
                            )
                          }
                        >
                          {t('film.panel.showLink')}
                        </button>
                        <button type="button" className="button small" onClick={() => openLink(link.url)}>
                          {t('film.panel.openLink')}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
