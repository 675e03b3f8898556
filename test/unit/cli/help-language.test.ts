import { tmpdir } from 'node:os';
import { runCli } from '../../../src/cli/run-cli';
import { capturedIo } from '../../support/captured-io';

/** Every help page the `plenum` command has. */
const HELP_PAGES = [
  ['--help'],
  ['help'],
  ['pack', '--help'],
  ['inspect', '--help'],
  ['verify', '--help'],
  ['passwords', '--help'],
  ['passwords', 'add', '--help'],
  ['passwords', 'remove', '--help'],
  ['passwords', 'list', '--help'],
  ['host', '--help'],
  ['demo', '--help'],
  ['help', 'pack'],
];

/** What commander writes in English by itself; none of it may show in a Norwegian help page. */
const COMMANDER_ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|display help|output the version|default:|choices:|\[options\]|\[command\]|<file>|<folder>|error:/;

async function run(args: string[], language: string) {
  const captured = capturedIo(tmpdir(), '', { PLENUM_LANG: language });
  const code = await runCli(args, captured.io);
  return { code, out: captured.stdout(), err: captured.stderr() };
}

describe.each(['nb', 'nn'])('in %s', (language) => {
  test.each(HELP_PAGES.map((args) => [args.join(' '), args]))(
    'plenum %s is in one language',
    async (_, args) => {
      const { code, out } = await run(args, language);
      expect(code).toBe(0);
      expect(out).toMatch(/^Bruk: plenum/);
      expect(out).not.toMatch(COMMANDER_ENGLISH);
    },
  );

  test('a mistyped option or a missing value is explained in the same language', async () => {
    const unknown = await run(['verify', 'x.plenum', '--pasword-file', 'p'], language);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Ukjen[td] valg?: --pasword-file\. Mei?nte du --password-file\?\n/);
    const missing = await run(['pack', 'kurs'], language);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('-o, --out <fil>');
    const choice = await run(['demo', '--variant', 'lang'], language);
    expect(choice.code).toBe(2);
    expect(choice.err).toContain('«lang»');
    for (const err of [unknown.err, missing.err, choice.err]) expect(err).not.toMatch(COMMANDER_ENGLISH);
  });
});

test('in English the help reads as before, headings included', async () => {
  const { code, out } = await run(['pack', '--help'], 'en');
  expect(code).toBe(0);
  expect(out).toMatch(/^Usage: plenum pack \[options\] <course-folder>/);
  expect(out).toContain('-h, --help');
  expect(out).toContain('show help for the command');
  expect(out).toMatch(/--max-height <pixels> .*\(default: \d+\)/s);
  expect(out).not.toContain('default: []');
  const { out: demo } = await run(['demo', '--help'], 'en');
  expect(demo.replace(/\s+/g, ' ')).toContain('(choices: "short", "full", "all", default: "all")');
  // A flag that is off unless given shows no "(default: false)".
  expect(demo).not.toContain('default: false');
});
