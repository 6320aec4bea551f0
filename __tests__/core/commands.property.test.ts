import fc from 'fast-check';
import { MAX_QUOTED_LINE, formatCommand, parseCommands } from '../../src/core/commands.js';
import type { Command } from '../../src/core/types.js';
import { SIZES } from '../../src/core/types.js';
import { MAX_TTL_HOURS, parseFlag } from '../../src/core/values.js';

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });

const flagName = fc
  .string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'), minLength: 1, maxLength: 32 })
  // A valid flag is one parseFlag keeps as it is (a name that starts with SUPERSET_FEATURE_ is written without it).
  .filter((flag) => parseFlag(flag) === flag);

/** Every Command the parser can produce. */
const validCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ kind: 'start' }),
  fc.oneof(hex(7), hex(40)).map((sha): Command => ({ kind: 'start', sha })),
  fc.constantFrom<Command>(
    { kind: 'stop' },
    { kind: 'status' },
    { kind: 'keep-alive' },
    { kind: 'freeze' },
    { kind: 'unfreeze' },
    { kind: 'help' },
  ),
  fc
    .integer({ min: 1, max: MAX_TTL_HOURS })
    .map((hours): Command => ({ kind: 'extend', ttl: { kind: 'duration', hours } })),
  fc
    .tuple(flagName, fc.boolean())
    .map(([flag, enabled]): Command => ({ kind: 'configure', change: { kind: 'flag', flag, enabled } })),
  fc.boolean().map((enabled): Command => ({ kind: 'configure', change: { kind: 'debug', enabled } })),
  fc.constantFrom(...SIZES).map((size): Command => ({ kind: 'configure', change: { kind: 'size', size } })),
);

/** Random ASCII case, the way people type commands. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

/** The canonical text of a command, retyped with another prefix, case, indentation and spacing. */
const retyped = (command: Command) => {
  const [, word = '', ...args] = formatCommand(command).split(' ');
  return fc
    .tuple(
      fc.constantFrom('/showtime', '/circus').chain(anyCase),
      anyCase(word),
      fc.constantFrom('', ' ', '  ', '   '),
      fc.constantFrom(' ', '  ', '\t', ' \t '),
      fc.constantFrom('', ' ', '\t'),
    )
    .map(([prefix, typed, indent, gap, trail]) => `${indent}${[prefix, typed, ...args].join(gap)}${trail}`);
};

/** Wraps command lines in Markdown that a reader does not take as commands. */
const HIDERS: Record<string, (lines: string[]) => string[]> = {
  fence: (lines) => ['```', ...lines, '```'],
  fenceWithInfo: (lines) => ['```console', ...lines, '```'],
  tildeFence: (lines) => ['~~~~', ...lines, '~~~~'],
  indentedFence: (lines) => ['  ```', ...lines, '   ```'],
  listFence: (lines) => ['- ```', ...lines.map((l) => `  ${l}`), '  ```'],
  quote: (lines) => lines.map((l) => `> ${l}`),
  indentedCode: (lines) => lines.map((l) => `    ${l}`),
  comment: (lines) => ['<!--', ...lines, '-->'],
  inlineComment: (lines) => lines.map((l) => `<!-- ${l} -->`),
  commentAfterText: (lines) => ['some text <!-- the bot wrote:', ...lines, 'end -->'],
};

/** Plain prose: no Markdown syntax that could open or close a block. */
const prose = fc.string({ unit: fc.constantFrom(...'abcdefghij ABC.,!?'), maxLength: 40 });

/** Text made of the pieces the parser cares about, so that random input reaches every state. */
const markdownSoup = fc
  .array(
    fc.constantFrom(
      '/showtime',
      '/circus',
      '/showtimes',
      ' start',
      ' stop',
      ' extend 2d',
      ' enable alerts',
      ' abc123f',
      ' ',
      '   ',
      '    ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '```',
      '~~~',
      '`',
      '<!--',
      '-->',
      '<!-->',
      '>',
      '- ',
      '1. ',
      '\u2028',
      '🎪',
      '\uFEFF',
      '\uD800',
    ),
    { maxLength: 300 },
  )
  .map((pieces) => pieces.join(''));

function expectWellFormed(body: string): void {
  const { commands, errors } = parseCommands(body);
  for (const command of commands) {
    expect(parseCommands(formatCommand(command))).toEqual({ commands: [command], errors: [] });
  }
  for (const error of errors) {
    expect(error.line.length).toBeLessThanOrEqual(MAX_QUOTED_LINE);
    expect(error.line.length).toBeGreaterThan(0);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.usage.startsWith('/showtime')).toBe(true);
  }
}

describe('parseCommands properties', () => {
  test('never throws, and whatever it returns is well formed (arbitrary unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), expectWellFormed), { numRuns: 500 });
  });

  test('never throws, and whatever it returns is well formed (Markdown soup)', () => {
    fc.assert(fc.property(markdownSoup, expectWellFormed), { numRuns: 1000 });
  });

  test('never throws on bodies of GitHub’s maximum size', () => {
    fc.assert(
      fc.property(fc.oneof(markdownSoup, fc.string({ unit: 'binary', maxLength: 200 })), (seed) => {
        const piece = seed.length > 0 ? seed : '/showtime start\n';
        const body = piece.repeat(Math.ceil(65_536 / piece.length)).slice(0, 65_536);
        expect(() => parseCommands(body)).not.toThrow();
      }),
      { numRuns: 30 },
    );
  });

  test('formatCommand then parseCommands gives the command back', () => {
    fc.assert(
      fc.property(validCommand, (command) => {
        expect(parseCommands(formatCommand(command))).toEqual({ commands: [command], errors: [] });
      }),
      { numRuns: 1000 },
    );
  });

  test('case, prefix alias, indentation and spacing do not change the command', () => {
    fc.assert(
      fc.property(
        validCommand.chain((command) => fc.tuple(fc.constant(command), retyped(command))),
        ([command, text]) => {
          expect(parseCommands(text)).toEqual({ commands: [command], errors: [] });
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('commands in code, quotes and comments are never returned; the others are, in order', () => {
    const block = fc.record({
      visible: fc.array(validCommand, { maxLength: 3 }),
      hidden: fc.array(validCommand, { minLength: 1, maxLength: 3 }),
      hider: fc.constantFrom(...Object.keys(HIDERS)),
      prose: fc.array(prose, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (blocks) => {
        const lines = blocks.flatMap((b) => [
          ...b.prose,
          ...b.visible.map(formatCommand),
          ...(HIDERS[b.hider] ?? (() => []))(b.hidden.map(formatCommand)),
        ]);
        expect(parseCommands(lines.join('\n'))).toEqual({
          commands: blocks.flatMap((b) => b.visible),
          errors: [],
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseCommands stays linear on hostile bodies', () => {
  const MAX = 65_536;
  test.each([
    ['one long backtick run', '`'.repeat(MAX)],
    ['a backtick run ending in a line separator', '`'.repeat(MAX - 1) + '\u2028'],
    ['a fence opener with a huge info string', '```' + 'x\u2028'.repeat(MAX / 2 - 2)],
    ['many fence lines', '```\n'.repeat(MAX / 4)],
    ['many comment openers', '<!--'.repeat(MAX / 4)],
    ['alternating openers and closers', '<!---->'.repeat(MAX / 7)],
    ['spaces then a word', ' '.repeat(MAX - 1) + 'x'],
    ['empty lines', '\n'.repeat(MAX)],
    ['one command with a huge argument', '/showtime start ' + 'a'.repeat(MAX - 16)],
    ['many commands', '/showtime status\n'.repeat(Math.floor(MAX / 17))],
    ['many errors', '/showtime x\n'.repeat(Math.floor(MAX / 12))],
    ['list markers', '1. '.repeat(MAX / 3)],
    ['a word of many spaces', '/showtime' + ' \t'.repeat(MAX / 2 - 5)],
  ])('%s', (_name, body) => {
    const started = performance.now();
    parseCommands(body);
    // Generous for a loaded 2-core machine; a quadratic path on 64 KiB takes seconds.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
