import Database from 'better-sqlite3';
import type { SessionSnapshot, SessionStart, SessionTiming, Store } from '../../../../src/node/store';
import { initialLectureState } from '../../../../src/common/lecture/lecture-state';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore } from './store-fixture';

const tempDir = useTempDir('plenum-store-');
let store: Store;

beforeEach(() => {
  store = freshStore(tempDir());
});
afterEach(() => {
  store.close();
});

const SNAPSHOT: SessionSnapshot = {
  view: 'presenter',
  lecture: initialLectureState(),
  position: 0,
  clockMs: 0,
  clockRunning: true,
  savedAt: 0,
};

const CHAPTERS = [
  { id: 'intro', title: 'Åpningssekvens', minutes: 5 },
  { id: 'middle', title: 'Søvn', minutes: 20 },
  { id: 'end', title: 'Oppsummering', minutes: null },
];

function withSnapshot(start: Omit<SessionStart, 'snapshot' | 'courseTitle' | 'chapters'>): SessionStart {
  return { ...start, snapshot: SNAPSHOT, courseTitle: 'Hva er viktig for MEG', chapters: CHAPTERS };
}

/** Saves one chapter's times with the session (as the runner does with all of them at every save). */
function record(id: number, timing: SessionTiming): boolean {
  return store.saveSession(id, SNAPSHOT, [timing]);
}

describe('sessions', () => {
  it('starts a session, records chapters in order (replacing a revisit), ends it and lists it', () => {
    const plan = store.savePlan({ id: null, courseId: 'c', name: 'P', steps: [], budgetMinutes: null });
    const session = store.startSession(
      withSnapshot({ courseId: 'c', planId: plan?.id ?? null, kind: 'lecture' }),
    );
    expect(session).toEqual({
      id: expect.any(Number) as number,
      courseId: 'c',
      planId: plan?.id,
      kind: 'lecture',
      startedAt: '2025-03-01T08:00:01.000Z',
      endedAt: null,
      timings: [],
    });
    const id = session?.id ?? -1;
    expect(record(id, { chapterId: 'intro', filmSeconds: 120, discussionSeconds: 30 })).toBe(true);
    expect(record(id, { chapterId: 'middle', filmSeconds: 300.5, discussionSeconds: 0 })).toBe(true);
    expect(record(id, { chapterId: 'intro', filmSeconds: 150, discussionSeconds: 90 })).toBe(true);
    expect(record(id, { chapterId: 'end', filmSeconds: 60, discussionSeconds: 600 })).toBe(true);

    const ended = store.endSession(id);
    // Each save reads the clock too (updated_at): the end comes after the four saves.
    expect(ended?.endedAt).toBe('2025-03-01T08:00:06.000Z');
    expect(store.endSession(id)?.endedAt).toBe('2025-03-01T08:00:06.000Z');
    expect(ended?.timings).toEqual([
      { chapterId: 'intro', filmSeconds: 150, discussionSeconds: 90 },
      { chapterId: 'middle', filmSeconds: 300.5, discussionSeconds: 0 },
      { chapterId: 'end', filmSeconds: 60, discussionSeconds: 600 },
    ]);
    expect(store.exportSessions('c').map((session) => [session.id, session.endedAt])).toEqual([
      [id, ended?.endedAt],
    ]);
  });

  it('lists a course’s sessions newest first, each with its own timings', () => {
    const first = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'rehearsal' }));
    const other = store.startSession(withSnapshot({ courseId: 'other', planId: null, kind: 'lecture' }));
    const second = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    record(first?.id ?? -1, { chapterId: 'a', filmSeconds: 1, discussionSeconds: 2 });
    record(second?.id ?? -1, { chapterId: 'b', filmSeconds: 3, discussionSeconds: 4 });
    record(other?.id ?? -1, { chapterId: 'z', filmSeconds: 5, discussionSeconds: 6 });
    const listed = store.exportSessions('c');
    expect(
      listed.map((session) => [session.id, session.kind, session.chapters.map((c) => c.chapterId)]),
    ).toEqual([
      [first?.id, 'rehearsal', ['a']],
      [second?.id, 'lecture', ['b']],
    ]);
  });

  it('answers null or false for unknown plans and sessions', () => {
    expect(store.startSession(withSnapshot({ courseId: 'c', planId: 77, kind: 'lecture' }))).toBeNull();
    const plan = store.savePlan({ id: null, courseId: 'other', name: 'P', steps: [], budgetMinutes: null });
    expect(
      store.startSession(withSnapshot({ courseId: 'c', planId: plan?.id ?? -1, kind: 'lecture' })),
    ).toBeNull();
    expect(record(88, { chapterId: 'a', filmSeconds: 1, discussionSeconds: 1 })).toBe(false);
    expect(store.endSession(88)).toBeNull();
    expect(store.exportSessions('c')).toEqual([]);
  });

  it('keeps sessions when their plan is deleted, with planId null', () => {
    const plan = store.savePlan({ id: null, courseId: 'c', name: 'P', steps: [], budgetMinutes: 45 });
    const session = store.startSession(
      withSnapshot({ courseId: 'c', planId: plan?.id ?? null, kind: 'lecture' }),
    );
    record(session?.id ?? -1, { chapterId: 'a', filmSeconds: 1, discussionSeconds: 1 });
    expect(store.removePlan(plan?.id ?? -1)).toBe(true);
    const kept = store.findUnfinishedSession('c', 'lecture')?.record;
    expect(kept).toEqual({ ...session, planId: null, timings: [expect.anything()] });
  });

  it('deletes a session’s timings with it (ON DELETE CASCADE)', () => {
    const session = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    record(session?.id ?? -1, { chapterId: 'a', filmSeconds: 1, discussionSeconds: 1 });
    const db = new Database(store.path);
    try {
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM sessions WHERE id = ?').run(session?.id);
      expect(db.prepare('SELECT count(*) FROM session_timings').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('skips hand-edited bad timings (only them) and bad sessions', () => {
    const good = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    record(good?.id ?? -1, { chapterId: 'a', filmSeconds: 1, discussionSeconds: 1 });
    const db = new Database(store.path);
    try {
      // A careless hand edit with CHECKs off: a negative time and a kind the app does not know.
      db.pragma('ignore_check_constraints = ON');
      db.prepare(
        "INSERT INTO session_timings (session_id, chapter_id, film_seconds, discussion_seconds, ordinal) VALUES (?, 'neg', -5, 1, 9)",
      ).run(good?.id);
      db.exec("INSERT INTO sessions (course_id, kind, started_at) VALUES ('c', 'party', '2030-01-01')");
      expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(2);
    } finally {
      db.close();
    }
    const listed = store.exportSessions('c');
    expect(listed.map((session) => session.id)).toEqual([good?.id]);
    expect(listed[0]?.chapters.map((chapter) => chapter.chapterId)).toEqual(['a']);
  });

  it('refuses to record negative times', () => {
    const session = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    expect(() =>
      record(session?.id ?? -1, { chapterId: 'a', filmSeconds: -1, discussionSeconds: 0 }),
    ).toThrow();
  });

  it('saves a running session’s state and finds the newest unfinished one of a kind to continue', () => {
    const lecture = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    const rehearsal = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'rehearsal' }));
    const id = lecture?.id ?? -1;
    const discussing: SessionSnapshot = {
      view: 'film',
      lecture: {
        ...initialLectureState('all'),
        phase: { kind: 'discussing', chapter: 2, promptIndex: 1, since: 5000 },
        revision: 7,
      },
      position: 812.5,
      clockMs: 64_000,
      clockRunning: false,
      savedAt: 1_000,
    };
    expect(
      store.saveSession(id, discussing, [{ chapterId: 'a', filmSeconds: 10, discussionSeconds: 3 }]),
    ).toBe(true);
    const found = store.findUnfinishedSession('c', 'lecture');
    expect(found?.record.id).toBe(id);
    expect(found?.snapshot).toEqual(discussing);
    expect(found?.record.timings).toEqual([{ chapterId: 'a', filmSeconds: 10, discussionSeconds: 3 }]);
    expect(store.findUnfinishedSession('c', 'rehearsal')?.record.id).toBe(rehearsal?.id);
    // An ended session is never continued, and its saved state is no longer written.
    store.endSession(id);
    expect(store.findUnfinishedSession('c', 'lecture')).toBeNull();
    expect(store.findUnfinishedSession('other', 'rehearsal')).toBeNull();
  });

  it('continues a state saved before covers, links and the notice choice (blank was a flag)', () => {
    const session = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    const old = {
      phase: { kind: 'paused', chapter: 1 },
      blank: true,
      board: false,
      plan: null,
      promptMode: 'one',
      revision: 4,
    };
    const db = new Database(store.path);
    try {
      db.prepare('UPDATE sessions SET state = ? WHERE id = ?').run(JSON.stringify(old), session?.id);
    } finally {
      db.close();
    }
    expect(store.findUnfinishedSession('c', 'lecture')?.snapshot.lecture).toEqual({
      ...old,
      blank: { screen: 'black', resume: false },
      link: null,
      notice: false,
      replay: null,
    });
  });

  it('does not continue a session whose saved state was edited into something it cannot read', () => {
    const session = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    const db = new Database(store.path);
    try {
      db.prepare(`UPDATE sessions SET state = '{"phase":{"kind":"dancing"}}' WHERE id = ?`).run(session?.id);
    } finally {
      db.close();
    }
    expect(store.findUnfinishedSession('c', 'lecture')).toBeNull();
    expect(store.exportSessions('c').map((listed) => listed.id)).toEqual([session?.id]);
  });

  it('exports sessions with their course, plan and chapters, planned against actual', () => {
    const first = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'lecture' }));
    const plan = {
      id: null,
      name: 'Torsdag',
      steps: [{ kind: 'chapter' as const, chapterId: 'middle', minutes: 12.5 }],
      budgetMinutes: null,
    };
    const second = store.startSession(withSnapshot({ courseId: 'c', planId: null, kind: 'rehearsal' }));
    store.saveSession(first?.id ?? -1, SNAPSHOT, [
      { chapterId: 'intro', filmSeconds: 60.4, discussionSeconds: 290 },
      { chapterId: 'middle', filmSeconds: 90, discussionSeconds: 1500.6 },
    ]);
    store.saveSession(second?.id ?? -1, { ...SNAPSHOT, lecture: { ...SNAPSHOT.lecture, plan } }, [
      { chapterId: 'middle', filmSeconds: 80, discussionSeconds: 700 },
      { chapterId: 'end', filmSeconds: 10, discussionSeconds: 5 },
    ]);
    store.endSession(first?.id ?? -1);
    store.startSession(withSnapshot({ courseId: 'other', planId: null, kind: 'lecture' }));
    const exported = store.exportSessions('c');
    expect(exported.map((session) => [session.id, session.kind, session.planName])).toEqual([
      [first?.id, 'lecture', null],
      [second?.id, 'rehearsal', 'Torsdag'],
    ]);
    expect(exported[0]).toMatchObject({ courseTitle: 'Hva er viktig for MEG', endedAt: expect.any(String) });
    // Without a plan the course's suggested minutes are the plan; with one, the plan's minutes (or none).
    expect(exported[0]?.chapters).toEqual([
      {
        chapterId: 'intro',
        title: 'Åpningssekvens',
        plannedSeconds: 300,
        discussionSeconds: 290,
        filmSeconds: 60.4,
        board: [],
      },
      {
        chapterId: 'middle',
        title: 'Søvn',
        plannedSeconds: 1200,
        discussionSeconds: 1500.6,
        filmSeconds: 90,
        board: [],
      },
    ]);
    expect(exported[1]?.chapters.map((chapter) => chapter.plannedSeconds)).toEqual([750, null]);
    expect(store.exportSessions(null)).toHaveLength(3);
  });
});
