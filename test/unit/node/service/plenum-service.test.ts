import { join } from 'node:path';
import {
  createPlenumService,
  type PlenumService,
  type ServiceDeps,
} from '../../../../src/node/service/plenum-service';
import type { PlenumState, UnlockedCourse } from '../../../../src/common/ipc/contract';
import type { CourseRecord } from '../../../../src/common/ipc/api-types';
import type { ExportedSession } from '../../../../src/common/records/session-export';
import type { SessionState } from '../../../../src/common/session/session-state';
import { clockElapsedMs } from '../../../../src/common/session/session-state';
import { openStore } from '../../../../src/node/store';
import { value, writeManifestCourse } from '../../../support/service-fixture';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();

const chapter = (id: string, start: number, end: number, prompts: string[]) => ({
  id,
  title: id.toUpperCase(),
  start,
  end,
  pause: true,
  statements: [],
  prompts,
  tips: [],
  solutions: [],
  links: [],
});

const MANIFEST = {
  manifestVersion: 1,
  id: 'prove',
  title: 'Prøve',
  language: 'nb',
  people: [],
  subtitles: [],
  film: { entry: 'media/index.m3u8', duration: 30 },
  chapters: [
    chapter('a', 0, 10, ['Hva nå?', 'Og så?']),
    chapter('b', 10, 20, ['B?']),
    chapter('c', 20, 30, []),
  ],
};

function courseFile(dir: string): Promise<string> {
  return writeManifestCourse(dir, MANIFEST);
}

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-12-01T10:42:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the Plenum service', () => {
  const services: PlenumService[] = [];
  afterEach(async () => {
    for (const service of services.splice(0)) await service.close().catch(() => undefined);
  });

  function start(dir: string, extra: Partial<ServiceDeps> = {}) {
    const service = createPlenumService({
      store: openStore(join(dir, 'plenum.sqlite')),
      version: '0.1.0',
      demo: null,
      mediaBase: (handle) => `/media/${handle}/`,
      ...extra,
    });
    services.push(service);
    return service;
  }

  async function unlocked(dir: string, extra: Partial<ServiceDeps> = {}) {
    const path = await courseFile(dir);
    const service = start(dir, extra);
    const entry = value<CourseRecord>(await service.dispatch('library.add', { path }));
    const course = value<UnlockedCourse>(
      await service.dispatch('course.unlock', { id: entry.id, password: 'riktig' }),
    );
    const states: PlenumState[] = [];
    service.events.on((name, payload) => {
      if (name === 'state') states.push(payload as PlenumState);
    });
    const command = async (sent: unknown) =>
      value<SessionState>(await service.dispatch('session.command', { command: sent }));
    const begin = async (
      kind: 'lecture' | 'rehearsal',
      view: 'film' | 'presenter' = 'presenter',
      fresh = false,
    ) =>
      value<SessionState>(
        await service.dispatch('session.begin', {
          handle: course.handle,
          kind,
          view,
          ...(fresh ? { fresh } : {}),
        }),
      );
    return { service, course, entry, path, states, command, begin };
  }

  it('unlocks a library entry by id into an opaque handle; the window never sees the key', async () => {
    const dir = tempDir();
    const { service, course } = await unlocked(dir);
    expect(course.handle).toMatch(/^[a-f0-9]{32}$/);
    expect(course.mediaBase).toBe(`/media/${course.handle}/`);
    expect(JSON.stringify(service.state())).not.toMatch(/key|slot|wrapped/i);
    expect(service.resolveCourse(course.handle)?.has('media/index.m3u8')).toBe(true);
    expect(service.state().courses.map((open) => open.handle)).toEqual([course.handle]);
    expect(value(await service.dispatch('course.lock', { handle: course.handle }))).toBeNull();
    expect(service.resolveCourse(course.handle)).toBeUndefined();
    expect(service.state().courses).toEqual([]);
  });

  it('answers a wrong password, an unknown entry and bad arguments with typed errors', async () => {
    const dir = tempDir();
    const path = await courseFile(dir);
    const { dispatch } = start(dir);
    const entry = value<CourseRecord>(await dispatch('library.add', { path }));
    expect(await dispatch('course.unlock', { id: entry.id, password: 'feil' })).toEqual({
      ok: false,
      error: { code: 'course-file', problem: { kind: 'wrong-password' } },
    });
    expect(await dispatch('course.unlock', { id: entry.id + 99, password: 'riktig' })).toEqual({
      ok: false,
      error: { code: 'not-found', what: 'library-entry' },
    });
    // A window names library entries, never paths.
    expect(await dispatch('course.unlock', { path, password: 'riktig' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', channel: 'course.unlock' },
    });
    expect(await dispatch('library.add', { path: join(dir, 'borte.plenum') })).toMatchObject({
      ok: false,
      error: { code: 'course-file', problem: { kind: 'not-found' } },
    });
    expect(await dispatch('session.command', { command: { type: 'play' } })).toEqual({
      ok: false,
      error: { code: 'no-session' },
    });
    for (const gone of ['lecture.command', 'sessions.start', 'library.remove', 'course.manifest'])
      expect(await dispatch(gone, {})).toEqual({
        ok: false,
        error: { code: 'unknown-channel', channel: gone },
      });
  });

  it('begins a session in one call, puts it on stage and broadcasts one snapshot per change', async () => {
    const { service, begin, command, states } = await unlocked(tempDir());
    const session = await begin('lecture');
    expect(session).toMatchObject({ kind: 'lecture', view: 'presenter', continued: false });
    expect(service.state().session?.id).toBe(session.id);
    const before = states.length;
    await command({ type: 'play' });
    await command({ type: 'chapter-ended', chapter: 0, at: 9.96 });
    await command({ type: 'show-prompt', promptIndex: 1 });
    expect(states.length - before).toBe(3);
    const last = states.at(-1);
    expect(last?.session?.lecture.phase).toMatchObject({ kind: 'discussing', chapter: 0, promptIndex: 1 });
    expect(last?.revision).toBe(service.state().revision);
    // Revisions only grow.
    const revisions = states.map((state) => state.revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
  });

  it('a window that reloads finds the same session: state.get is the whole truth', async () => {
    const { service, begin, command } = await unlocked(tempDir());
    await begin('lecture');
    await command({ type: 'play' });
    await command({ type: 'chapter-ended', chapter: 0, at: 9.96 });
    await command({ type: 'show-prompt', promptIndex: 1 });
    const reloaded = value<PlenumState>(await service.dispatch('state.get', {}));
    expect(reloaded.session?.lecture.phase).toMatchObject({ kind: 'discussing', promptIndex: 1 });
    expect(reloaded.courses).toHaveLength(1);
  });

  it('leaving for the overview and coming back continues the session; its clock is not reset', async () => {
    const clock = manualClock();
    const { service, begin, command } = await unlocked(tempDir(), { now: clock.now });
    const first = await begin('lecture');
    await command({ type: 'play' });
    clock.advance(9_000);
    expect(value(await service.dispatch('session.leave', {}))).toBeNull();
    expect(service.state().session).toBeNull();
    clock.advance(60_000);
    const again = await begin('lecture');
    expect(again.id).toBe(first.id);
    expect(again.continued).toBe(true);
    // Leaving paused the film; the clock ran on while the lecturer was on the overview.
    expect(again.lecture.phase).toEqual({ kind: 'paused', chapter: 0 });
    expect(clockElapsedMs(again.clock, clock.now())).toBe(69_000);
  });

  it('the session clock stops only when the lecturer pauses it', async () => {
    const clock = manualClock();
    const { begin, command } = await unlocked(tempDir(), { now: clock.now });
    await begin('lecture');
    clock.advance(5_000);
    const paused = await command({ type: 'pause-clock' });
    clock.advance(60_000);
    expect(clockElapsedMs(paused.clock, clock.now())).toBe(5_000);
    const running = await command({ type: 'resume-clock' });
    clock.advance(1_000);
    expect(clockElapsedMs(running.clock, clock.now())).toBe(6_000);
  });

  it('rehearsal and lecture are separate sessions that never move each other', async () => {
    const { begin, command } = await unlocked(tempDir());
    const lecture = await begin('lecture');
    await command({ type: 'go-to-chapter', chapter: 2 });
    const rehearsal = await begin('rehearsal');
    expect(rehearsal.id).not.toBe(lecture.id);
    expect(rehearsal.lecture.phase).toEqual({ kind: 'ready' });
    await command({ type: 'go-to-chapter', chapter: 1 });
    const back = await begin('lecture');
    expect(back.id).toBe(lecture.id);
    expect(back.lecture.phase).toMatchObject({ kind: 'paused', chapter: 2 });
    const rehearsalAgain = await begin('rehearsal');
    expect(rehearsalAgain.lecture.phase).toMatchObject({ kind: 'paused', chapter: 1 });
  });

  it('Back twice reaches the previous chapter: the reducer reads the playhead main holds', async () => {
    const { service, begin, command } = await unlocked(tempDir());
    await begin('lecture');
    await command({ type: 'go-to-chapter', chapter: 1 });
    await command({ type: 'play' });
    await service.dispatch('session.position', { seconds: 14 });
    const once = await command({ type: 'previous' });
    expect(once.lecture.phase).toEqual({ kind: 'paused', chapter: 1, atStart: true });
    // The second press comes before any report from the window: main moved the playhead itself.
    const twice = await command({ type: 'previous' });
    expect(twice.lecture.phase).toEqual({ kind: 'paused', chapter: 0, atStart: true });
  });

  it('continues an unfinished session after a crash, with its timers moved past the time it was down', async () => {
    const dir = tempDir();
    const clock = manualClock();
    const first = await unlocked(dir, { now: clock.now, sessionSaveMs: 60_000 });
    await first.begin('lecture');
    await first.command({ type: 'play' });
    clock.advance(9_000);
    await first.command({ type: 'chapter-ended', chapter: 0, at: 9.96 });
    const shown = await first.command({ type: 'show-prompt', promptIndex: 1 });
    clock.advance(2_000);
    // The crash: the first service is dropped without closing (nothing flushed), the store opened again.
    clock.advance(30_000);
    const second = await unlocked(dir, { now: clock.now });
    const continued = await second.begin('lecture');
    expect(continued.id).toBe(shown.id);
    expect(continued.continued).toBe(true);
    expect(continued.lecture.phase).toMatchObject({ kind: 'discussing', chapter: 0, promptIndex: 1 });
    // The clock lost at most what came after the last save (the prompt change, 2 s before the crash).
    const elapsed = clockElapsedMs(continued.clock, clock.now());
    expect(elapsed).toBeGreaterThanOrEqual(9_000);
    expect(elapsed).toBeLessThanOrEqual(11_000);
    // The discussion timer does not count the 30 s nobody ran Plenum.
    if (continued.lecture.phase.kind !== 'discussing') throw new Error('not discussing');
    expect(clock.now() - continued.lecture.phase.since).toBeLessThanOrEqual(2_000);
  });

  it('fresh ends the unfinished session and starts a new one; end closes it for good', async () => {
    const { service, begin, command, course } = await unlocked(tempDir());
    const old = await begin('lecture');
    await command({ type: 'go-to-chapter', chapter: 2 });
    const fresh = await begin('lecture', 'presenter', true);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.lecture.phase).toEqual({ kind: 'ready' });
    expect(value(await service.dispatch('session.end', {}))).toBeNull();
    expect(service.state().session).toBeNull();
    const list = value<ExportedSession[]>(
      await service.dispatch('sessions.list', { courseId: course.manifest.id }),
    );
    expect(list.map((session) => [session.id, session.endedAt !== null])).toEqual([
      [fresh.id, true],
      [old.id, true],
    ]);
    const next = await begin('lecture');
    expect(next.id).not.toBe(fresh.id);
  });

  it('the film view starts playing at once; a finished film starts a new pass', async () => {
    const { begin, command } = await unlocked(tempDir());
    const film = await begin('lecture', 'film');
    expect(film.lecture.phase).toEqual({ kind: 'playing', chapter: 0 });
    await command({ type: 'go-to-chapter', chapter: 2 });
    await command({ type: 'play' });
    await command({ type: 'chapter-ended', chapter: 2, at: 29.96 });
    const finished = await command({ type: 'next' });
    expect(finished.lecture.phase).toEqual({ kind: 'finished' });
    const again = await begin('lecture', 'presenter');
    expect(again.lecture.phase).toEqual({ kind: 'ready' });
  });

  it('records per-chapter times in the session and saves them', async () => {
    const clock = manualClock();
    const { service, begin, command, course } = await unlocked(tempDir(), { now: clock.now });
    const session = await begin('rehearsal');
    await command({ type: 'play' });
    clock.advance(10_000);
    await command({ type: 'chapter-ended', chapter: 0, at: 9.96 });
    clock.advance(90_000);
    const moved = await command({ type: 'next' });
    expect(moved.timings).toEqual([{ chapterId: 'a', filmSeconds: 10, discussionSeconds: 90 }]);
    const list = value<ExportedSession[]>(
      await service.dispatch('sessions.list', { courseId: course.manifest.id }),
    );
    expect(list.find((record) => record.id === session.id)?.chapters).toEqual([
      { chapterId: 'a', title: 'A', plannedSeconds: null, discussionSeconds: 90, filmSeconds: 10, board: [] },
    ]);
  });

  it('choosing a plan is remembered for the course and followed by the running session', async () => {
    const { service, begin, course } = await unlocked(tempDir());
    const plan = value<{ id: number }>(
      await service.dispatch('plans.save', {
        id: null,
        courseId: 'prove',
        name: 'Kort',
        steps: [{ kind: 'chapter', chapterId: 'b', minutes: 5 }],
        budgetMinutes: null,
      }),
    );
    await begin('lecture');
    const lecturePlan = {
      id: plan.id,
      name: 'Kort',
      steps: [{ kind: 'chapter', chapterId: 'b', minutes: 5 }],
      budgetMinutes: null,
    };
    value(await service.dispatch('course.choosePlan', { handle: course.handle, plan: lecturePlan }));
    expect(service.state().session?.lecture.plan).toEqual(lecturePlan);
    expect(service.state().courses[0]?.plan).toEqual(lecturePlan);
    expect(service.state().settings.planByCourse).toEqual({ prove: plan.id });
  });

  it('a plan changed during the session (a re-plan) survives leaving and coming back, until the course’s plan changes', async () => {
    const { service, begin, command, course } = await unlocked(tempDir());
    const chosen = {
      id: null,
      name: 'Alle',
      steps: [
        { kind: 'chapter', chapterId: 'a', minutes: 5 },
        { kind: 'chapter', chapterId: 'b', minutes: 5 },
      ],
      budgetMinutes: null,
    };
    value(await service.dispatch('course.choosePlan', { handle: course.handle, plan: chosen }));
    await begin('lecture');
    const replanned = {
      ...chosen,
      name: 'Alle (justert)',
      steps: [{ kind: 'chapter', chapterId: 'b', minutes: 5 }],
    };
    await command({ type: 'set-plan', plan: replanned });
    await service.dispatch('session.leave', {});
    expect((await begin('lecture')).lecture.plan).toEqual(replanned);
    // The course's own plan changing is followed, re-plan or not.
    const other = { ...chosen, name: 'Annen', steps: [{ kind: 'chapter', chapterId: 'a', minutes: 9 }] };
    value(await service.dispatch('course.choosePlan', { handle: course.handle, plan: other }));
    expect(service.state().session?.lecture.plan).toEqual(other);
    await service.dispatch('session.leave', {});
    expect((await begin('lecture')).lecture.plan).toEqual(other);
  });

  it('locks every course after the idle time with no session running, and never during one', async () => {
    const clock = manualClock();
    const { service, begin } = await unlocked(tempDir(), { now: clock.now });
    await service.dispatch('settings.update', { idleLockMinutes: 10 });
    await begin('lecture');
    clock.advance(11 * 60_000);
    await service.lockIfIdle();
    expect(service.state().courses).toHaveLength(1);
    await service.dispatch('session.leave', {});
    clock.advance(9 * 60_000);
    await service.lockIfIdle();
    expect(service.state().courses).toHaveLength(1);
    clock.advance(2 * 60_000);
    await service.lockIfIdle();
    expect(service.state().courses).toEqual([]);
  });

  it('saves the playhead of a running session at the save interval, not per report', async () => {
    const dir = tempDir();
    const first = await unlocked(dir, { sessionSaveMs: 20 });
    const session = await first.begin('lecture', 'film');
    await first.service.dispatch('session.position', { seconds: 7.5 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    const second = await unlocked(dir);
    const continued = await second.begin('lecture', 'film');
    expect(continued.id).toBe(session.id);
    expect(continued.position).toBe(7.5);
  });

  it('lists a course’s unfinished sessions for the overview, the one on stage aside', async () => {
    const dir = tempDir();
    const clock = manualClock();
    const first = await unlocked(dir, { now: clock.now });
    expect(first.service.state().courses[0]?.unfinished).toEqual([]);
    const lecture = await first.begin('lecture');
    await first.command({ type: 'go-to-chapter', chapter: 1 });
    expect(first.service.state().courses[0]?.unfinished).toEqual([]);
    await first.service.dispatch('session.leave', {});
    expect(first.service.state().courses[0]?.unfinished).toEqual([
      { kind: 'lecture', startedAt: lecture.startedAt, chapter: 1 },
    ]);
    // After a restart, from the store.
    const second = await unlocked(dir, { now: clock.now });
    expect(second.service.state().courses[0]?.unfinished).toEqual([
      { kind: 'lecture', startedAt: lecture.startedAt, chapter: 1 },
    ]);
    await second.begin('lecture');
    await second.service.dispatch('session.end', {});
    expect(second.service.state().courses[0]?.unfinished).toEqual([]);
  });

  it('deletes a session from the log, never the running one, and exports the log as CSV', async () => {
    const saved: { name: string; text: string }[] = [];
    const { service, begin, course } = await unlocked(tempDir(), {
      saveFile: async (name, text) => {
        saved.push({ name, text });
        return true;
      },
    });
    const first = await begin('lecture');
    expect(await service.dispatch('sessions.remove', { id: first.id })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    await service.dispatch('session.end', {});
    const exported = value<{ kind: string }>(
      await service.dispatch('sessions.export', { courseId: 'prove', delimiter: ';', summary: true }),
    );
    expect(exported).toEqual({ kind: 'saved' });
    expect(saved[0]?.name).toMatch(/^plenum-oppsummering-prove-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0]?.text.startsWith('\uFEFFsession_id;course_id;')).toBe(true);
    expect(value(await service.dispatch('sessions.remove', { id: first.id }))).toBeNull();
    expect(
      value<ExportedSession[]>(await service.dispatch('sessions.list', { courseId: course.manifest.id })),
    ).toEqual([]);
    expect(await service.dispatch('sessions.remove', { id: first.id })).toEqual({
      ok: false,
      error: { code: 'not-found', what: 'session' },
    });
  });

  it('hands the CSV back to download where there is no save dialog (the loopback host)', async () => {
    const { service, begin } = await unlocked(tempDir());
    await begin('rehearsal');
    const exported = value<{ kind: string; text: string }>(
      await service.dispatch('sessions.export', { courseId: 'prove', delimiter: ',', summary: false }),
    );
    expect(exported.kind).toBe('download');
    expect(exported.text).toContain('class_board');
  });

  it('keeps the class board with the session: saved as typed, projected and hidden, exported, after a crash', async () => {
    const dir = tempDir();
    const first = await unlocked(dir);
    await first.begin('lecture');
    await first.command({ type: 'play' });
    await first.command({ type: 'chapter-ended', chapter: 0, at: 9.96 });
    const typed = value<SessionState>(
      await first.service.dispatch('session.board', {
        chapterId: 'a',
        entries: ['Rune vil bestemme selv', '  ', 'Søvn først'],
      }),
    );
    expect(typed.board).toEqual({ a: ['Rune vil bestemme selv', 'Søvn først'] });
    expect(await first.service.dispatch('session.board', { chapterId: 'zz', entries: ['x'] })).toEqual({
      ok: false,
      error: { code: 'not-found', what: 'chapter' },
    });
    expect((await first.command({ type: 'show-board' })).lecture.board).toBe(true);
    expect((await first.command({ type: 'hide-board' })).lecture.board).toBe(false);
    await first.command({ type: 'show-board' });
    // Moving on takes the board off the room's screen.
    expect((await first.command({ type: 'next' })).lecture.board).toBe(false);
    // Nothing flushed: the board was committed as it was sent.
    const second = await unlocked(dir);
    const continued = await second.begin('lecture');
    expect(continued.board).toEqual({ a: ['Rune vil bestemme selv', 'Søvn først'] });
    const log = value<ExportedSession[]>(
      await second.service.dispatch('sessions.list', { courseId: 'prove' }),
    );
    expect(log[0]?.chapters.find((chapter) => chapter.chapterId === 'a')?.board).toEqual([
      'Rune vil bestemme selv',
      'Søvn først',
    ]);
    const cleared = value<SessionState>(
      await second.service.dispatch('session.board', { chapterId: 'a', entries: [] }),
    );
    expect(cleared.board).toEqual({});
  });
});
