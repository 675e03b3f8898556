import { Command, CommanderError, Option } from 'commander';
import { pickLanguage } from '../common/i18n/languages';
import { createTranslator } from '../common/i18n/translator';
import { CliFailure } from './cli-failure';
import { EXIT, type CliIo } from './cli-io';
import { describeUsageError, localiseHelp, placeholders } from './localised-help';
import { demoCommand } from './commands/demo-command';
import {
  inspectCommand,
  passwordsAddCommand,
  passwordsRemoveCommand,
  verifyCommand,
} from './commands/file-commands';
import { hostCommand } from './commands/host-command';
import { packCommand } from './commands/pack-command';
import { sessionsExportCommand, sessionsMergeCommand } from './commands/sessions-command';
import { DEFAULT_MAX_HEIGHT } from '../node/transcoder/transcode-film';

/** The CLI's version, printed by --version and written into every course file it makes. */
export const CLI_VERSION = '0.1.0';

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * Runs the `plenum` command with `argv` (without node and the script) and returns the exit code. Messages
 * follow PLENUM_LANG, else LANG (nb, nn or en; bokmål by default). Ctrl-C aborts cleanly through `signal`.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const t = createTranslator(pickLanguage(io.env.PLENUM_LANG ?? io.env.LC_ALL ?? io.env.LANG));
  let exitCode: number = EXIT.ok;
  const p = placeholders(t);
  const program = new Command('plenum')
    .description(t('cli:help.program'))
    .version(CLI_VERSION, '-V, --version', t('cli:help.versionOption'))
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors are written in the CLI's language by the catch below, not in commander's English.
      outputError: () => undefined,
    });
  // Before any subcommand exists: each copies the help settings of its parent when it is made.
  localiseHelp(program, t);

  program
    .command('pack')
    .description(t('cli:help.pack'))
    .argument(`<${p.courseFolder}>`, t('cli:help.courseFolder'))
    .requiredOption(`-o, --out <${p.file}>`, t('cli:help.out'))
    .option(`--password-file <${p.file}>`, t('cli:help.passwordFileMany'), collect, [])
    .option('--password-stdin', t('cli:help.passwordStdinMany'), false)
    .addOption(
      new Option(`--max-height <${p.pixels}>`, t('cli:help.maxHeight'))
        .default(DEFAULT_MAX_HEIGHT)
        .argParser(positiveInt(t)),
    )
    .option('-q, --quiet', t('cli:help.quiet'), false)
    .action(async (folder: string, options) => {
      exitCode = await packCommand(folder, options, io, t, signal, CLI_VERSION);
    });

  program
    .command('inspect')
    .description(t('cli:help.inspect'))
    .argument(`<${p.file}>`, t('cli:help.courseFile'))
    .option('--json', t('cli:help.json'), false)
    .action(async (file: string, options) => {
      exitCode = await inspectCommand(file, options, io, t);
    });

  program
    .command('verify')
    .description(t('cli:help.verify'))
    .argument(`<${p.file}>`, t('cli:help.courseFile'))
    .option(`--password-file <${p.file}>`, t('cli:help.passwordFile'))
    .option('--password-stdin', t('cli:help.passwordStdin'), false)
    .option('-q, --quiet', t('cli:help.quiet'), false)
    .action(async (file: string, options) => {
      exitCode = await verifyCommand(file, options, io, t);
    });

  const passwords = program.command('passwords').description(t('cli:help.passwords'));
  passwords
    .command('add')
    .description(t('cli:help.passwordsAdd'))
    .argument(`<${p.file}>`, t('cli:help.courseFile'))
    .option(`--password-file <${p.file}>`, t('cli:help.passwordFile'))
    .option('--password-stdin', t('cli:help.passwordStdin'), false)
    .option(`--new-password-file <${p.file}>`, t('cli:help.newPasswordFile'))
    .action(async (file: string, options) => {
      exitCode = await passwordsAddCommand(file, options, io, t);
    });
  passwords
    .command('remove')
    .description(t('cli:help.passwordsRemove'))
    .argument(`<${p.file}>`, t('cli:help.courseFile'))
    .option(`--password-file <${p.file}>`, t('cli:help.passwordFile'))
    .option('--password-stdin', t('cli:help.passwordStdin'), false)
    .option(`--remove-password-file <${p.file}>`, t('cli:help.removePasswordFile'))
    .option(`--slot <${p.id}>`, t('cli:help.slot'))
    .action(async (file: string, options) => {
      exitCode = await passwordsRemoveCommand(file, options, io, t);
    });
  passwords
    .command('list')
    .description(t('cli:help.passwordsList'))
    .argument(`<${p.file}>`, t('cli:help.courseFile'))
    .action(async (file: string) => {
      exitCode = await inspectCommand(file, { json: false }, io, t);
    });

  program
    .command('host')
    .description(t('cli:help.host'))
    .option(`--course <${p.file}>`, t('cli:help.hostCourse'))
    .option(`--demo <${p.file}>`, t('cli:help.hostDemo'))
    .option(`--data-dir <${p.folder}>`, t('cli:help.dataDir'))
    .addOption(new Option(`--port <${p.port}>`, t('cli:help.port')).default(0).argParser(portNumber(t)))
    .option('--open', t('cli:help.hostOpen'), false)
    .action(async (options) => {
      exitCode = await hostCommand(options, io, t, signal, CLI_VERSION);
    });

  const sessions = program.command('sessions').description(t('cli:help.sessions'));
  sessions
    .command('export')
    .description(t('cli:help.sessionsExport'))
    .option(`--data-dir <${p.folder}>`, t('cli:help.dataDir'))
    .option(`--course <${p.id}>`, t('cli:help.sessionsCourse'))
    .option(`-o, --out <${p.file}>`, t('cli:help.sessionsOut'))
    .addOption(
      new Option(`--format <${p.format}>`, t('cli:help.sessionsFormat'))
        .choices(['csv', 'json'])
        .default('csv'),
    )
    .addOption(
      new Option(`--delimiter <${p.delimiter}>`, t('cli:help.delimiter')).choices([',', ';']).default(','),
    )
    .option('--summary', t('cli:help.summary'), false)
    .action(async (options) => {
      exitCode = await sessionsExportCommand(options, io, t);
    });
  sessions
    .command('merge')
    .description(t('cli:help.sessionsMerge'))
    .argument(`<${p.file}...>`, t('cli:help.summaryFiles'))
    .option(`-o, --out <${p.file}>`, t('cli:help.sessionsOut'))
    .addOption(
      new Option(`--delimiter <${p.delimiter}>`, t('cli:help.delimiter')).choices([',', ';']).default(','),
    )
    .action(async (files: string[], options) => {
      exitCode = await sessionsMergeCommand(files, options, io, t);
    });

  program
    .command('demo')
    .description(t('cli:help.demo'))
    .addOption(
      new Option(`--variant <${p.variant}>`, t('cli:help.variant'))
        .choices(['short', 'full', 'all'])
        .default('all'),
    )
    .option(`--out-dir <${p.folder}>`, t('cli:help.outDir'), 'out/demo')
    .option(`--source <${p.folder}>`, t('cli:help.source'), 'assets/demo-course')
    .option('--force', t('cli:help.force'), false)
    .option('-q, --quiet', t('cli:help.quiet'), false)
    .action(async (options) => {
      exitCode = await demoCommand(options, io, t, signal, CLI_VERSION);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version also end here, with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr.write(`${describeUsageError(error, t)}\n${t('cli:usage.seeHelp')}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function positiveInt(t: ReturnType<typeof createTranslator>) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      throw new CliFailure(t('cli:notPositive', { value }), EXIT.usage);
    return parsed;
  };
}

function portNumber(t: ReturnType<typeof createTranslator>) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
      throw new CliFailure(t('cli:notPort', { value }), EXIT.usage);
    }
    return parsed;
  };
}
