import { type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../src/common/course/time';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import { MarkdownText } from '../markdown/markdown-text';
import { HandoutLink } from './handout-link';
import { runSheetLength, runSheetSteps, type RunSheetStep } from './run-sheet-steps';

/** Props of {@link RunSheetHandout}. */
export interface RunSheetHandoutProps {
  course: UnlockedCourse;
  /** When the session begins ("HH:MM", the lecturer's entry), or '' to print times from the start. */
  startTime: string;
}

/** Minutes of the day of an "HH:MM" entry, or null for anything else. */
function minutesOfDay(entry: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(entry);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/**
 * The lecturer's run sheet: the chosen plan (else every chapter) step by step with its times, and under each
 * chapter its prompts, tips, solution ideas and links. Times are clock times when a start time is given,
 * otherwise counted from the start.
 */
export function RunSheetHandout({ course, startTime }: RunSheetHandoutProps): ReactElement {
  const { t } = useTranslation();
  const { manifest, plan } = course;
  const steps = runSheetSteps(manifest, plan);
  const start = minutesOfDay(startTime);
  const at = (seconds: number): string => {
    if (start === null) return t('handouts.runSheet.fromStart', { time: formatTime(seconds) });
    const total = (start + Math.round(seconds / 60)) % (24 * 60);
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  return (
    <>
      <p className="handout-kicker">{t('handouts.runSheet.kicker')}</p>
      <h1>{manifest.title}</h1>
      <p className="lead">
        {t('handouts.runSheet.plan', {
          plan: plan?.name ?? t('handouts.runSheet.everyChapter'),
          length: Math.round(runSheetLength(steps) / 60),
        })}
      </p>
      <table className="handout-table handout-steps">
        <caption>{t('handouts.runSheet.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('handouts.runSheet.at')}</th>
            <th scope="col">{t('handouts.runSheet.step')}</th>
            <th scope="col">{t('handouts.runSheet.film')}</th>
            <th scope="col">{t('handouts.runSheet.talk')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr key={index}>
              <td>{at(step.startsAt)}</td>
              {step.kind === 'break' ? (
                <>
                  <th scope="row">{t('handouts.runSheet.break')}</th>
                  <td />
                  <td>{t('handouts.minutes', { count: step.minutes })}</td>
                </>
              ) : (
                <>
                  <th scope="row">
                    {t('handouts.runSheet.chapter', { number: step.number, title: step.chapter.title })}
                    {step.lead !== null && (
                      <span className="run-sheet-lead" data-role="run-sheet-lead">
                        {' '}
                        ({t('plans:lead.ledBy', { lead: t(`plans:lead.${step.lead}`) })})
                      </span>
                    )}
                  </th>
                  <td>
                    {formatTime(step.chapter.start)}–{formatTime(step.chapter.end)}
                  </td>
                  <td>
                    {step.discussionMinutes > 0
                      ? t('handouts.minutes', { count: step.discussionMinutes })
                      : '–'}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {steps.map((step, index) =>
        step.kind === 'chapter' ? <ChapterNotes key={index} step={step} at={at(step.startsAt)} /> : null,
      )}
    </>
  );
}

/** One chapter's notes for the lecturer: what to ask, tips, ideas for solutions, links. */
function ChapterNotes({ step, at }: { step: Extract<RunSheetStep, { kind: 'chapter' }>; at: string }) {
  const { t } = useTranslation();
  const { chapter } = step;
  return (
    <section className="handout-chapter">
      <h2>
        {t('handouts.runSheet.chapter', { number: step.number, title: chapter.title })}
        <span className="handout-chapter-at"> · {at}</span>
      </h2>
      {chapter.prompts.length > 0 && (
        <>
          <h3>{t('handouts.runSheet.prompts')}</h3>
          <ol>
            {chapter.prompts.map((prompt, index) => (
              <li key={index} className="handout-item">
                <MarkdownText source={prompt} baseLevel={4} />
              </li>
            ))}
          </ol>
        </>
      )}
      {chapter.tips.length > 0 && (
        <>
          <h3>{t('handouts.runSheet.tips')}</h3>
          <ul className="handout-tips">
            {chapter.tips.map((tip, index) => (
              <li key={index} className="handout-item">
                <p className="handout-tip-title">{tip.title}</p>
                <MarkdownText source={tip.body} baseLevel={4} />
              </li>
            ))}
          </ul>
        </>
      )}
      {chapter.solutions.length > 0 && (
        <>
          <h3>{t('handouts.runSheet.solutions')}</h3>
          <ul>
            {chapter.solutions.map((solution, index) => (
              <li key={index} className="handout-item">
                <MarkdownText source={solution} baseLevel={4} />
              </li>
            ))}
          </ul>
        </>
      )}
      {chapter.links.length > 0 && (
        <>
          <h3>{t('handouts.runSheet.links')}</h3>
          <ul className="handout-links">
            {chapter.links.map((link) => (
              <HandoutLink key={link.url} link={link} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
