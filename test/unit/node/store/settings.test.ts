import Database from 'better-sqlite3';
import { DEFAULT_SETTINGS } from '../../../../src/common/ipc/api-types';
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

describe('settings', () => {
  it('starts at the defaults', () => {
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('updates some keys, keeps the others, and reads them back after reopening', () => {
    const updated = store.updateSettings({ language: 'nn', planByCourse: { 'course-1': 4 } });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, language: 'nn', planByCourse: { 'course-1': 4 } });
    store.updateSettings({
      subtitles: 'en',
      promptMode: 'all',
      myRole: 'user-representative',
      notesFontSize: 24,
    });
    const path = store.path;
    store.close();
    store = freshStore(tempDir(), path.split(/[\\/]/).pop());
    expect(store.getSettings()).toEqual({
      language: 'nn',
      subtitles: 'en',
      promptMode: 'all',
      planByCourse: { 'course-1': 4 },
      idleLockMinutes: 60,
      evaluationUrl: null,
      closingMessage: null,
      myRole: 'user-representative',
      notesFontSize: 24,
    });
    expect(store.updateSettings({ subtitles: null }).subtitles).toBeNull();
  });

  it('does not share the default objects between calls', () => {
    const settings = store.getSettings();
    settings.planByCourse.x = 1;
    expect(store.getSettings().planByCourse).toEqual({});
    expect(DEFAULT_SETTINGS.planByCourse).toEqual({});
  });

  it('ignores unknown keys and invalid stored values, falling back per key', () => {
    store.updateSettings({ promptMode: 'all' });
    const db = new Database(store.path);
    try {
      const put = db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
      put.run('language', JSON.stringify('klingon'));
      put.run('planByCourse', JSON.stringify({ a: -3.5 }));
      put.run('subtitles', JSON.stringify(7));
      put.run('myRole', JSON.stringify('janitor'));
      // A notes size beyond the steps (a hand-edited store) falls back to the default.
      put.run('notesFontSize', JSON.stringify(900));
      put.run('fromTheFuture', JSON.stringify({ x: 1 }));
      put.run('__proto__', JSON.stringify({ polluted: true }));
    } finally {
      db.close();
    }
    const settings = store.getSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, promptMode: 'all' });
    expect(Object.keys(settings).sort()).toEqual([
      'closingMessage',
      'evaluationUrl',
      'idleLockMinutes',
      'language',
      'myRole',
      'notesFontSize',
      'planByCourse',
      'promptMode',
      'subtitles',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses to store an invalid value, and drops unknown keys', () => {
    expect(() => store.updateSettings({ language: 'xx' as 'en' })).toThrow();
    expect(() => store.updateSettings({ notesFontSize: 900 })).toThrow();
    expect(() => store.updateSettings({ notesFontSize: 15.5 })).toThrow();
    const withExtra = { language: 'en', extra: true } as unknown as Parameters<Store['updateSettings']>[0];
    expect(store.updateSettings(withExtra)).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    const db = new Database(store.path, { readonly: true });
    try {
      expect(db.prepare('SELECT key FROM settings').pluck().all()).toEqual(['language']);
    } finally {
      db.close();
    }
  });
});
