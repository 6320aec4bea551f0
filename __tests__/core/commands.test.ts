import {
  COMMAND_SPECS,
  COMMAND_SUMMARY,
  COMMAND_USAGE,
  MAX_QUOTED_LINE,
  formatCommand,
  parseCommands,
} from '../../src/core/commands.js';
import type { Command } from '../../src/core/types.js';

const SHA40 = 'abc123f0123456789abcdef0123456789abcdef0';

function commandsOf(body: string): Command[] {
  const { commands, errors } = parseCommands(body);
  expect(errors).toEqual([]);
  return commands;
}

describe('parseCommands: each command and alias', () => {
  test.each<[string, Command]>([
    ['/showtime start', { kind: 'start' }],
    ['/showtime refresh', { kind: 'start' }],
    ['/showtime start abc123f', { kind: 'start', sha: 'abc123f' }],
    [`/showtime start ${SHA40}`, { kind: 'start', sha: SHA40 }],
    [`/showtime refresh ${SHA40}`, { kind: 'start', sha: SHA40 }],
    ['/showtime stop', { kind: 'stop' }],
    ['/showtime destroy', { kind: 'stop' }],
    ['/showtime status', { kind: 'status' }],
    ['/showtime extend 1h', { kind: 'extend', ttl: { kind: 'duration', hours: 1 } }],
    ['/showtime extend 48h', { kind: 'extend', ttl: { kind: 'duration', hours: 48 } }],
    ['/showtime extend 3d', { kind: 'extend', ttl: { kind: 'duration', hours: 72 } }],
    ['/showtime extend 4w', { kind: 'extend', ttl: { kind: 'duration', hours: 672 } }],
    ['/showtime extend 48H', { kind: 'extend', ttl: { kind: 'duration', hours: 48 } }],
    ['/showtime keep-alive', { kind: 'keep-alive' }],
    ['/showtime freeze', { kind: 'freeze' }],
    ['/showtime unfreeze', { kind: 'unfreeze' }],
    [
      '/showtime enable ALERT_REPORTS',
      { kind: 'configure', change: { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true } },
    ],
    [
      '/showtime enable SUPERSET_FEATURE_ALERT_REPORTS',
      { kind: 'configure', change: { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true } },
    ],
    [
      '/showtime disable DASHBOARD_RBAC',
      { kind: 'configure', change: { kind: 'flag', flag: 'DASHBOARD_RBAC', enabled: false } },
    ],
    ['/showtime debug on', { kind: 'configure', change: { kind: 'debug', enabled: true } }],
    ['/showtime debug off', { kind: 'configure', change: { kind: 'debug', enabled: false } }],
    ['/showtime debug ON', { kind: 'configure', change: { kind: 'debug', enabled: true } }],
    ['/showtime size small', { kind: 'configure', change: { kind: 'size', size: 'small' } }],
    ['/showtime size medium', { kind: 'configure', change: { kind: 'size', size: 'medium' } }],
    ['/showtime size Large', { kind: 'configure', change: { kind: 'size', size: 'large' } }],
    ['/showtime help', { kind: 'help' }],
    ['/showtime', { kind: 'help' }],
    ['/circus', { kind: 'help' }],
    ['/circus refresh', { kind: 'start' }],
    ['/circus extend 24h', { kind: 'extend', ttl: { kind: 'duration', hours: 24 } }],
    ['/SHOWTIME STOP', { kind: 'stop' }],
    ['/Circus Keep-Alive', { kind: 'keep-alive' }],
    ['/showtime   start    abc123f  ', { kind: 'start', sha: 'abc123f' }],
    ['/showtime\tstatus', { kind: 'status' }],
    ['   /showtime status', { kind: 'status' }],
  ])('%j', (body, expected) => {
    expect(commandsOf(body)).toEqual([expected]);
  });
});

describe('parseCommands: bad arguments give an error quoting the line and the accepted form', () => {
  test.each<[string, RegExp, string]>([
    ['/showtime launch', /Unknown command `launch`/, COMMAND_SUMMARY],
    [
      '/showtime start now',
      /`now` is not a commit SHA: 7 or 40 lowercase hexadecimal/,
      '/showtime start [sha]',
    ],
    ['/showtime start ABC123F', /`ABC123F` is not a commit SHA/, '/showtime start [sha]'],
    ['/showtime start abc123', /is not a commit SHA/, '/showtime start [sha]'],
    ['/showtime start abc123f def4567', /takes a single argument; remove `def4567`/, '/showtime start [sha]'],
    ['/showtime stop now', /`stop` takes no arguments; remove `now`/, '/showtime stop'],
    ['/showtime destroy all of it', /`stop` takes no arguments; remove `all of it`/, '/showtime stop'],
    ['/showtime status please', /takes no arguments/, '/showtime status'],
    ['/showtime keep-alive 2d', /takes no arguments/, '/showtime keep-alive'],
    ['/showtime freeze x', /takes no arguments/, '/showtime freeze'],
    ['/showtime unfreeze x', /takes no arguments/, '/showtime unfreeze'],
    ['/showtime help me', /takes no arguments/, '/showtime help'],
    ['/showtime extend', /`extend` needs a duration/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend forever', /`forever` is not a duration/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend 5w', /from 1 hour to 4 weeks/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend 0h', /is not a duration/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend close', /use `\/showtime keep-alive`/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend manual', /use `\/showtime keep-alive`/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime extend 1d 2d', /takes a single argument; remove `2d`/, '/showtime extend <n>h|<n>d|<n>w'],
    ['/showtime enable', /`enable` needs a feature flag/, '/showtime enable <FLAG>'],
    [
      '/showtime enable alert_reports',
      /uppercase: write `ALERT_REPORTS`, not `alert_reports`/,
      '/showtime enable <FLAG>',
    ],
    ['/showtime disable Alerts', /uppercase: write `ALERTS`/, '/showtime disable <FLAG>'],
    [
      '/showtime enable ALERT-REPORTS',
      /`ALERT-REPORTS` is not a feature flag name/,
      '/showtime enable <FLAG>',
    ],
    [
      '/showtime enable ' + 'A'.repeat(33),
      /is not a feature flag name: .*at most 32/,
      '/showtime enable <FLAG>',
    ],
    ['/showtime disable', /`disable` needs a feature flag/, '/showtime disable <FLAG>'],
    ['/showtime debug', /`debug` needs `on` or `off`/, '/showtime debug on|off'],
    ['/showtime debug yes', /`yes` is neither `on` nor `off`/, '/showtime debug on|off'],
    ['/showtime size', /`size` needs one of small, medium, large/, '/showtime size small|medium|large'],
    [
      '/showtime size huge',
      /`huge` is not a size: small, medium, large/,
      '/showtime size small|medium|large',
    ],
    ['/showtime size large now', /takes a single argument/, '/showtime size small|medium|large'],
    ['/showtime start.', /Unknown command `start.`/, COMMAND_SUMMARY],
    ['/circus `start`', /Unknown command `'start'`/, COMMAND_SUMMARY],
    // The Kelvin sign lowercases to k under Unicode rules; command words are compared in ASCII only.
    ['/showtime \u212Aeep-alive', /Unknown command/, COMMAND_SUMMARY],
  ])('%j', (body, message, usage) => {
    const { commands, errors } = parseCommands(`  ${body}  `);
    expect(commands).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(body);
    expect(errors[0]?.message).toMatch(message);
    expect(errors[0]?.usage).toBe(usage);
  });

  test('a long line is quoted shortened to 100 characters', () => {
    const body = `/showtime stop ${'x'.repeat(500)}`;
    const [error] = parseCommands(body).errors;
    expect(error?.line).toHaveLength(MAX_QUOTED_LINE);
    expect(error?.line.endsWith('…')).toBe(true);
    expect(body.startsWith(error?.line.slice(0, -1) ?? '?')).toBe(true);
    expect(error?.message.length).toBeLessThan(100);
  });

  test('shortening never splits a surrogate pair', () => {
    const body = `/showtime stop ${'x'.repeat(83)}${'🎪'.repeat(20)}`;
    const [error] = parseCommands(body).errors;
    expect(error?.line).toBe(`/showtime stop ${'x'.repeat(83)}…`);
  });
});

describe('parseCommands: only lines addressed to showtime count', () => {
  test.each([
    ['/showtimes start'],
    ['/showtime-foo start'],
    ['/showtime:start'],
    ['/circuses'],
    ['showtime start'],
    ['please /showtime start'],
    ['I ran `/showtime start` yesterday'],
    ['`/showtime start`'],
    ['**/showtime start**'],
    ['/deploy start'],
    ['/'],
    [''],
    ['\u200b/showtime start'],
  ])('%j is not a command', (body) => {
    expect(parseCommands(body)).toEqual({ commands: [], errors: [] });
  });
});

describe('parseCommands: quotes, code and comments are ignored', () => {
  test.each([
    ['quote', '> /showtime start'],
    ['indented quote', '   > /showtime start'],
    ['nested quote', '> > /showtime start'],
    ['indented code', '    /showtime start'],
    ['deeply indented code', '        /showtime start'],
    ['tab-indented code', '\t/showtime start'],
    ['space then tab', '  \t/showtime start'],
    ['fenced code', '```\n/showtime start\n```'],
    ['fenced code with info', '```bash\n/showtime start\n```'],
    ['tilde fence', '~~~\n/showtime start\n~~~'],
    ['long fence', '`````\n/showtime start\n```\n/showtime stop\n`````'],
    ['indented fence', '   ```\n/showtime start\n   ```'],
    ['fence closed by a longer run', '```\n/showtime start\n``````'],
    ['fence not closed by the other character', '```\n/showtime start\n~~~\n/showtime stop\n```'],
    [
      'fence not closed by a line with text after the run',
      '```\n/showtime start\n``` x\n/showtime stop\n```',
    ],
    ['fence not closed by code indented 4 spaces', '```\n    ```\n/showtime start\n```'],
    ['unclosed fence hides the rest', 'text\n```\n/showtime start\n/showtime stop'],
    ['fence in a list item', '- ```\n  /showtime start\n  ```'],
    ['fence in an ordered list item', '1. ```\n   /showtime start\n   ```'],
    ['html comment on one line', '<!-- /showtime start -->'],
    ['html comment over lines', '<!--\n/showtime start\n/showtime stop\n-->'],
    ['html comment opened mid-line', 'Thanks! <!--\n/showtime start\n-->'],
    ['html comment opened in a quote', '> <!--\n/showtime start\n-->'],
    ['html comment opened in indented code', 'text\n    <!--\n/showtime start\n-->'],
    ['command right after a comment closes on the same line', '<!--\n-->/showtime start'],
    ['command after a one-line comment', '<!-- hidden -->/showtime start'],
    ['unclosed html comment hides the rest', '<!--\n/showtime start\n/showtime stop'],
    ['`<!-->` does not close a comment', '<!-->\n/showtime start'],
    ['comment reopened after closing', '<!-- a --> <!--\n/showtime start\n-->'],
    ['comment reopened on the line that closes one', '<!--\n--> <!--\n/showtime start\n-->'],
  ])('%s', (_name, body) => {
    expect(parseCommands(body)).toEqual({ commands: [], errors: [] });
  });

  test.each<[string, string, Command[]]>([
    ['after a closed fence', '```\n/showtime stop\n```\n/showtime start', [{ kind: 'start' }]],
    ['after a closed tilde fence', '~~~~\n/showtime stop\n~~~~\n/showtime start', [{ kind: 'start' }]],
    [
      'after a fence in a wide list item',
      '10. ```\n    /showtime stop\n    ```\n/showtime start',
      [{ kind: 'start' }],
    ],
    ['after a closed comment', '<!--\n/showtime stop\n-->\n/showtime start', [{ kind: 'start' }]],
    ['with a trailing comment', '/showtime start <!-- from the bot -->', [{ kind: 'start' }]],
    [
      'with a comment between words',
      '/showtime start <!-- x --> abc123f',
      [{ kind: 'start', sha: 'abc123f' }],
    ],
    ['opening a comment at its end', '/showtime start <!--\n/showtime stop\n-->', [{ kind: 'start' }]],
    ['after a quote', '> /showtime stop\n\n/showtime start', [{ kind: 'start' }]],
    ['after inline code on the line above', 'run `x`\n/showtime start', [{ kind: 'start' }]],
    ['after a fence inside a quote', '> ```\n/showtime start', [{ kind: 'start' }]],
    ['after backticks that are inline code', '```a`b\n/showtime start', [{ kind: 'start' }]],
    [
      'after a fence inside a comment (which is no fence)',
      '<!--\n```\n-->\n/showtime start',
      [{ kind: 'start' }],
    ],
    ['after a comment closing mid-line', '<!--\nx --> y\n/showtime start', [{ kind: 'start' }]],
    ['with CRLF line ends', '```\r\n/showtime stop\r\n```\r\n/showtime start\r\n', [{ kind: 'start' }]],
    ['with CR line ends', 'hi\r/showtime status', [{ kind: 'status' }]],
    ['after a byte order mark', '\uFEFF/showtime status', [{ kind: 'status' }]],
  ])('a command still counts %s', (_name, body, expected) => {
    expect(commandsOf(body)).toEqual(expected);
  });

  test('a comment glued to a word joins the words around it, as rendered', () => {
    expect(parseCommands('/showtime<!-- -->stop')).toEqual({ commands: [], errors: [] });
    expect(parseCommands('/showtime st<!-- -->op').commands).toEqual([{ kind: 'stop' }]);
  });
});

describe('parseCommands: several commands in one comment', () => {
  test('keeps the order of commands and reports errors alongside', () => {
    const body = [
      'Looks good, let us try it.',
      '',
      '/showtime enable ALERT_REPORTS',
      '/showtime size large',
      '> /showtime stop',
      '/showtime extend 2x',
      '/circus start abc123f',
      '```',
      '/showtime stop',
      '```',
      '/showtime debug on',
    ].join('\n');
    const { commands, errors } = parseCommands(body);
    expect(commands).toEqual([
      { kind: 'configure', change: { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true } },
      { kind: 'configure', change: { kind: 'size', size: 'large' } },
      { kind: 'start', sha: 'abc123f' },
      { kind: 'configure', change: { kind: 'debug', enabled: true } },
    ]);
    expect(errors).toEqual([
      {
        line: '/showtime extend 2x',
        message: expect.stringContaining('`2x` is not a duration'),
        usage: '/showtime extend <n>h|<n>d|<n>w',
      },
    ]);
  });

  test('the same command twice is returned twice', () => {
    expect(commandsOf('/showtime status\n/showtime status')).toEqual([
      { kind: 'status' },
      { kind: 'status' },
    ]);
  });
});

describe('formatCommand', () => {
  test.each<[Command, string]>([
    [{ kind: 'start' }, '/showtime start'],
    [{ kind: 'start', sha: 'abc123f' }, '/showtime start abc123f'],
    [{ kind: 'stop' }, '/showtime stop'],
    [{ kind: 'status' }, '/showtime status'],
    [{ kind: 'extend', ttl: { kind: 'duration', hours: 48 } }, '/showtime extend 2d'],
    [{ kind: 'extend', ttl: { kind: 'duration', hours: 5 } }, '/showtime extend 5h'],
    [{ kind: 'extend', ttl: { kind: 'duration', hours: 336 } }, '/showtime extend 2w'],
    [{ kind: 'extend', ttl: { kind: 'close' } }, '/showtime extend close'],
    [{ kind: 'keep-alive' }, '/showtime keep-alive'],
    [{ kind: 'freeze' }, '/showtime freeze'],
    [{ kind: 'unfreeze' }, '/showtime unfreeze'],
    [
      { kind: 'configure', change: { kind: 'flag', flag: 'ALERTS', enabled: true } },
      '/showtime enable ALERTS',
    ],
    [
      { kind: 'configure', change: { kind: 'flag', flag: 'ALERTS', enabled: false } },
      '/showtime disable ALERTS',
    ],
    [{ kind: 'configure', change: { kind: 'debug', enabled: true } }, '/showtime debug on'],
    [{ kind: 'configure', change: { kind: 'debug', enabled: false } }, '/showtime debug off'],
    [{ kind: 'configure', change: { kind: 'size', size: 'medium' } }, '/showtime size medium'],
    [{ kind: 'help' }, '/showtime help'],
  ])('%j → %s', (command, text) => {
    expect(formatCommand(command)).toBe(text);
  });
});

describe('COMMAND_USAGE', () => {
  test.each(COMMAND_SPECS.map((spec) => [spec.name, spec] as const))('documents %s', (_name, spec) => {
    const form = spec.args ? `/showtime ${spec.name} ${spec.args}` : `/showtime ${spec.name}`;
    expect(COMMAND_USAGE).toContain(`\`${form}\``);
    for (const alias of spec.aliases) expect(COMMAND_USAGE).toContain(`\`${alias}\``);
    expect(COMMAND_SUMMARY).toContain(spec.name);
  });

  test('mentions the /circus alias', () => {
    expect(COMMAND_USAGE).toContain('/circus');
  });

  test('every documented form parses (with an example argument)', () => {
    const examples: Record<string, string> = {
      '[sha]': 'abc123f',
      '<n>h|<n>d|<n>w': '24h',
      '<FLAG>': 'ALERTS',
      'on|off': 'off',
      'small|medium|large': 'small',
    };
    const body = COMMAND_SPECS.map(
      (s) => `/showtime ${s.name}${s.args ? ` ${examples[s.args] ?? '?'}` : ''}`,
    ).join('\n');
    const { commands, errors } = parseCommands(body);
    expect(errors).toEqual([]);
    expect(commands).toHaveLength(COMMAND_SPECS.length);
  });
});
