import { useCallback, useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../src/common/ipc/contract';
import type { CheckedDisplay, DisplayCheck } from '../../../src/common/room/display-check';
import { assertNever } from '../../../src/common/assert-never';
import { callApi, type CallFailure } from '../api/call-api';
import { usePlenum } from '../api/plenum-context';
import { usePlenumState } from '../api/use-plenum-state';
import { FailureAlert } from '../app/failure-alert';
import { openAudiencePage } from './open-audience-page';

/** The verdict in words, and whether it is a warning (the room would see the console). */
function verdictText(
  check: DisplayCheck,
  t: (key: string, values?: Record<string, unknown>) => string,
): { text: string; warning: boolean } {
  const { verdict } = check;
  switch (verdict.kind) {
    case 'extended': {
      const console = check.displays.find((display) => display.presenter)?.number ?? 1;
      return { text: t('panel.verdict.extended', { audience: verdict.audience, console }), warning: false };
    }
    case 'mirrored':
      return { text: t('panel.verdict.mirrored'), warning: true };
    case 'single':
      return { text: t('panel.verdict.single'), warning: true };
    default:
      return assertNever(verdict);
  }
}

/**
 * The room check before class ("Romsjekk"): in Electron, the displays numbered (and shown on each with
 * "identify"), whether the projector is extended or mirrored (a warning in words: the room would see the
 * console), and a button to put the audience window on a display; in both hosts, the test pattern and the
 * test tone on the audience's screen. The browser host cannot see displays, and says what to do instead.
 */
export function RoomCheckPanel(): ReactElement {
  const plenum = usePlenum();
  const { t } = useTranslation('room');
  const state = usePlenumState();
  const headingId = useId();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [check, setCheck] = useState<DisplayCheck | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const native = info?.audienceWindow === 'native';

  useEffect(() => {
    let live = true;
    void callApi(() => plenum.app.info({})).then((result) => {
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, [plenum]);

  const answer = useCallback((result: Awaited<ReturnType<typeof callApi<DisplayCheck>>>): void => {
    if (result.ok) {
      setCheck(result.value);
      setFailure(null);
    } else setFailure(result.error);
  }, []);
  const refresh = useCallback(async (): Promise<void> => {
    answer(await callApi(() => plenum.room.displays({})));
  }, [plenum, answer]);
  // Read again whenever the audience window comes, goes or moves (main reports it in the snapshot).
  const audienceKey = JSON.stringify(state?.audience ?? null);
  useEffect(() => {
    if (!native) return;
    let live = true;
    void callApi(() => plenum.room.displays({})).then((result) => {
      if (live) answer(result);
    });
    return () => {
      live = false;
    };
  }, [native, plenum, answer, audienceKey]);

  const roomCheck = state?.roomCheck ?? null;
  const audiencePresent = state?.audience.kind === 'present';
  const call = async (
    run: () => Promise<{ ok: true } | { ok: false; error: CallFailure }>,
  ): Promise<void> => {
    const result = await run();
    setFailure(result.ok ? null : result.error);
  };
  const togglePattern = (): void =>
    void call(() => callApi(() => plenum.room.pattern({ on: roomCheck?.pattern !== true })));
  const playTone = (): void => void call(() => callApi(() => plenum.room.tone({})));
  const identify = async (): Promise<void> => answer(await callApi(() => plenum.room.identify({})));
  const audienceTo = async (display: CheckedDisplay): Promise<void> =>
    answer(await callApi(() => plenum.room.audienceTo({ displayId: display.id })));

  const verdict = check === null ? null : verdictText(check, t);
  return (
    <section className="room-check" data-role="room-check" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('panel.heading')}</h2>
      <p className="hint">{t('panel.intro')}</p>
      {info !== null && !native && (
        <div className="room-check-page">
          <p data-role="display-verdict" data-verdict="page">
            {t('panel.verdict.page')}
          </p>
          {!audiencePresent && (
            <button
              type="button"
              className="button"
              data-role="audience-open-page"
              onClick={openAudiencePage}
            >
              {t('panel.openAudiencePage')}
            </button>
          )}
        </div>
      )}
      {native && check !== null && verdict !== null && (
        <>
          <p
            className={verdict.warning ? 'room-verdict warning' : 'room-verdict'}
            data-role="display-verdict"
            data-verdict={check.verdict.kind}
            role="status"
          >
            {verdict.text}
          </p>
          <h3>{t('panel.displaysHeading')}</h3>
          <ul className="room-displays" data-role="display-list">
            {check.displays.map((display) => (
              <li key={display.id} data-role="display" data-display={display.number}>
                <span className="room-display-name">{t('panel.display', { number: display.number })}</span>
                <span className="room-display-facts">
                  {[
                    display.label,
                    t('panel.size', { width: display.bounds.width, height: display.bounds.height }),
                    display.scaleFactor === 1 ? '' : t('panel.scale', { scale: display.scaleFactor }),
                    display.internal ? t('panel.builtIn') : '',
                  ]
                    .filter((part) => part !== '')
                    .join(', ')}
                </span>
                {display.presenter && <span className="room-display-tag">{t('panel.hasConsole')}</span>}
                {display.audience && <span className="room-display-tag">{t('panel.hasAudience')}</span>}
                {display.eligible && !display.audience && (
                  <button
                    type="button"
                    className="button small"
                    data-role="audience-to-display"
                    aria-label={t('panel.audienceToLabel', { number: display.number })}
                    onClick={() => void audienceTo(display)}
                  >
                    {t('panel.audienceTo')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="room-check-actions">
        {native && (
          <>
            <button
              type="button"
              className="button"
              data-role="identify-displays"
              onClick={() => void identify()}
            >
              {t('panel.identify')}
            </button>
            <button
              type="button"
              className="button"
              data-role="refresh-displays"
              onClick={() => void refresh()}
            >
              {t('panel.refresh')}
            </button>
          </>
        )}
        <button
          type="button"
          className="button"
          data-role="test-pattern-toggle"
          aria-pressed={roomCheck?.pattern === true}
          onClick={togglePattern}
        >
          {roomCheck?.pattern === true ? t('panel.patternOff') : t('panel.patternOn')}
        </button>
        <button
          type="button"
          className="button"
          data-role="test-tone"
          aria-describedby={`${headingId}-tone`}
          onClick={playTone}
        >
          {t('panel.tone')}
        </button>
      </div>
      <p className="hint" id={`${headingId}-tone`}>
        {t('panel.toneHint')}
      </p>
      <p className="hint" data-role="room-check-where" aria-live="polite">
        {audiencePresent ? t('panel.whereAudience') : t('panel.whereHere')}
      </p>
      <FailureAlert failure={failure} />
    </section>
  );
}
