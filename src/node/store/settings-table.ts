import type { Database, Statement, Transaction } from 'better-sqlite3';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../common/ipc/api-types';
import { parseJson } from './parse-json';

interface SettingRow {
  key: string;
  value: string;
}

const fieldSchemas: Readonly<Record<string, (typeof settingsSchema.shape)[keyof Settings]>> =
  settingsSchema.shape;

/** The user's settings, one row per key holding its JSON value (table settings). */
export class SettingsTable {
  private readonly allStatement: Statement<[], SettingRow>;
  private readonly writeTransaction: Transaction<(values: Partial<Settings>) => void>;

  constructor(db: Database) {
    this.allStatement = db.prepare<[], SettingRow>('SELECT key, value FROM settings');
    const upsert = db.prepare<[SettingRow]>(
      'INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.writeTransaction = db.transaction((values: Partial<Settings>) => {
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined) upsert.run({ key, value: JSON.stringify(value) });
      }
    });
  }

  /**
   * The settings: the defaults, overridden by every stored value that is valid for its key. Unknown keys
   * (from a newer build, or typed in by hand) and invalid values are ignored, never an error.
   */
  get(): Settings {
    const merged: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
    for (const row of this.allStatement.all()) {
      const schema = Object.hasOwn(fieldSchemas, row.key) ? fieldSchemas[row.key] : undefined;
      const parsed = schema?.safeParse(parseJson(row.value));
      if (parsed?.success === true) merged[row.key] = parsed.data;
    }
    return settingsSchema.parse(merged);
  }

  /** Stores the given keys (all in one transaction; each replaces the whole value) and returns the settings. */
  update(partial: Partial<Settings>): Settings {
    this.writeTransaction.immediate(settingsSchema.partial().parse(partial));
    return this.get();
  }
}
