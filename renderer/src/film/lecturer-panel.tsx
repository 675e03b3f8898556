import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { Chapter, Person, Statement } from '../../../src/common/course/manifest';
import { callApi } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { MarkdownText } from '../markdown/markdown-text';
import { LinkQr } from './link-qr';

/** Props of {@link LecturerPanel}. */
export interface LecturerPanelProps {
  id: string;
  chapter: Chapter | undefined;
  people: readonly Person[];
  /** Replays a statement on the stage; absent where this window does not hold the film (the presenter's). */
  onReplay?: (statement: Statement) => void;
}

/**
 * The lecturer's side of the film screen, apart from what the room reads: the chapter's tips, solution
 * ideas, links (as text and an offline QR code) and its statements to replay.
 */
export function LecturerPanel({ id, chapter, people, onReplay }: LecturerPanelProps): ReactElement {
  const { t } = useTranslation();
  const plenum = usePlenum();
  const openLink = (url: string): void => {
    // Only on the lecturer's explicit request; the browser host refuses (forbidden), and then nothing shows.
    void callApi(() => plenum.shell.openLink({ url }));
  };
  const name = (speaker: string | undefined): string | undefined =>
    people.find((person) => person.id === speaker)?.name ?? speaker;
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
              <ul className="panel-list" data-role="statements">
                {chapter.statements.map((statement) => (
                  <li key={statement.start} className="statement">
                    <span>
                      {t('film.panel.statement', {
                        label: statement.label,
                        time: formatTime(statement.start),
                      })}
                    </span>
                    {onReplay !== undefined && (
                      <button
                        type="button"
                        className="button small"
                        data-role="replay"
                        aria-label={t('film.panel.replayNamed', {
                          label: statement.label,
                          speaker: name(statement.speaker) ?? '',
                        })}
                        onClick={() => onReplay(statement)}
                      >
                        {t('film.panel.replay')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
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
              <ul className="panel-list links">
                {chapter.links.map((link) => (
                  <li key={link.url} className="link" data-role="link">
                    <p className="link-label">{link.label}</p>
                    <p className="path">{link.url}</p>
                    <LinkQr url={link.url} label={link.label} />
                    <button type="button" className="button small" onClick={() => openLink(link.url)}>
                      {t('film.panel.openLink')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </aside>
  );
}
