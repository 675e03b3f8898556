import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../../src/cli/run-cli';
import { initialLectureState } from '../../../src/common/lecture/lecture-state';
import { openStore } from '../../../src/node/store';
import { capturedIo } from '../../support/captured-io';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('plenum-sessions-cli-');

const SNAPSHOT = {
  view: 'presenter' as const,
  lecture: initialLectureState(),
  position: 0,
  clockMs: 0,
  clockRunning: true,
  savedAt: 0,
};

/** A data folder with two sessions of one course (its title a formula, as a hostile course could have it). */
function dataFolder(courseTitle = '=HYPERLINK("https://example.com","klikk")'): string {
  const dir = tempDir();
  const store = openStore(join(dir, 'plenum.sqlite'));
  const chapters = [
    { id: 'apning', title: 'Åpningssekvens', minutes: 5 },
    { id: 'sovn', title: 'Søvn; natt', minutes: 20 },
  ];
  for (const kind of ['lecture', 'rehearsal'] as const) {
    const session = store.startSession({
      courseId: 'rune',
      planId: null,
      kind,
      snapshot: SNAPSHOT,
      courseTitle,
      chapters,
    });
    store.saveSession(session!.id, SNAPSHOT, [
      { chapterId: 'apning', filmSeconds: 61, discussionSeconds: 295 },
      { chapterId: 'sovn', filmSeconds: 120, discussionSeconds: 1310 },
    ]);
    if (kind === 'lecture') store.endSession(session!.id);
  }
  store.close();
  return dir;
}

const read = (text: string, delimiter = ','): string[][] => parse(text, { bom: true, delimiter });

describe('plenum sessions export', () => {
  it('writes one row per session and chapter, with a BOM, the delimiter asked for, and formulas neutralised', async () => {
    const dir = dataFolder();
    const { io, stdout } = capturedIo(dir);
    expect(await runCli(['sessions', 'export', '--data-dir', dir, '--delimiter', ';'], io)).toBe(0);
    const text = stdout();
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = read(text, ';');
    expect(rows[0]).toEqual([
      'session_id',
      'course_id',
      'course_title',
      'kind',
      'started',
      'ended',
      'plan',
      'chapter_id',
      'chapter_title',
      'planned_discussion_seconds',
      'actual_discussion_seconds',
      'film_seconds',
      'class_board',
    ]);
    expect(rows).toHaveLength(5);
    const [first] = rows.slice(1);
    expect(first?.slice(1, 4)).toEqual(['rune', `'=HYPERLINK("https://example.com","klikk")`, 'lecture']);
    expect(first?.slice(7, 12)).toEqual(['apning', 'Åpningssekvens', '300', '295', '61']);
    expect(rows[2]?.[8]).toBe('Søvn; natt');
    expect(rows[3]?.[5]).toBe('');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes JSON, a summary without the class board, and into a file', async () => {
    const dir = dataFolder('Hva er viktig for MEG');
    const json = capturedIo(dir);
    expect(
      await runCli(
        ['sessions', 'export', '--data-dir', dir, '--format', 'json', '--course', 'rune'],
        json.io,
      ),
    ).toBe(0);
    const parsed = JSON.parse(json.stdout()) as { format: string; sessions: { chapters: unknown[] }[] };
    expect(parsed.format).toBe('plenum-sessions');
    expect(parsed.sessions).toHaveLength(2);
    const out = join(dir, 'oppsummering.csv');
    const summary = capturedIo(dir);
    expect(
      await runCli(['sessions', 'export', '--data-dir', dir, '--summary', '--out', out], summary.io),
    ).toBe(0);
    expect(summary.stdout()).toBe('');
    const rows = read(readFileSync(out, 'utf8'));
    expect(rows[0]).not.toContain('class_board');
    expect(rows[0]).toHaveLength(12);
    const none = capturedIo(dir);
    expect(await runCli(['sessions', 'export', '--data-dir', dir, '--course', 'annet'], none.io)).toBe(0);
    expect(read(none.stdout())).toHaveLength(1);
  });

  it('says so in words when the folder holds no Plenum data, and makes none there', async () => {
    const dir = tempDir();
    const { io, stderr } = capturedIo(dir);
    expect(await runCli(['sessions', 'export', '--data-dir', join(dir, 'feil')], io)).toBe(1);
    expect(stderr()).toContain('No Plenum data found');
    expect(stderr()).not.toMatch(/\bat \S+:\d+/);
    expect(existsSync(join(dir, 'feil'))).toBe(false);
  });
});

describe('plenum sessions merge', () => {
  it('combines summaries from several institutions, each session once', async () => {
    const a = dataFolder('Kurs A');
    const b = dataFolder('Kurs B');
    const files: string[] = [];
    for (const [dir, delimiter] of [
      [a, ','],
      [b, ';'],
    ] as const) {
      const out = join(dir, 'summary.csv');
      const { io } = capturedIo(dir);
      expect(
        await runCli(
          ['sessions', 'export', '--data-dir', dir, '--summary', '--delimiter', delimiter, '--out', out],
          io,
        ),
      ).toBe(0);
      files.push(out);
    }
    const merged = capturedIo(a);
    // The same file twice adds nothing.
    expect(await runCli(['sessions', 'merge', files[0]!, files[1]!, files[0]!], merged.io)).toBe(0);
    const rows = read(merged.stdout());
    expect(rows).toHaveLength(1 + 8);
    expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(['Kurs A', 'Kurs B']));
  });

  it('refuses a file that is not a summary (a full export carries the class board)', async () => {
    const dir = dataFolder();
    const full = join(dir, 'full.csv');
    const { io } = capturedIo(dir);
    expect(await runCli(['sessions', 'export', '--data-dir', dir, '--out', full], io)).toBe(0);
    writeFileSync(join(dir, 'junk.csv'), 'a,"b\n');
    for (const file of [full, join(dir, 'junk.csv')]) {
      const merged = capturedIo(dir);
      expect(await runCli(['sessions', 'merge', file], merged.io)).toBe(1);
      expect(merged.stderr()).toContain('is not a summary');
    }
  });
});
