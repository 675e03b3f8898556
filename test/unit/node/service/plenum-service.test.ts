import { join } from 'node:path';
import {
  createPlenumService,
  type PlenumService,
  type ServiceDeps,
} from '../../../../src/node/service/plenum-service';
import type { StageState } from '../../../../src/common/ipc/contract';
import type { SessionRecord } from '../../../../src/common/ipc/api-types';
import type { LectureState } from '../../../../src/common/lecture/lecture-state';
import { openStore } from '../../../../src/node/store';
import { CHEAP_SCRYPT, writeFixture } from '../../../support/course-file-fixture';
import { useTempDir } from '../../../support/temp-dir';
import { CourseFileWriter } from '../../../../src/node/course-file';
import type { ApiResult } from '../../../../src/common/ipc/api-error';

const tempDir = useTempDir();

const MANIFEST = {
  manifestVersion: 1,
  id: 'prove',
  title: 'Prøve',
  language: 'nb',
  people: [],
  subtitles: [],
  film: { entry: 'media/index.m3u8', duration: 10 },
  chapters: [
    {
      id: 'a',
      title: 'A',
      start: 0,
      end: 4,
      pause: true,
      statements: [],
      prompts: ['Hva nå?'],
      tips: [],
      solutions: [],
      links: [],
    },
    {
      id: 'b',
      title: 'B',
      start: 4,
      end: 10,
      pause: true,
      statements: [],
      prompts: [],
      tips: [],
      solutions: [],
      links: [],
    },
  ],
};

async function courseFile(dir: string, manifest: unknown = MANIFEST): Promise<string> {
  const path = join(dir, 'kurs.plenum');
  const writer = await CourseFileWriter.create(path, {
    course: { id: 'prove', title: 'Prøve', language: 'nb' },
    passwords: ['riktig'],
    scrypt: CHEAP_SCRYPT,
  });
  await writer.addEntry('manifest.json', Buffer.from(JSON.stringify(manifest)));
  await writer.addEntry('media/index.m3u8', Buffer.from('#EXTM3U\n'));
  await writer.finish();
  return path;
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('the Plenum service', () => {
  let service: PlenumService;
  afterEach(async () => service?.close());

  function start(
    dir: string,
    demo: { path: string; password: string } | null = null,
    extra: Partial<ServiceDeps> = {},
  ) {
    service = createPlenumService({
      store: openStore(join(dir, 'plenum.sqlite')),
      version: '0.1.0',
      demo,
      mediaBase: (handle) => `/media/${handle}/`,
      ...extra,
    });
    return service;
  }

  async function unlocked(dir: string, extra: Partial<ServiceDeps> = {}) {
    const path = await courseFile(dir);
    const started = start(dir, null, extra);
    const { handle } = value<{ handle: string }>(
      await started.dispatch('course.unlock', { path, password: 'riktig' }),
    );
    const seen: { name: string; payload: unknown }[] = [];
    started.events.on((name, payload) => seen.push({ name, payload }));
    const command = async (sent: unknown) =>
      value<LectureState>(await started.dispatch('lecture.command', { handle, command: sent }));
    return { ...started, handle, seen, command };
  }

  it('lists the demo from the start under the title in its header', async () => {
    const dir = tempDir();
    const demo = await courseFile(dir);
    const { dispatch } = start(dir, { path: demo, password: 'riktig' });
    const list = value<{ title: string; isDemo: boolean; path: string }[]>(
      await dispatch('library.list', {}),
    );
    expect(list).toEqual([expect.objectContaining({ title: 'Prøve', isDemo: true, path: demo })]);
    expect(value<{ demo: unknown; canPickFiles: boolean }>(await dispatch('app.info', {}))).toMatchObject({
      demo: { path: demo, password: 'riktig' },
      canPickFiles: false,
    });
  });

  it('unlocks a course into an opaque handle, and the window never sees the key', async () => {
    const dir = tempDir();
    const path = await courseFile(dir);
    const { dispatch, resolveCourse } = start(dir);
    const unlocked = value<{ handle: string; mediaBase: string; manifest: { id: string } }>(
      await dispatch('course.unlock', { path, password: 'riktig' }),
    );
    expect(unlocked.handle).toMatch(/^[a-f0-9]{32}$/);
    expect(unlocked.mediaBase).toBe(`/media/${unlocked.handle}/`);
    expect(unlocked.manifest.id).toBe('prove');
    expect(JSON.stringify(unlocked)).not.toMatch(/key|slot|wrapped/i);
    expect(resolveCourse(unlocked.handle)?.has('media/index.m3u8')).toBe(true);
    expect(value(await dispatch('course.lock', { handle: unlocked.handle }))).toBeNull();
    expect(resolveCourse(unlocked.handle)).toBeUndefined();
    expect(await dispatch('course.manifest', { handle: unlocked.handle })).toEqual({
      ok: false,
      error: { code: 'course-locked' },
    });
  });

  it('answers a wrong password, a missing file and bad arguments with typed errors', async () => {
    const dir = tempDir();
    const path = await courseFile(dir);
    const { dispatch } = start(dir);
    expect(await dispatch('course.unlock', { path, password: 'feil' })).toEqual({
      ok: false,
      error: { code: 'course-file', problem: { kind: 'wrong-password' } },
    });
    expect(await dispatch('library.add', { path: join(dir, 'borte.plenum') })).toEqual({
      ok: false,
      error: { code: 'course-file', problem: { kind: 'not-found', path: join(dir, 'borte.plenum') } },
    });
    expect(await dispatch('course.unlock', { path, password: 'riktig', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', channel: 'course.unlock' },
    });
    expect(await dispatch('nope.nothing', {})).toEqual({
      ok: false,
      error: { code: 'unknown-channel', channel: 'nope.nothing' },
    });
    expect(await dispatch('shell.openLink', { url: 'http://example.org' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('refuses a manifest from a newer version, and closes the file', async () => {
    const dir = tempDir();
    const path = await courseFile(dir, { ...MANIFEST, manifestVersion: 2, newField: true, chapters: 'x' });
    const { dispatch } = start(dir);
    expect(await dispatch('course.unlock', { path, password: 'riktig' })).toEqual({
      ok: false,
      error: { code: 'course-file', problem: { kind: 'newer-version', version: 2 } },
    });
  });

  it('runs the lecture in main and broadcasts every change', async () => {
    const dir = tempDir();
    const path = await courseFile(dir);
    const { dispatch, events } = start(dir);
    const seen: string[] = [];
    events.on((name, payload) => {
      if (name === 'lecture.state')
        seen.push((payload as { state: { phase: { kind: string } } }).state.phase.kind);
    });
    const { handle } = value<{ handle: string }>(
      await dispatch('course.unlock', { path, password: 'riktig' }),
    );
    await dispatch('lecture.command', { handle, command: { type: 'play' } });
    const state = value<{ phase: { kind: string; chapter: number } }>(
      await dispatch('lecture.command', { handle, command: { type: 'chapter-ended', chapter: 0, at: 4 } }),
    );
    expect(state.phase).toMatchObject({ kind: 'discussing', chapter: 0 });
    await dispatch('lecture.command', { handle, command: { type: 'next' } });
    expect(seen).toEqual(['playing', 'discussing', 'playing']);
  });

  it('keeps notes, plans, sessions and settings in the store', async () => {
    const dir = tempDir();
    const { dispatch } = start(dir);
    const note = value<{ text: string }>(
      await dispatch('notes.save', {
        courseId: 'prove',
        chapterId: 'a',
        scope: 'private',
        text: 'Fortell om naboen.',
      }),
    );
    expect(note.text).toBe('Fortell om naboen.');
    expect(value<unknown[]>(await dispatch('notes.list', { courseId: 'prove' }))).toHaveLength(1);
    const plan = value<{ id: number }>(
      await dispatch('plans.save', {
        id: null,
        courseId: 'prove',
        name: 'To timer',
        steps: [{ kind: 'chapter', chapterId: 'a', minutes: 10 }],
        budgetMinutes: 120,
      }),
    );
    expect(await dispatch('plans.remove', { id: plan.id + 99 })).toEqual({
      ok: false,
      error: { code: 'not-found', what: 'plan' },
    });
    const session = value<{ id: number }>(
      await dispatch('sessions.start', { courseId: 'prove', planId: plan.id, kind: 'rehearsal' }),
    );
    expect(
      value(
        await dispatch('sessions.recordChapter', {
          sessionId: session.id,
          chapterId: 'a',
          filmSeconds: 4,
          discussionSeconds: 300,
        }),
      ),
    ).toBeNull();
    expect(
      value<{ timings: unknown[] }>(await dispatch('sessions.end', { sessionId: session.id })).timings,
    ).toHaveLength(1);
    expect(
      value<{ promptMode: string }>(await dispatch('settings.update', { promptMode: 'all' })).promptMode,
    ).toBe('all');
  });

  it('reads the public header of an added course without a password', async () => {
    const dir = tempDir();
    const path = await writeFixture(dir, [['manifest.json', Buffer.from('{}')]]);
    const { dispatch } = start(dir);
    expect(value(await dispatch('library.add', { path }))).toMatchObject({
      title: 'Prøvekurs',
      courseId: 'test-course',
    });
  });

  it('puts one course on stage and tells every window when an audience window comes and goes', async () => {
    const { dispatch, handle, seen, setAudience } = await unlocked(tempDir());
    expect(value<StageState>(await dispatch('stage.state', {}))).toEqual({
      course: null,
      audience: { kind: 'absent' },
      revision: 0,
    });
    const stage = value<StageState>(await dispatch('stage.present', { handle }));
    expect(stage.course).toMatchObject({ handle, mediaBase: `/media/${handle}/` });
    expect(stage.course?.manifest.chapters).toHaveLength(2);
    setAudience({ kind: 'present', placement: 'page' });
    setAudience({ kind: 'present', placement: 'page' });
    const stages = seen
      .filter(({ name }) => name === 'stage.state')
      .map(({ payload }) => payload as StageState);
    // Every change has a higher revision, so a window can drop a late, older snapshot.
    expect(stages.map((state) => state.revision)).toEqual([1, 2]);
    // The same presence twice is one event.
    expect(stages.map((state) => state.audience.kind)).toEqual(['absent', 'present']);
    expect(await dispatch('stage.present', { handle: 'f'.repeat(32) })).toEqual({
      ok: false,
      error: { code: 'course-locked' },
    });
    // Locking the course on stage clears the stage.
    await dispatch('course.lock', { handle });
    expect(value<StageState>(await dispatch('stage.state', {})).course).toBeNull();
    expect(seen.at(-1)).toMatchObject({ name: 'stage.state', payload: { course: null } });
  });

  it('opens the native audience window only where there is one', async () => {
    const shown: boolean[] = [];
    const native = await unlocked(tempDir(), {
      audienceWindow: { show: () => shown.push(true), hide: () => shown.push(false) },
    });
    expect(value<{ audienceWindow: string }>(await native.dispatch('app.info', {})).audienceWindow).toBe(
      'native',
    );
    await native.dispatch('stage.audience', { show: true });
    await native.dispatch('stage.audience', { show: false });
    expect(shown).toEqual([true, false]);
    await native.close();
    const page = await unlocked(tempDir());
    expect(value<{ audienceWindow: string }>(await page.dispatch('app.info', {})).audienceWindow).toBe(
      'page',
    );
    expect(await page.dispatch('stage.audience', { show: true })).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('keeps the playhead without a new revision, and hands it to every window as an event', async () => {
    const { dispatch, handle, seen, command } = await unlocked(tempDir());
    const playing = await command({ type: 'play' });
    expect(value(await dispatch('lecture.position', { handle, seconds: 2.5 }))).toBeNull();
    const state = value<LectureState>(await dispatch('lecture.state', { handle }));
    expect(state).toMatchObject({ position: 2.5, revision: playing.revision });
    expect(seen.at(-1)).toEqual({ name: 'lecture.position', payload: { handle, seconds: 2.5 } });
  });

  it('follows the plan it is given: the chapters left out are skipped', async () => {
    const { command } = await unlocked(tempDir());
    await command({
      type: 'set-plan',
      plan: {
        id: null,
        name: 'Bare B',
        budgetMinutes: null,
        steps: [{ kind: 'chapter', chapterId: 'b', minutes: 5 }],
      },
    });
    expect((await command({ type: 'play' })).phase).toEqual({ kind: 'playing', chapter: 1 });
  });

  it('opens a course again following the stored plan last chosen for it', async () => {
    const dir = tempDir();
    const { dispatch, handle, command } = await unlocked(dir);
    const plan = value<{ id: number; name: string; steps: unknown[]; budgetMinutes: number }>(
      await dispatch('plans.save', {
        id: null,
        courseId: 'prove',
        name: 'Bare B',
        steps: [{ kind: 'chapter', chapterId: 'b', minutes: 5 }],
        budgetMinutes: 30,
      }),
    );
    await command({ type: 'set-plan', plan: { ...plan } });
    await dispatch('course.lock', { handle });
    const path = join(dir, 'kurs.plenum');
    const again = value<{ lecture: LectureState }>(
      await dispatch('course.unlock', { path, password: 'riktig' }),
    );
    const { courseId: _courseId, ...followed } = plan as typeof plan & { courseId: string };
    expect(again.lecture.plan).toEqual(followed);
    // Choosing the default (no plan) is remembered too; a deleted plan is simply not followed.
    await dispatch('plans.remove', { id: plan.id });
    const third = value<{ lecture: LectureState }>(
      await dispatch('course.unlock', { path, password: 'riktig' }),
    );
    expect(third.lecture.plan).toBeNull();
  });

  it('remembers the prompt mode as a setting and tells every window', async () => {
    const { dispatch, seen, command } = await unlocked(tempDir());
    expect((await command({ type: 'set-prompt-mode', mode: 'all' })).promptMode).toBe('all');
    expect(value<{ promptMode: string }>(await dispatch('settings.get', {})).promptMode).toBe('all');
    expect(seen.some(({ name }) => name === 'settings.changed')).toBe(true);
  });

  it('times a session per chapter as it goes, saving each change, and ends it on lock', async () => {
    let clock = 1_000_000;
    const dir = tempDir();
    const { dispatch, handle, command } = await unlocked(dir, { now: () => clock });
    const started = value<LectureState>(await dispatch('lecture.session', { handle, kind: 'rehearsal' }));
    expect(started.session).toMatchObject({ kind: 'rehearsal', startedAt: clock });
    await command({ type: 'play' });
    clock += 4_000; // four seconds of film
    await command({ type: 'chapter-ended', chapter: 0, at: 4 });
    clock += 90_000; // a minute and a half of talk
    await command({ type: 'next' });
    const [live] = await sessionsOf(dispatch);
    // Saved as it happened, before the session ends: a crash now would lose none of it.
    expect(live?.timings).toEqual([{ chapterId: 'a', filmSeconds: 4, discussionSeconds: 90 }]);
    expect(live?.endedAt).toBeNull();
    clock += 6_000;
    await dispatch('course.lock', { handle });
    const [ended] = await sessionsOf(dispatch);
    expect(ended?.timings).toEqual([
      { chapterId: 'a', filmSeconds: 4, discussionSeconds: 90 },
      { chapterId: 'b', filmSeconds: 6, discussionSeconds: 0 },
    ]);
    expect(ended?.kind).toBe('rehearsal');
    expect(ended?.endedAt).not.toBeNull();
  });

  it('starting a new session leaves the times of the one before as they were', async () => {
    let clock = 1_000_000;
    const { dispatch, handle, command } = await unlocked(tempDir(), { now: () => clock });
    const first = value<LectureState>(await dispatch('lecture.session', { handle, kind: 'lecture' }));
    await command({ type: 'play' });
    clock += 3_000;
    await command({ type: 'pause' });
    clock += 60_000;
    await dispatch('lecture.session', { handle, kind: 'rehearsal' });
    clock += 5_000;
    await command({ type: 'play' });
    const sessions = await sessionsOf(dispatch);
    const lecture = sessions.find((session) => session.id === first.session?.id);
    expect(lecture?.timings).toEqual([{ chapterId: 'a', filmSeconds: 3, discussionSeconds: 60 }]);
    expect(lecture?.endedAt).not.toBeNull();
    const rehearsal = sessions.find((session) => session.kind === 'rehearsal');
    expect(rehearsal?.timings).toEqual([{ chapterId: 'a', filmSeconds: 0, discussionSeconds: 5 }]);
  });

  it('saves the time of a long phase while it lasts, not only when it ends', async () => {
    let clock = 1_000_000;
    const { dispatch, handle, command } = await unlocked(tempDir(), { now: () => clock, timingFlushMs: 20 });
    await dispatch('lecture.session', { handle, kind: 'lecture' });
    await command({ type: 'play' });
    await command({ type: 'chapter-ended', chapter: 0, at: 4 });
    clock += 2_400_000; // forty minutes of discussion, and the phase has not changed
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [session] = await sessionsOf(dispatch);
    expect(session?.timings[0]?.discussionSeconds).toBe(2400);
  });

  it('locks a course even when its session cannot be ended in the store', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'plenum.sqlite'));
    jest.spyOn(store, 'endSession').mockImplementation(() => {
      throw new Error('disk full');
    });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { dispatch, handle } = await unlocked(dir, { store });
    await dispatch('lecture.session', { handle, kind: 'lecture' });
    expect(value(await dispatch('course.lock', { handle }))).toBeNull();
    expect(await dispatch('lecture.state', { handle })).toEqual({
      ok: false,
      error: { code: 'course-locked' },
    });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });
});

async function sessionsOf(dispatch: PlenumService['dispatch']): Promise<SessionRecord[]> {
  return value<SessionRecord[]>(await dispatch('sessions.list', { courseId: 'prove' }));
}
