import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnlockedCourse } from '../../../src/common/ipc/contract';
import type { ExportedSession } from '../../../src/common/records/session-export';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { FailureAlert } from '../app/failure-alert';
import { useFocusOnMount } from '../app/use-focus-on-mount';
import type { HandoutKind } from './handout-kind';
import { PlanTemplateHandout } from './plan-template-handout';
import { RunSheetHandout } from './run-sheet-handout';
import { SessionSummaryHandout } from './session-summary-handout';
import { StudentsHandout, type Attendance } from './students-handout';

/** Props of {@link HandoutScreen}. */
export interface HandoutScreenProps {
  course: UnlockedCourse;
  kind: HandoutKind;
  onBack(): void;
}

/**
 * One printable handout in its own view: a bar with Back, what the lecturer fills in before printing, and
 * "Save as PDF" (hidden on paper), then the handout itself, laid out for A4 by the print style sheet.
 */
export function HandoutScreen({ course, kind, onBack }: HandoutScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  const plenum = usePlenum();
  const back = useFocusOnMount<HTMLButtonElement>();
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [saved, setSaved] = useState('');
  const [attendance, setAttendance] = useState<Attendance>('unstated');
  const [startTime, setStartTime] = useState('');
  const [sessions, setSessions] = useState<ExportedSession[] | null>(null);
  const [sessionId, setSessionId] = useState<number | null>(null);
  const ids = { attendance: useId(), start: useId(), session: useId() };
  const courseId = course.manifest.id;

  useEffect(() => {
    if (kind !== 'session-summary') return;
    let live = true;
    void callApi(() => plenum.sessions.list({ courseId })).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSessions(result.value);
        // Newest first, so the one just held is chosen.
        setSessionId((chosen) => chosen ?? result.value[0]?.id ?? null);
      } else setFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, [plenum, courseId, kind]);

  // Main saves a PDF where it can (Electron's dialog); the loopback host answers `print`, and the browser's
  // own print dialog (which saves PDFs too) takes over.
  const save = async (): Promise<void> => {
    setSaved('');
    const result = await callApi(() => plenum.handout.savePdf({ name: `${courseId}-${kind}` }));
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    if (result.value.kind === 'print') window.print();
    else if (result.value.kind === 'saved') setSaved(t('handouts.saved'));
  };

  const session = sessions?.find((candidate) => candidate.id === sessionId) ?? null;
  return (
    <main className="screen handout-screen" data-role="handout" data-handout={kind}>
      <div className="handout-tools">
        <button ref={back} type="button" className="button" data-role="handout-back" onClick={onBack}>
          {t('handouts.back')}
        </button>
        {kind === 'students' && (
          <fieldset className="handout-choice">
            <legend id={ids.attendance}>{t('handouts.students.attendance')}</legend>
            {(['unstated', 'required', 'optional'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name={ids.attendance}
                  value={value}
                  data-role={`attendance-${value}`}
                  checked={attendance === value}
                  onChange={() => setAttendance(value)}
                />{' '}
                {t(`handouts.students.attendanceChoice.${value}`)}
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'run-sheet' && (
          <label htmlFor={ids.start} className="handout-field">
            {t('handouts.runSheet.startTime')}{' '}
            <input
              id={ids.start}
              type="time"
              data-role="start-time"
              value={startTime}
              onChange={(event) => setStartTime(event.target.value)}
            />
          </label>
        )}
        {kind === 'session-summary' && sessions !== null && sessions.length > 0 && (
          <label htmlFor={ids.session} className="handout-field">
            {t('handouts.summary.choose')}{' '}
            <select
              id={ids.session}
              data-role="summary-session"
              value={sessionId ?? ''}
              onChange={(event) => setSessionId(Number(event.target.value))}
            >
              {sessions.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t('handouts.summary.option', {
                    kind: t(`overview.sessions.kind.${candidate.kind}`),
                    time: new Intl.DateTimeFormat(i18n.language, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }).format(new Date(candidate.startedAt)),
                  })}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button primary" data-role="handout-pdf" onClick={() => void save()}>
          {t('handouts.savePdf')}
        </button>
        <p role="status" className="handout-saved">
          {saved}
        </p>
        <FailureAlert failure={failure} />
      </div>
      <article className="handout" lang={course.manifest.language}>
        {kind === 'students' ? (
          <StudentsHandout course={course} attendance={attendance} />
        ) : kind === 'plan-template' ? (
          <PlanTemplateHandout course={course} />
        ) : kind === 'run-sheet' ? (
          <RunSheetHandout course={course} startTime={startTime} />
        ) : (
          <SessionSummaryHandout courseTitle={course.manifest.title} session={session} />
        )}
      </article>
    </main>
  );
}
