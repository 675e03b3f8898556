import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { BROKEN_PIPE_EXIT } from '../../../src/cli/broken-pipe';
import { runCli } from '../../../src/cli/run-cli';
import { terminalSafe } from '../../../src/cli/terminal-safe';
import { CourseFileWriter } from '../../../src/node/course-file';
import { CHEAP_SCRYPT } from '../../support/course-file-fixture';
import { capturedIo } from '../../support/captured-io';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir();

// What a crafted header could hold: clear the screen (ESC [2J), ring the bell, move the cursor home with
// carriage return, fake a line, a one-character C1 CSI, DEL, and a right-to-left override.
const HOSTILE_TITLE = 'Kurs\u001b[2J\u0007\rOK\nfalsk linje\u009b31m\u007f\u202Eslutt\u2066';
const TERMINAL_ACTIVE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A course file whose public header carries `title`. */
async function courseFileTitled(title: string): Promise<string> {
  const path = join(tempDir(), 'fiendtlig.plenum');
  const writer = await CourseFileWriter.create(path, {
    course: { id: 'kurs', title, language: 'nb' },
    passwords: ['passord'],
    scrypt: CHEAP_SCRYPT,
    createdBy: 'plenum\u001b]0;tittel\u0007',
  });
  await writer.addEntry('a.txt', Buffer.from('a'));
  await writer.finish();
  return path;
}

describe('terminalSafe', () => {
  test('turns every character a terminal acts on into a visible escape, and leaves the rest', () => {
    expect(terminalSafe('a\u001bb\u009bc\u202ed\u007f')).toBe('a\\u001bb\\u009bc\\u202ed\\u007f');
    expect(terminalSafe('Hva er viktig for MEG – søvn, 😴')).toBe('Hva er viktig for MEG – søvn, 😴');
  });

  test('applied to JSON it keeps the JSON valid and its meaning unchanged', () => {
    const value = { title: HOSTILE_TITLE };
    const safe = terminalSafe(JSON.stringify(value));
    expect(safe).not.toMatch(TERMINAL_ACTIVE);
    expect(JSON.parse(safe)).toEqual(value);
  });
});

describe('inspect and passwords list print nothing a terminal could act on', () => {
  test.each([
    [['inspect'], 'inspect'],
    [['passwords', 'list'], 'passwords list'],
  ])('%s', async (command) => {
    const path = await courseFileTitled(HOSTILE_TITLE);
    const run = capturedIo(tempDir());
    expect(await runCli([...command, path], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    // One line per field: the newline in the title did not make a line of its own.
    expect(lines.some((line) => line.startsWith('falsk linje'))).toBe(false);
    expect(run.stdout().replace(/\n/g, '')).not.toMatch(TERMINAL_ACTIVE);
    expect(run.stdout()).toContain(
      'Kurs\\u001b[2J\\u0007\\u000dOK\\u000afalsk linje\\u009b31m\\u007f\\u202eslutt\\u2066',
    );
  });

  test('inspect --json: safe on a terminal, and parses back to the exact title', async () => {
    const path = await courseFileTitled(HOSTILE_TITLE);
    const run = capturedIo(tempDir());
    expect(await runCli(['inspect', '--json', path], run.io)).toBe(0);
    expect(run.stdout().replace(/\n/g, '')).not.toMatch(TERMINAL_ACTIVE);
    const parsed = JSON.parse(run.stdout()) as { course: { title: string }; createdBy: string };
    expect(parsed.course.title).toBe(HOSTILE_TITLE);
    expect(parsed.createdBy).toBe('plenum\u001b]0;tittel\u0007');
  });
});

describe('a reader that goes away', () => {
  test('`… | head`: the writer ends quietly with 141 when head has read enough, not with a stack trace', () => {
    // The real module, compiled as it is for the binary, in a real process whose stdout is a pipe to head.
    const dir = tempDir();
    const source = readFileSync(join(__dirname, '../../../src/cli/broken-pipe.ts'), 'utf8');
    const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } });
    writeFileSync(join(dir, 'broken-pipe.js'), compiled.outputText);
    writeFileSync(
      join(dir, 'writer.js'),
      [
        "const { exitQuietlyOnBrokenPipe } = require('./broken-pipe.js');",
        'exitQuietlyOnBrokenPipe(process.stdout, (code) => process.exit(code));',
        "const line = 'a line of inspect output\\n'.repeat(100);",
        'const again = () => (process.stdout.write(line) ? setImmediate(again) : process.stdout.once("drain", again));',
        'again();',
      ].join('\n'),
    );
    const result = spawnSync(
      'bash',
      ['-c', 'node writer.js 2>stderr.txt | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"'],
      { cwd: dir, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.stdout.trim()).toBe(String(BROKEN_PIPE_EXIT));
    expect(readFileSync(join(dir, 'stderr.txt'), 'utf8')).toBe('');
  });
});
