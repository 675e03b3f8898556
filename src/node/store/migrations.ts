/** One schema step. Versions run 1, 2, 3, ... with no gaps; `up` is plain SQL run in one transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

/**
 * Every schema step this build knows, oldest first. Append-only: a migration that has shipped is never edited
 * or removed (databases in the field already ran it); change the schema by appending the next version.
 *
 * Tables are STRICT so a column holds only its declared type, and enums are CHECKed, so a hand-edited row
 * that would confuse the app is refused at write time; the code still validates what it reads back.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up: `
      -- The library: where course files are and what they are called. Never content, never passwords.
      CREATE TABLE course_files (
        id             INTEGER PRIMARY KEY,
        path           TEXT NOT NULL UNIQUE,
        course_id      TEXT NOT NULL,
        title          TEXT NOT NULL,
        is_demo        INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        added_at       TEXT NOT NULL,
        last_opened_at TEXT
      ) STRICT;

      CREATE TABLE plans (
        id             INTEGER PRIMARY KEY,
        course_id      TEXT NOT NULL,
        name           TEXT NOT NULL,
        steps          TEXT NOT NULL CHECK (json_valid(steps)),
        budget_minutes REAL CHECK (budget_minutes IS NULL OR budget_minutes >= 0),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX plans_by_course ON plans (course_id);

      -- At most one note per (course, chapter, scope), chapter_id NULL meaning the course as a whole.
      -- A plain UNIQUE index would treat every NULL as distinct, so the two cases get one partial index each.
      CREATE TABLE notes (
        id         INTEGER PRIMARY KEY,
        course_id  TEXT NOT NULL,
        chapter_id TEXT,
        scope      TEXT NOT NULL CHECK (scope IN ('private', 'class')),
        text       TEXT NOT NULL CHECK (length(text) > 0),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX notes_unique_chapter ON notes (course_id, chapter_id, scope) WHERE chapter_id IS NOT NULL;
      CREATE UNIQUE INDEX notes_unique_course ON notes (course_id, scope) WHERE chapter_id IS NULL;

      CREATE TABLE sessions (
        id         INTEGER PRIMARY KEY,
        course_id  TEXT NOT NULL,
        plan_id    INTEGER REFERENCES plans (id) ON DELETE SET NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('lecture', 'rehearsal')),
        started_at TEXT NOT NULL,
        ended_at   TEXT
      ) STRICT;
      CREATE INDEX sessions_by_course ON sessions (course_id, started_at);
      -- Deleting a plan looks up its sessions through this index instead of scanning them all.
      CREATE INDEX sessions_by_plan ON sessions (plan_id);

      CREATE TABLE session_timings (
        session_id         INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        chapter_id         TEXT NOT NULL,
        film_seconds       REAL NOT NULL CHECK (film_seconds >= 0),
        discussion_seconds REAL NOT NULL CHECK (discussion_seconds >= 0),
        ordinal            INTEGER NOT NULL,
        PRIMARY KEY (session_id, chapter_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_timings_in_order ON session_timings (session_id, ordinal);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'sessions hold their state',
    up: `
      -- A session is the unit a lecture or rehearsal is held in: its lecture state (phase, chapter, prompt on
      -- screen, plan; JSON), the playhead, the session clock and how it is run are saved with it, so a crash
      -- continues where it stood. Sessions from version 1 have no state: they can be listed, not continued.
      ALTER TABLE sessions ADD COLUMN view TEXT NOT NULL DEFAULT 'presenter' CHECK (view IN ('film', 'presenter'));
      ALTER TABLE sessions ADD COLUMN state TEXT CHECK (state IS NULL OR json_valid(state));
      ALTER TABLE sessions ADD COLUMN position REAL NOT NULL DEFAULT 0 CHECK (position >= 0);
      ALTER TABLE sessions ADD COLUMN clock_ms REAL NOT NULL DEFAULT 0 CHECK (clock_ms >= 0);
      ALTER TABLE sessions ADD COLUMN clock_running INTEGER NOT NULL DEFAULT 1 CHECK (clock_running IN (0, 1));
      ALTER TABLE sessions ADD COLUMN updated_at TEXT;
      CREATE INDEX sessions_unfinished ON sessions (course_id, kind, ended_at);
    `,
  },
  {
    version: 3,
    name: 'sessions name their course and chapters',
    up: `
      -- What a session's record says without the course file (which may be locked, gone, or at another
      -- institution): the course's title and its chapters (id, title, suggested minutes; JSON) as they were
      -- when the session began, so the session log and its export can name them.
      ALTER TABLE sessions ADD COLUMN course_title TEXT;
      ALTER TABLE sessions ADD COLUMN chapters TEXT CHECK (chapters IS NULL OR json_valid(chapters));
    `,
  },
  {
    version: 4,
    name: 'the class board',
    up: `
      -- What the class said, jotted down by the facilitator during each discussion: short entries per
      -- chapter, in order, kept with the session (and gone with it).
      CREATE TABLE board_entries (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        chapter_id TEXT NOT NULL,
        ordinal    INTEGER NOT NULL CHECK (ordinal >= 0),
        text       TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        PRIMARY KEY (session_id, chapter_id, ordinal)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'sessions say when the runner saved them',
    up: `
      -- When the runner last saved the session, on its own clock (ms): continuing after a crash moves the
      -- discussion timer on by the time since then, measured on the same clock the timer runs on. (Its own
      -- step: databases that had already run version 3 before this column existed must get it too.)
      ALTER TABLE sessions ADD COLUMN saved_at REAL;
    `,
  },
];
