import Database from 'better-sqlite3';
import type { Plan } from '../../../../src/common/ipc/api-types';
import type { Store } from '../../../../src/node/store';
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

/** Writes to the store's file behind its back, as a user with an SQLite browser might. */
function handEdit(sql: string): void {
  const db = new Database(store.path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('library (course_files)', () => {
  it('adds, re-adds (keeping the id), touches, lists and removes course files', () => {
    const a = store.upsertCourseFile({ path: '/c/a.plenum', courseId: 'a', title: 'A', isDemo: false });
    const demo = store.upsertCourseFile({
      path: '/c/demo.plenum',
      courseId: 'demo',
      title: 'Demo',
      isDemo: true,
    });
    expect(a).toEqual({
      id: a.id,
      path: '/c/a.plenum',
      courseId: 'a',
      title: 'A',
      lastOpenedAt: null,
      isDemo: false,
    });
    expect(demo.isDemo).toBe(true);

    const again = store.upsertCourseFile({
      path: '/c/a.plenum',
      courseId: 'a',
      title: 'A, 2nd ed.',
      isDemo: false,
    });
    expect(again.id).toBe(a.id);
    expect(again.title).toBe('A, 2nd ed.');

    expect(store.touchCourseFile(demo.id)).toBe(true);
    expect(store.touchCourseFile(9999)).toBe(false);
    const listed = store.listCourseFiles();
    expect(listed.map((record) => record.courseId)).toEqual(['demo', 'a']);
    expect(listed[0]?.lastOpenedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // Re-adding an opened file keeps when it was last opened.
    const reAdded = store.upsertCourseFile({
      path: '/c/demo.plenum',
      courseId: 'demo',
      title: 'Demo',
      isDemo: true,
    });
    expect(reAdded.lastOpenedAt).toBe(listed[0]?.lastOpenedAt);

    // A window names entries by id; main looks the path up.
    expect(store.getCourseFile(a.id)?.path).toBe(a.path);
    expect(store.getCourseFile(a.id + 1000)).toBeNull();
  });

  it('stores no more than path, ids, title, flags and times', () => {
    const columns = new Database(store.path, { readonly: true });
    try {
      expect(columns.prepare("SELECT name FROM pragma_table_info('course_files')").pluck().all()).toEqual([
        'id',
        'path',
        'course_id',
        'title',
        'is_demo',
        'added_at',
        'last_opened_at',
      ]);
    } finally {
      columns.close();
    }
  });
});

describe('plans', () => {
  const draft: Plan = {
    id: null,
    courseId: 'course-1',
    name: 'Tuesday double lesson',
    steps: [
      { kind: 'chapter', chapterId: 'intro', minutes: 5 },
      { kind: 'break', minutes: 10 },
      { kind: 'chapter', chapterId: 'climax', minutes: 12.5 },
    ],
    budgetMinutes: 90,
  };

  it('inserts a plan with id null, updates it by id, lists and removes it', () => {
    const saved = store.savePlan(draft);
    expect(saved).toEqual({ ...draft, id: expect.any(Number) as number });
    const id = saved?.id ?? -1;

    const renamed = store.savePlan({ ...draft, id, name: 'Wednesday', steps: [], budgetMinutes: null });
    expect(renamed).toEqual({ ...draft, id, name: 'Wednesday', steps: [], budgetMinutes: null });

    const second = store.savePlan({ ...draft, name: 'Second' });
    store.savePlan({ ...draft, courseId: 'other-course' });
    expect(store.listPlans('course-1').map((plan) => plan.name)).toEqual(['Wednesday', 'Second']);

    expect(store.removePlan(id)).toBe(true);
    expect(store.removePlan(id)).toBe(false);
    expect(store.listPlans('course-1').map((plan) => plan.id)).toEqual([second?.id]);
  });

  it('returns null for an unknown id, or an id of another course, and changes nothing', () => {
    expect(store.savePlan({ ...draft, id: 4242 })).toBeNull();
    const saved = store.savePlan(draft);
    expect(store.savePlan({ ...draft, id: saved?.id ?? -1, courseId: 'other', name: 'Hijack' })).toBeNull();
    expect(store.listPlans('course-1').map((plan) => plan.name)).toEqual([draft.name]);
    expect(store.listPlans('other')).toEqual([]);
  });

  it('refuses to write a plan it could not read back', () => {
    expect(() => store.savePlan({ ...draft, name: '' })).toThrow();
    expect(store.listPlans('course-1')).toEqual([]);
  });

  it('keeps who leads a chapter, and still reads a plan saved before leads existed', () => {
    const led = store.savePlan({
      ...draft,
      steps: [
        { kind: 'chapter', chapterId: 'intro', minutes: 5, lead: 'user-representative' },
        { kind: 'break', minutes: 10 },
        { kind: 'chapter', chapterId: 'climax', minutes: 12, lead: 'lecturer' },
      ],
    });
    handEdit(`
      INSERT INTO plans (course_id, name, steps, budget_minutes, created_at, updated_at)
      VALUES ('course-1', 'old', '[{"kind":"chapter","chapterId":"intro","minutes":5}]', NULL, 'x', 'x'),
             ('course-1', 'unknown lead', '[{"kind":"chapter","chapterId":"intro","minutes":5,"lead":"janitor"}]', NULL, 'x', 'x');
    `);
    const plans = store.listPlans('course-1');
    expect(plans.map((plan) => plan.name)).toEqual([draft.name, 'old']);
    expect(plans[0]).toEqual(led);
    expect(plans[0]?.steps.map((step) => (step.kind === 'chapter' ? step.lead : null))).toEqual([
      'user-representative',
      null,
      'lecturer',
    ]);
    expect(plans[1]?.steps).toEqual([{ kind: 'chapter', chapterId: 'intro', minutes: 5 }]);
    expect(() =>
      store.savePlan({
        ...draft,
        // @ts-expect-error: a lead the plan cannot name is refused, not stored
        steps: [{ kind: 'chapter', chapterId: 'intro', minutes: 5, lead: 'janitor' }],
      }),
    ).toThrow();
  });

  it('skips hand-edited plans whose steps are not valid, instead of failing', () => {
    store.savePlan(draft);
    handEdit(`
      INSERT INTO plans (course_id, name, steps, budget_minutes, created_at, updated_at)
      VALUES ('course-1', 'bad steps', '[{"kind":"dance","minutes":3}]', NULL, 'x', 'x'),
             ('course-1', 'not a list', '{"a":1}', NULL, 'x', 'x'),
             ('course-1', '', '[]', NULL, 'x', 'x');
    `);
    expect(store.listPlans('course-1').map((plan) => plan.name)).toEqual([draft.name]);
  });
});
