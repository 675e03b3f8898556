import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store, type WalEvent } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir('plenum-wal-');
const IDLE_MS = 1000;
const MAX_DELAY_MS = 10_000;

/** How many notes the database file holds on its own, as if the -wal were lost this instant. */
function notesInMainFile(path: string): number {
  const dir = join(tempDir(), `copy-${Date.now()}-${Math.random()}`);
  mkdirSync(dir);
  const copy = join(dir, 'plenum.sqlite');
  copyFileSync(path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    // Before the first checkpoint even the schema is only in the -wal.
    const hasTable = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notes'").pluck().get();
    return hasTable === 0 ? 0 : (db.prepare('SELECT count(*) FROM notes').pluck().get() as number);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function saveNote(store: Store, i: number): void {
  store.saveNote({ courseId: 'c', chapterId: `ch-${i}`, scope: 'private', text: `note ${i}` });
}

describe('the WAL keeper', () => {
  let events: WalEvent[];
  let store: Store;
  let path: string;

  beforeEach(() => {
    jest.useFakeTimers();
    events = [];
    path = join(tempDir(), 'plenum.sqlite');
    store = openStore(path, {
      wal: { idleMs: IDLE_MS, maxDelayMs: MAX_DELAY_MS, onEvent: (event) => events.push(event) },
    });
  });

  afterEach(() => {
    store.close();
    jest.useRealTimers();
  });

  it('checkpoints once after a burst of notes, when the writes pause', () => {
    for (let i = 0; i < 20; i++) saveNote(store, i);
    expect(notesInMainFile(path)).toBe(0);
    jest.advanceTimersByTime(IDLE_MS - 1);
    expect(events).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(events).toEqual([{ kind: 'checkpointed' }]);
    expect(notesInMainFile(path)).toBe(20);
    // Nothing new to checkpoint: reads schedule nothing.
    store.listNotes('c');
    jest.advanceTimersByTime(MAX_DELAY_MS * 2);
    expect(events).toHaveLength(1);
  });

  it('checkpoints within maxDelayMs however steadily the writes keep coming', () => {
    for (let i = 0; i < 30; i++) {
      saveNote(store, i);
      jest.advanceTimersByTime(IDLE_MS / 2);
    }
    // 15 s of a write every 0.5 s: at least one checkpoint by the 10 s bound, none from idleness.
    expect(events.filter((event) => event.kind === 'checkpointed').length).toBeGreaterThanOrEqual(1);
    expect(notesInMainFile(path)).toBeGreaterThanOrEqual(Math.floor(MAX_DELAY_MS / (IDLE_MS / 2)) - 1);
  });

  it('saves from the open -wal before the write returns, and makes fresh private sidecars', () => {
    for (let i = 0; i < 10; i++) saveNote(store, i);
    const before = statSync(`${path}-wal`).ino;
    rmSync(`${path}-wal`);
    saveNote(store, 10);
    expect(events).toEqual([{ kind: 'wal-vanished', recovered: true }]);
    expect(notesInMainFile(path)).toBe(11);
    saveNote(store, 11);
    const fresh = statSync(`${path}-wal`);
    expect(fresh.ino === before && fresh.size === 0).toBe(false);
    if (process.platform !== 'win32') expect(fresh.mode & 0o777).toBe(0o600);
    expect(store.listNotes('c')).toHaveLength(12);
    // The new -wal is watched like the first one.
    rmSync(`${path}-shm`);
    saveNote(store, 12);
    expect(events).toEqual([
      { kind: 'wal-vanished', recovered: true },
      { kind: 'wal-vanished', recovered: true },
    ]);
    expect(notesInMainFile(path)).toBe(13);
  });

  it('notices a -wal deleted while idle when the checkpoint timer runs', () => {
    for (let i = 0; i < 5; i++) saveNote(store, i);
    rmSync(`${path}-wal`);
    jest.advanceTimersByTime(IDLE_MS);
    expect(events).toEqual([{ kind: 'wal-vanished', recovered: true }]);
    expect(notesInMainFile(path)).toBe(5);
  });

  it('still saves every write at once while another connection blocks fresh sidecars', () => {
    const other = new Database(path);
    try {
      other.prepare('SELECT count(*) FROM notes').get();
      saveNote(store, 0);
      rmSync(`${path}-wal`);
      saveNote(store, 1);
      saveNote(store, 2);
      expect(events).toEqual([
        { kind: 'wal-vanished', recovered: false },
        { kind: 'wal-vanished', recovered: false },
      ]);
      expect(notesInMainFile(path)).toBe(3);
    } finally {
      other.close();
    }
    // Once alone again, the next write recovers for good.
    saveNote(store, 3);
    expect(events.at(-1)).toEqual({ kind: 'wal-vanished', recovered: true });
    expect(notesInMainFile(path)).toBe(4);
  });

  it('retries a checkpoint that a reader of another connection holds back once per idle time, not in a loop', () => {
    const other = new Database(path);
    try {
      saveNote(store, 0);
      // A read transaction kept open pins the snapshot before the next writes, so their frames must stay.
      other.exec('BEGIN');
      other.prepare('SELECT count(*) FROM notes').get();
      saveNote(store, 1);
      const checkpoint = jest.spyOn(Database.prototype, 'pragma');
      jest.advanceTimersByTime(MAX_DELAY_MS * 3);
      const runs = checkpoint.mock.calls.filter(([sql]) => String(sql).startsWith('wal_checkpoint')).length;
      checkpoint.mockRestore();
      // 30 s at one try per second; a retry loop at 0 ms would make thousands.
      expect(runs).toBeGreaterThanOrEqual(20);
      expect(runs).toBeLessThanOrEqual(31);
      expect(events).toEqual([]);
      other.exec('COMMIT');
      jest.advanceTimersByTime(IDLE_MS);
      expect(events).toEqual([{ kind: 'checkpointed' }]);
      expect(notesInMainFile(path)).toBe(2);
    } finally {
      other.close();
    }
  });

  it('stops its timer on close', () => {
    saveNote(store, 0);
    store.close();
    jest.advanceTimersByTime(MAX_DELAY_MS);
    expect(events).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
