import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Translate } from '../../common/i18n/translator';
import { toCsv, type CsvDelimiter } from '../../common/records/csv';
import { EXPORT_COLUMNS, sessionRows, type ExportedSession } from '../../common/records/session-export';
import { defaultDataDir } from '../../node/app/data-dir';
import { openStore, StoreError } from '../../node/store';
import { CliFailure } from '../cli-failure';
import { EXIT, type CliIo } from '../cli-io';
import { terminalSafe } from '../terminal-safe';

/** Options of `plenum sessions export`. */
export interface SessionsExportOptions {
  dataDir?: string;
  course?: string;
  out?: string;
  format: 'csv' | 'json';
  delimiter: CsvDelimiter;
  summary: boolean;
}

/** Options of `plenum sessions merge`. */
export interface SessionsMergeOptions {
  out?: string;
  delimiter: CsvDelimiter;
}

/** The summary's columns: everything but what the class said. */
const SUMMARY_COLUMNS: readonly string[] = EXPORT_COLUMNS.filter((column) => column !== 'class_board');

/**
 * `plenum sessions export`: the session log of a data folder as CSV (one row per session and chapter) or
 * JSON, on stdout or into a file. `--summary` leaves out the class board, for the course owner.
 */
export async function sessionsExportCommand(
  options: SessionsExportOptions,
  io: CliIo,
  t: Translate,
): Promise<number> {
  const dataDir = resolve(io.cwd, options.dataDir ?? defaultDataDir(io.env));
  const path = join(dataDir, 'plenum.sqlite');
  // Never make an empty store where none was: a mistyped folder is said so.
  if (!existsSync(path))
    throw new CliFailure(t('cli:sessions.noData', { path: terminalSafe(dataDir) }), EXIT.failed);
  let sessions: ExportedSession[];
  try {
    const store = openStore(path);
    try {
      sessions = store.exportSessions(options.course ?? null);
    } finally {
      store.close();
    }
  } catch (error) {
    if (error instanceof StoreError) {
      const reason = t(`app:errors.store.${error.problem.kind}`);
      throw new CliFailure(t('cli:host.storeFailed', { path: terminalSafe(path), reason }), EXIT.failed);
    }
    throw error;
  }
  const text =
    options.format === 'json'
      ? `${JSON.stringify({ format: 'plenum-sessions', version: 1, sessions: options.summary ? sessions.map(withoutBoard) : sessions }, null, 2)}\n`
      : toCsv(sessionRows(sessions, { summary: options.summary }), { delimiter: options.delimiter });
  await emit(text, options.out, io, t);
  return EXIT.ok;
}

/**
 * `plenum sessions merge`: several summaries (CSV, as `export --summary` writes them, in any delimiter) into
 * one, each session and chapter once however often it appears, oldest first.
 */
export async function sessionsMergeCommand(
  files: readonly string[],
  options: SessionsMergeOptions,
  io: CliIo,
  t: Translate,
): Promise<number> {
  const seen = new Set<string>();
  const merged: string[][] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new CliFailure(t('cli:sessions.unreadable', { path: terminalSafe(path) }), EXIT.failed);
    }
    for (const row of summaryRows(text, path, t)) {
      const key = JSON.stringify([row[0], row[1], row[4], row[7]]);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(row);
    }
  }
  // Oldest session first, then the session's own chapter order (a stable sort keeps it).
  merged.sort((a, b) => (a[4] ?? '').localeCompare(b[4] ?? ''));
  await emit(toCsv([[...SUMMARY_COLUMNS], ...merged], { delimiter: options.delimiter }), options.out, io, t);
  return EXIT.ok;
}

function withoutBoard(session: ExportedSession): ExportedSession {
  return { ...session, chapters: session.chapters.map((chapter) => ({ ...chapter, board: [] })) };
}

/** A summary file's data rows (its header checked); a full export is refused, it carries the class board. */
function summaryRows(text: string, path: string, t: Translate): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: false });
  } catch {
    throw new CliFailure(t('cli:sessions.notSummary', { path: terminalSafe(path) }), EXIT.failed);
  }
  const [header, ...data] = rows;
  if (header === undefined || header.join(',') !== SUMMARY_COLUMNS.join(','))
    throw new CliFailure(t('cli:sessions.notSummary', { path: terminalSafe(path) }), EXIT.failed);
  return data;
}

/** Writes to stdout, or to a file through a temporary one renamed over it (never half a file). */
async function emit(text: string, out: string | undefined, io: CliIo, t: Translate): Promise<void> {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, out);
  const partial = `${path}.partial-${process.pid}`;
  try {
    await writeFile(partial, text, { encoding: 'utf8', mode: 0o600, flush: true });
    await rename(partial, path);
  } catch {
    await rm(partial, { force: true });
    throw new CliFailure(t('cli:sessions.writeFailed', { path: terminalSafe(path) }), EXIT.failed);
  }
  io.stderr.write(`${t('cli:sessions.written', { path: terminalSafe(path) })}\n`);
}
