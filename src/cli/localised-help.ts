import type { Argument, Command, CommanderError, Option } from 'commander';
import type { Translate } from '../common/i18n/translator';

/**
 * Commander writes its own words in English: the help's headings, `[options]`, "display help for command",
 * "(default: …)", and its usage errors. These replace every one of them with the CLI's language, so
 * `--help` and a mistyped option read in one language, like every other message.
 */

/** The placeholders the CLI's options and arguments use, in the CLI's language (`<file>` → `<fil>`). */
export function placeholders(t: Translate) {
  return {
    file: t('cli:help.placeholder.file'),
    folder: t('cli:help.placeholder.folder'),
    courseFolder: t('cli:help.placeholder.courseFolder'),
    port: t('cli:help.placeholder.port'),
    pixels: t('cli:help.placeholder.pixels'),
    variant: t('cli:help.placeholder.variant'),
    id: t('cli:help.placeholder.id'),
    format: t('cli:help.placeholder.format'),
    delimiter: t('cli:help.placeholder.delimiter'),
    command: t('cli:help.placeholder.command'),
    options: t('cli:help.placeholder.options'),
  };
}

/** Sets the root command's help option, help command and help layout; subcommands made after inherit them. */
export function localiseHelp(program: Command, t: Translate): void {
  const words = placeholders(t);
  const titles: Readonly<Record<string, string>> = {
    'Usage:': t('cli:help.title.usage'),
    'Options:': t('cli:help.title.options'),
    'Commands:': t('cli:help.title.commands'),
    'Arguments:': t('cli:help.title.arguments'),
    'Global Options:': t('cli:help.title.globalOptions'),
  };
  const withExtras = (description: string, extras: string[]): string =>
    extras.length === 0 ? description : `${description} (${extras.join(', ')})`.trim();
  const choices = (values: readonly string[] | undefined): string[] =>
    values ? [t('cli:help.choices', { values: values.map((value) => `"${value}"`).join(', ') })] : [];
  // A flag that is off unless given needs no "(default: false)", nor a repeatable option "(default: [])".
  const shownDefault = (value: unknown, description: string | undefined): string[] =>
    value === undefined || value === false || (Array.isArray(value) && value.length === 0)
      ? []
      : [t('cli:help.default', { value: description ?? JSON.stringify(value) })];

  program.helpOption('-h, --help', t('cli:help.helpOption'));
  program.helpCommand(`help [${words.command}]`, t('cli:help.helpCommand'));
  program.configureHelp({
    styleTitle: (title: string) => titles[title] ?? title,
    optionDescription: (option: Option) =>
      withExtras(option.description, [
        ...choices(option.argChoices),
        ...shownDefault(option.defaultValue, option.defaultValueDescription),
      ]),
    argumentDescription: (argument: Argument) =>
      withExtras(argument.description, [
        ...choices(argument.argChoices),
        ...shownDefault(argument.defaultValue, argument.defaultValueDescription),
      ]),
    commandUsage: (cmd: Command) => {
      const names: string[] = [];
      for (let at: Command | null = cmd; at; at = at.parent) names.unshift(at.name());
      const commands = cmd.commands.length > 0 ? [`[${words.command}]`] : [];
      return [...names, `[${words.options}]`, ...commands, ...argumentTerms(cmd)].join(' ');
    },
    subcommandTerm: (cmd: Command) =>
      [cmd.name(), ...(cmd.options.length > 0 ? [`[${words.options}]`] : []), ...argumentTerms(cmd)].join(
        ' ',
      ),
  });
}

/**
 * A usage error in the CLI's language. Commander only gives its own English sentence and a code, so the
 * names it quotes ('--bogus', 'course-folder') are taken from that sentence; an unknown code keeps it.
 */
export function describeUsageError(error: CommanderError, t: Translate): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(error.message)?.[1];
  const hint = suggestion === undefined ? '' : ` ${t('cli:usage.didYouMean', { suggestion })}`;
  const [first = '', second = ''] = quoted;
  switch (error.code) {
    case 'commander.unknownOption':
      return t('cli:usage.unknownOption', { option: first }) + hint;
    case 'commander.unknownCommand':
      return t('cli:usage.unknownCommand', { command: first }) + hint;
    case 'commander.missingArgument':
      return t('cli:usage.missingArgument', { argument: first });
    case 'commander.optionMissingArgument':
      return t('cli:usage.optionMissingArgument', { option: first });
    case 'commander.missingMandatoryOptionValue':
      return t('cli:usage.missingOption', { option: first });
    case 'commander.excessArguments':
      return t('cli:usage.excessArguments');
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\.$/.exec(error.message)?.[1];
      return allowed === undefined
        ? t('cli:usage.invalidValue', { option: first, value: second })
        : t('cli:usage.invalidChoice', { option: first, value: second, allowed });
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

/** `<name>` for a required argument, `[name]` for an optional one, `...` after a variadic one. */
function argumentTerms(cmd: Command): string[] {
  return cmd.registeredArguments.map((argument) => {
    const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
    return argument.required ? `<${name}>` : `[${name}]`;
  });
}
