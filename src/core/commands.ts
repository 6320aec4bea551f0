// The `/showtime` (alias `/circus`) comment grammar. Pure: a comment body in, commands and errors out.
//
// Only what a reader sees as a command counts. The body is read line by line, once, with the little Markdown it takes
// to know what is code, quoted or hidden: fenced and indented code, `>` quotes and HTML comments never yield commands.
// Wherever Markdown is ambiguous the parser errs towards ignoring a line, never towards acting on text that a person
// reading the rendered comment would not see as a command.
import { neutraliseMentions } from './markdown.js';
import type { Command, CommandError, ConfigChange, Size, Ttl } from './types.js';
import { SIZES } from './types.js';
import { FORMS, formatTtl, parseFlag, parseSha, parseSize, parseTtl } from './values.js';

export const COMMAND_PREFIX = '/showtime';
export const COMMAND_PREFIX_ALIAS = '/circus';

/** Longest quote of a line in an error, so a reply stays readable whatever was posted. */
export const MAX_QUOTED_LINE = 100;
const MAX_QUOTED_WORD = 40;

type CommandName =
  | 'start'
  | 'stop'
  | 'status'
  | 'extend'
  | 'keep-alive'
  | 'freeze'
  | 'unfreeze'
  | 'sleep'
  | 'wake'
  | 'enable'
  | 'disable'
  | 'debug'
  | 'size'
  | 'help';

interface CommandSpec {
  name: CommandName;
  aliases: readonly string[];
  /** The arguments part of the accepted form, empty when the command takes none. */
  args: string;
  summary: string;
}

const DURATION_FORM = '<n>h|<n>d|<n>w';

/** Every command once; usage texts, help and the README are all derived from this table. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'start',
    aliases: ['refresh'],
    args: '[sha]',
    summary:
      "Build and deploy the PR's head commit, or the given commit (7 or 40 hex characters); a running environment is replaced blue-green.",
  },
  { name: 'stop', aliases: ['destroy'], args: '', summary: "Tear down the PR's environments." },
  {
    name: 'status',
    aliases: [],
    args: '',
    summary: 'Reply, mentioning you, with the state, address and expiry of each environment of the PR.',
  },
  {
    name: 'extend',
    aliases: [],
    args: DURATION_FORM,
    summary: 'Restart the expiry clock with this duration, 1 hour to 4 weeks (e.g. `48h`, `3d`, `1w`).',
  },
  {
    name: 'keep-alive',
    aliases: [],
    args: '',
    summary: 'Remove the time limit: the environment stays until it is stopped or the PR is closed.',
  },
  {
    name: 'freeze',
    aliases: [],
    args: '',
    summary: 'Stop updating the environment when new commits are pushed.',
  },
  { name: 'unfreeze', aliases: [], args: '', summary: 'Update the environment on new commits again.' },
  {
    name: 'sleep',
    aliases: [],
    args: '',
    summary: 'Scale the environment to zero: it costs nothing and keeps its state; its TTL keeps running.',
  },
  {
    name: 'wake',
    aliases: [],
    args: '',
    summary: 'Bring a sleeping environment back (the start label and a push wake it too).',
  },
  {
    name: 'enable',
    aliases: [],
    args: '<FLAG>',
    summary: 'Switch the feature flag `SUPERSET_FEATURE_<FLAG>` on (uppercase name, no rebuild).',
  },
  { name: 'disable', aliases: [], args: '<FLAG>', summary: 'Switch the feature flag off again.' },
  { name: 'debug', aliases: [], args: 'on|off', summary: 'Turn debug mode on or off.' },
  {
    name: 'size',
    aliases: [],
    args: SIZES.join('|'),
    summary: 'Change the CPU and memory of the environment.',
  },
  { name: 'help', aliases: [], args: '', summary: 'Reply, mentioning you, with this list.' },
];

function formOf(spec: CommandSpec): string {
  return spec.args === '' ? `${COMMAND_PREFIX} ${spec.name}` : `${COMMAND_PREFIX} ${spec.name} ${spec.args}`;
}

const SPEC_BY_WORD = new Map<string, CommandSpec>();
for (const spec of COMMAND_SPECS) {
  SPEC_BY_WORD.set(spec.name, spec);
  for (const alias of spec.aliases) SPEC_BY_WORD.set(alias, spec);
}

/** One line naming every command with its arguments, for errors about an unknown command. */
export const COMMAND_SUMMARY = `${COMMAND_PREFIX} ${COMMAND_SPECS.map((s) => (s.args ? `${s.name} ${s.args}` : s.name)).join(', ')}`;

/** The reference of every command (Markdown), for help replies and the README. */
export const COMMAND_USAGE = [
  `Commands go at the start of a line of a PR comment; \`${COMMAND_PREFIX_ALIAS}\` works as well as \`${COMMAND_PREFIX}\`,`,
  'and one comment may hold several commands, one per line. Lines in quotes, code and HTML comments are ignored.',
  '',
  ...COMMAND_SPECS.map((spec) => {
    const aliases = spec.aliases.map((a) => ` (alias \`${a}\`)`).join('');
    return `- \`${formOf(spec)}\`${aliases}: ${spec.summary}`;
  }),
].join('\n');

export interface ParsedCommands {
  commands: Command[];
  errors: CommandError[];
}

/** Reads every command of a comment body, in order. Never throws; time and memory are linear in the body's length. */
export function parseCommands(body: string): ParsedCommands {
  const result: ParsedCommands = { commands: [], errors: [] };
  const reader = new MarkdownLines();
  const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const visible = reader.candidate(line);
    if (visible === undefined) continue;
    const parsed = parseCommandLine(visible);
    if (parsed === undefined) continue;
    if ('kind' in parsed) result.commands.push(parsed);
    else result.errors.push(parsed);
  }
  return result;
}

/** The canonical text of a command, which parseCommands reads back as the same command. */
export function formatCommand(command: Command): string {
  const words = [COMMAND_PREFIX, ...commandWords(command)];
  return words.join(' ');
}

function commandWords(command: Command): string[] {
  switch (command.kind) {
    case 'start':
      return command.sha === undefined ? ['start'] : ['start', command.sha];
    case 'extend':
      return ['extend', formatTtl(command.ttl)];
    case 'configure':
      return configureWords(command.change);
    default:
      return [command.kind];
  }
}

function configureWords(change: ConfigChange): string[] {
  switch (change.kind) {
    case 'flag':
      return [change.enabled ? 'enable' : 'disable', change.flag];
    case 'debug':
      return ['debug', change.enabled ? 'on' : 'off'];
    case 'size':
      return ['size', change.size];
  }
}

/**
 * Follows the block structure of a comment line by line and hands out the lines that may hold a command.
 * State carried between lines: an open code fence, or an open HTML comment.
 */
class MarkdownLines {
  private fence: { char: string; length: number; maxIndent: number } | undefined;
  private inComment = false;

  /** The line with HTML comments removed when it may hold a command, else undefined. */
  candidate(line: string): string | undefined {
    if (this.fence) {
      if (this.closesFence(line)) this.fence = undefined;
      return undefined;
    }
    if (this.inComment) {
      // A line that starts inside a comment is never a command line, even after the comment ends.
      const end = line.indexOf('-->');
      if (end >= 0) {
        this.inComment = false;
        this.stripComments(line.slice(end + 3));
      }
      return undefined;
    }
    if (this.opensFence(line)) return undefined;
    const indent = leadingSpaces(line);
    const rest = line.slice(indent);
    // Every line is scanned for comments, even those that are not candidates: a comment opened in a quote or an
    // indented line can hide the lines below it.
    const visible = this.stripComments(rest);
    // More than 3 spaces is indented code. A tab is no space: a tab-indented line (code too) does not start with `/`.
    if (indent > 3 || !rest.startsWith('/')) return undefined;
    return visible;
  }

  /** Removes `<!-- … -->` from the line; an unclosed one hides the rest of the line and the lines that follow. */
  private stripComments(text: string): string {
    let visible = '';
    let from = 0;
    for (;;) {
      const open = text.indexOf('<!--', from);
      if (open < 0) return visible + text.slice(from);
      visible += text.slice(from, open);
      // Searching past the whole opener keeps `<!-->` open: when unsure whether something is hidden, it is.
      const close = text.indexOf('-->', open + 4);
      if (close < 0) {
        this.inComment = true;
        return visible;
      }
      // Nothing replaces it, as in the rendered text: `/showtime<!-- -->stop` reads `/showtimestop`.
      from = close + 3;
    }
  }

  private opensFence(line: string): boolean {
    const match = FENCE_OPEN.exec(line);
    if (!match) return false;
    const [, indent = '', marker = '', run = '', info = ''] = match;
    const char = run.charAt(0);
    // A backtick run followed by more backticks on the line is inline code, not a fence.
    if (char === '`' && info.includes('`')) return false;
    // In a list item the code belongs to the item: its closing fence is indented like the item's content.
    this.fence = { char, length: run.length, maxIndent: indent.length + marker.length + 3 };
    return true;
  }

  private closesFence(line: string): boolean {
    const fence = this.fence;
    const match = FENCE_CLOSE.exec(line);
    if (!fence || !match) return false;
    const [, indent = '', run = ''] = match;
    return indent.length <= fence.maxIndent && run.charAt(0) === fence.char && run.length >= fence.length;
  }
}

// Up to 3 spaces, an optional list marker, then 3 or more backticks or tildes. The info string is matched with
// [\s\S] rather than `.` so that a U+2028 in it cannot make the engine backtrack through the fence run.
const FENCE_OPEN = /^( {0,3})((?:[-*+]|[0-9]{1,9}[.)])[ ]+)?(`{3,}|~{3,})([\s\S]*)$/;
const FENCE_CLOSE = /^( *)(`{3,}|~{3,})[ \t]*$/;

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 0x20) n++;
  return n;
}

/**
 * One candidate line (starting with `/`, comments removed): undefined when it is not addressed to showtime at all,
 * else the command or the error to reply with.
 */
function parseCommandLine(visible: string): Command | CommandError | undefined {
  const words = visible.trim().split(/\s+/);
  const prefix = asciiLower(words[0] ?? '');
  if (prefix !== COMMAND_PREFIX && prefix !== COMMAND_PREFIX_ALIAS) return undefined;
  const line = shorten(visible.trim(), MAX_QUOTED_LINE);
  const word = words[1];
  if (word === undefined) return { kind: 'help' };
  const spec = SPEC_BY_WORD.get(asciiLower(word));
  if (!spec) {
    return {
      line,
      message: `Unknown command \`${quoteWord(word)}\`.`,
      usage: COMMAND_SUMMARY,
    };
  }
  const parsed = parseArguments(spec, words.slice(2));
  if (typeof parsed === 'string') return { line, message: parsed, usage: formOf(spec) };
  return parsed;
}

/** The command, or the reason its arguments are wrong. */
function parseArguments(spec: CommandSpec, args: string[]): Command | string {
  const [first, ...extra] = args;
  const name = spec.name;
  if (spec.args === '' && first !== undefined) {
    return `\`${name}\` takes no arguments; remove \`${quoteWord(args.join(' '))}\`.`;
  }
  if (extra.length > 0)
    return `\`${name}\` takes a single argument; remove \`${quoteWord(extra.join(' '))}\`.`;
  switch (name) {
    case 'start':
      return parseStart(first);
    case 'extend':
      return first === undefined ? `\`extend\` needs a duration: ${DURATION_FORM}.` : parseExtend(first);
    case 'enable':
    case 'disable':
      return first === undefined
        ? `\`${name}\` needs a feature flag: ${FORMS.flag}.`
        : parseFlagChange(first, name === 'enable');
    case 'debug':
      return first === undefined ? '`debug` needs `on` or `off`.' : parseDebug(first);
    case 'size':
      return first === undefined ? `\`size\` needs one of ${FORMS.size}.` : parseSizeChange(first);
    default:
      return { kind: name };
  }
}

function parseStart(arg: string | undefined): Command | string {
  if (arg === undefined) return { kind: 'start' };
  const sha = parseSha(arg);
  return sha === undefined
    ? `\`${quoteWord(arg)}\` is not a commit SHA: ${FORMS.sha}.`
    : { kind: 'start', sha };
}

function parseExtend(arg: string): Command | string {
  const ttl: Ttl | undefined = parseTtl(asciiLower(arg));
  if (ttl === undefined) {
    return `\`${quoteWord(arg)}\` is not a duration: ${DURATION_FORM}, from 1 hour to 4 weeks, e.g. 48h.`;
  }
  if (ttl.kind !== 'duration') {
    return `\`extend\` takes a duration; to keep the environment without a time limit use \`${COMMAND_PREFIX} keep-alive\`.`;
  }
  return { kind: 'extend', ttl };
}

function parseFlagChange(arg: string, enabled: boolean): Command | string {
  const flag = parseFlag(arg);
  if (flag !== undefined) return { kind: 'configure', change: { kind: 'flag', flag, enabled } };
  const upper = asciiUpper(arg);
  if (upper !== arg && parseFlag(upper) !== undefined) {
    return `Feature flag names are uppercase: write \`${quoteWord(upper)}\`, not \`${quoteWord(arg)}\`.`;
  }
  return `\`${quoteWord(arg)}\` is not a feature flag name: ${FORMS.flag}.`;
}

function parseDebug(arg: string): Command | string {
  const value = asciiLower(arg);
  if (value === 'on' || value === 'off')
    return { kind: 'configure', change: { kind: 'debug', enabled: value === 'on' } };
  return `\`${quoteWord(arg)}\` is neither \`on\` nor \`off\`.`;
}

function parseSizeChange(arg: string): Command | string {
  const size: Size | undefined = parseSize(asciiLower(arg));
  return size === undefined
    ? `\`${quoteWord(arg)}\` is not a size: ${FORMS.size}.`
    : { kind: 'configure', change: { kind: 'size', size } };
}

// ASCII-only case mapping: Unicode case folding would turn look-alikes (e.g. the Kelvin sign) into command letters.
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** For inside backticks: a backtick would close them, and a mention would still notify in e-mail and Slack. */
function quoteWord(word: string): string {
  return neutraliseMentions(shorten(word, MAX_QUOTED_WORD).replace(/`/g, "'"));
}

/** At most `max` UTF-16 units, ending in … when cut, never splitting a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
