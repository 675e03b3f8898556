import { statSync } from 'node:fs';
import type { Database, Statement } from 'better-sqlite3';
import { storeProblemOf } from './store-error';

/** What the WAL keeper did, for a log line (the store works the same whether anyone listens). */
export type WalEvent =
  /** Everything committed so far is in the database file itself (fsynced), not only in the -wal. */
  | { kind: 'checkpointed' }
  /**
   * The -wal or -shm file was deleted or replaced while the store was open. Its content was copied into the
   * database file at once; `recovered` says whether fresh sidecars could be made (false while another
   * connection holds the database: then every later write is checkpointed at once until they can).
   */
  | { kind: 'wal-vanished'; recovered: boolean }
  /** A checkpoint on the timer failed (e.g. an I/O error); it is tried again later. Nothing was lost by it. */
  | { kind: 'checkpoint-failed'; cause: unknown };

/** When the keeper checkpoints; the defaults suit note autosaves. */
export interface WalKeeperOptions {
  /** A checkpoint runs once no write has come for this long. */
  readonly idleMs?: number;
  /** ...or at the latest this long after the first write not yet checkpointed, however busy the writes. */
  readonly maxDelayMs?: number;
  readonly onEvent?: (event: WalEvent) => void;
}

/** Idle time before a checkpoint: long enough to batch a burst of autosaves, short next to a lecture. */
export const DEFAULT_CHECKPOINT_IDLE_MS = 1000;

/** Upper bound on the time a commit stays only in the -wal while writes keep coming. */
export const DEFAULT_CHECKPOINT_MAX_DELAY_MS = 10_000;

interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/**
 * Keeps committed data out of harm's way when the -wal file is lost. In WAL mode a commit lives only in the
 * -wal until a checkpoint copies it into the database file; SQLite checkpoints by itself only every 1000
 * pages (hundreds of notes). If something deletes the -wal while the store is open (a cleaning tool, a user
 * tidying the folder), SQLite goes on writing into the unlinked file, and a crash then loses every commit since
 * the last checkpoint. So the keeper
 * - checkpoints (PASSIVE: never waits for another connection) after a burst of writes, once they pause, and
 *   at least every `maxDelayMs` while they do not, so little is ever only in the -wal;
 * - after every write compares the -wal and -shm with the files it saw before (device and inode); when one
 *   vanished or was replaced, it checkpoints at once from the still-open file and makes fresh sidecars by
 *   leaving and re-entering WAL mode, before the write's caller is told it succeeded.
 * Reads cost one prepared `SELECT total_changes()`; writes add two stat calls.
 */
export class WalKeeper {
  private readonly idleMs: number;
  private readonly maxDelayMs: number;
  private readonly onEvent: (event: WalEvent) => void;
  private readonly totalChanges: Statement;
  private readonly sidecars: readonly string[];
  private identities: (FileIdentity | null)[];
  private seenChanges: number;
  private firstPendingAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private active: boolean;

  constructor(
    private readonly db: Database,
    path: string,
    options: WalKeeperOptions = {},
  ) {
    this.idleMs = options.idleMs ?? DEFAULT_CHECKPOINT_IDLE_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_CHECKPOINT_MAX_DELAY_MS;
    this.onEvent = options.onEvent ?? ((): void => undefined);
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
    this.sidecars = [`${path}-wal`, `${path}-shm`];
    this.identities = this.sidecars.map((file) => identityOf(file) ?? null);
    this.seenChanges = this.changes();
    // Without WAL (a file system without shared memory) every commit is in the database file already.
    this.active = db.pragma('journal_mode', { simple: true }) === 'wal';
  }

  /** Call after every successful store call: notices writes, checks the sidecars, schedules a checkpoint. */
  afterCall(): void {
    if (!this.active || !this.db.open) return;
    const changes = this.changes();
    if (changes === this.seenChanges) return;
    this.seenChanges = changes;
    if (this.sidecarsVanished()) {
      this.recover();
      return;
    }
    this.firstPendingAt ??= Date.now();
    this.schedule();
  }

  /** Stops the timer; the connection's close checkpoints whatever is left. Idempotent. */
  stop(): void {
    this.active = false;
    this.clearTimer();
  }

  private schedule(): void {
    this.clearTimer();
    const deadline = (this.firstPendingAt ?? Date.now()) + this.maxDelayMs;
    const delay = Math.max(0, Math.min(this.idleMs, deadline - Date.now()));
    this.timer = setTimeout(() => this.onTimer(), delay);
    // A pending checkpoint must not keep a CLI command or a test alive; close() checkpoints anyway.
    this.timer.unref();
  }

  private onTimer(): void {
    this.timer = null;
    if (!this.active || !this.db.open) return;
    try {
      if (this.sidecarsVanished()) {
        this.recover();
      } else if (this.checkpoint()) {
        this.firstPendingAt = null;
        this.onEvent({ kind: 'checkpointed' });
      } else {
        // Another connection's reader holds frames back: try again one idle time later (restarting the bound,
        // else a reader that stays would make every retry due at once).
        this.firstPendingAt = Date.now();
        this.schedule();
      }
    } catch (cause) {
      // A timer has no caller to throw to, and an exception here would take the whole app down. The commits
      // are still in the -wal; the next write or the retry checkpoints them.
      this.onEvent({ kind: 'checkpoint-failed', cause });
      this.firstPendingAt = Date.now();
      this.schedule();
    }
  }

  /** A PASSIVE checkpoint; true when every frame in the -wal is now in the database file. */
  private checkpoint(): boolean {
    const [result] = this.db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return result !== undefined && result.busy === 0 && result.checkpointed === result.log;
  }

  private recover(): void {
    this.clearTimer();
    const copied = this.checkpoint();
    let recovered = false;
    const timeout = this.db.pragma('busy_timeout', { simple: true }) as number;
    try {
      // Leaving WAL mode needs the database to ourselves; another connection makes it fail at once (no wait).
      this.db.pragma('busy_timeout = 0');
      this.db.pragma('journal_mode = DELETE');
      recovered = this.db.pragma('journal_mode = WAL', { simple: true }) === 'wal';
      if (!recovered) {
        // Still in rollback-journal mode: NORMAL would not be power-safe there (see configure()).
        this.db.pragma('synchronous = FULL');
        this.active = false;
      }
    } catch (error) {
      if (storeProblemOf(error, '')?.kind !== 'locked') throw error;
    } finally {
      this.db.pragma(`busy_timeout = ${timeout}`);
    }
    // Fresh sidecars appear with the next write; until then there is nothing to compare (null matches anything).
    this.identities = recovered ? this.sidecars.map((file) => identityOf(file) ?? null) : this.identities;
    this.firstPendingAt = copied || recovered ? null : (this.firstPendingAt ?? Date.now());
    if (this.firstPendingAt !== null) this.schedule();
    this.onEvent({ kind: 'wal-vanished', recovered });
  }

  private sidecarsVanished(): boolean {
    let vanished = false;
    this.identities = this.sidecars.map((file, index) => {
      const now = identityOf(file);
      const before = this.identities[index] ?? null;
      if (now === undefined) return before;
      // Right after a write both sidecars exist; a missing one was deleted, a different inode replaced.
      if (now === null || (before !== null && (before.dev !== now.dev || before.ino !== now.ino))) {
        vanished = true;
        return before;
      }
      return now;
    });
    return vanished;
  }

  private changes(): number {
    return this.totalChanges.get() as number;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The file's identity, null when it does not exist, undefined when that cannot be told (e.g. EACCES). */
function identityOf(file: string): FileIdentity | null | undefined {
  try {
    const stats = statSync(file);
    return { dev: stats.dev, ino: stats.ino };
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
      ? null
      : undefined;
  }
}
