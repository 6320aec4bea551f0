import {
  BLOCKED,
  FREEZE,
  LABEL_DESCRIPTION_MAX_LENGTH,
  LABEL_MAX_LENGTH,
  LEGACY_PORT,
  LEGACY_TRIGGER,
  REQUESTER_MAX_LENGTH,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  activeLabel,
  addressLabel,
  buildingLabel,
  configCommandLabel,
  configLabels,
  configTokens,
  createdLabel,
  environmentLabels,
  formatLabelDate,
  isDefaultConfig,
  isStateLabel,
  isStrayStateLabel,
  labelDefinition,
  labelLength,
  lockLabel,
  parseLabel,
  parseLabelDate,
  requesterLabel,
  shortenRequester,
  statusLabel,
  ttlLabel,
} from '../../src/core/labels.js';
import {
  LOCK_DESCRIPTION_FORM,
  LOCK_HOLDER_MAX_LENGTH,
  formatLockDescription,
  parseLockDescription,
} from '../../src/core/locks.js';
import type { ParsedLabel, StateValue } from '../../src/core/labels.js';
import { STATUSES } from '../../src/core/types.js';
import type { ConfigChange, EnvConfig, Environment, Status, Ttl } from '../../src/core/types.js';
import { MAX_FLAG_LENGTH } from '../../src/core/values.js';
import { requireSha7 } from '../../src/core/values.js';

const SHA = requireSha7('abc123f');
const FULL_SHA = 'abc123f' + '9'.repeat(33);
const VS = '\ufe0f';
const DATE = new Date('2024-01-15T14:30:00Z');
const noConfig = (): EnvConfig => ({ flags: {}, debug: false });
const longestFlag = (c: string) => c.repeat(MAX_FLAG_LENGTH);

describe('constants', () => {
  test('keep their published text', () => {
    expect([TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, TRACKED, LEGACY_TRIGGER]).toEqual([
      '🎪 ⚡ showtime-trigger-start',
      '🎪 🛑 showtime-trigger-stop',
      '🎪 🧊 showtime-freeze',
      '🎪 🔒 showtime-blocked',
      '🎪 🎟️ showtime-tracked',
      'testenv-up',
    ]);
  });

  test('labelLength counts UTF-16 code units, never fewer than code points', () => {
    expect(labelLength('abc')).toBe(3);
    expect(labelLength('🎪')).toBe(2);
    expect(labelLength(`⚙${VS}`)).toBe(2);
    expect(labelLength('🎪 abc123f 🤡 ')).toBe(LABEL_MAX_LENGTH - REQUESTER_MAX_LENGTH);
    expect(LABEL_MAX_LENGTH).toBe(50);
  });
});

describe('parseLabel: fixed labels and triggers', () => {
  test.each<[string, ParsedLabel]>([
    [TRIGGER_START, { kind: 'trigger', trigger: 'start' }],
    [TRIGGER_STOP, { kind: 'trigger', trigger: 'stop' }],
    ['🎪 ⚡️ showtime-trigger-start', { kind: 'trigger', trigger: 'start' }],
    ['🎪 ⚡ Showtime-Trigger-Start', { kind: 'trigger', trigger: 'start' }],
    [LEGACY_TRIGGER, { kind: 'trigger', trigger: 'legacy-up' }],
    ['Testenv-Up', { kind: 'trigger', trigger: 'legacy-up' }],
    [FREEZE, { kind: 'freeze' }],
    [BLOCKED, { kind: 'blocked' }],
    [TRACKED, { kind: 'tracked' }],
    ['🎪 🎟 showtime-tracked', { kind: 'tracked' }],
  ])('%j', (name, parsed) => {
    expect(parseLabel(name)).toEqual(parsed);
  });
});

describe('parseLabel: foreign labels', () => {
  test.each([
    'bug',
    '',
    '🎪',
    '🎪x',
    '🎪🚦 running',
    ' 🎪 abc123f 🚦 running',
    'testenv-up-please',
    'showtime-trigger-start',
    '🎟️ showtime-tracked',
  ])('%j', (name) => {
    expect(parseLabel(name)).toEqual({ kind: 'foreign' });
  });
});

describe('parseLabel: config commands', () => {
  test.each<[string, ConfigChange]>([
    ['🎪 conf-enable-ALERTS', { kind: 'flag', flag: 'ALERTS', enabled: true }],
    ['🎪 conf-enable-alert_reports', { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true }],
    ['🎪 conf-enable-SUPERSET_FEATURE_ALERTS', { kind: 'flag', flag: 'ALERTS', enabled: true }],
    ['🎪 conf-disable-EMBEDDED', { kind: 'flag', flag: 'EMBEDDED', enabled: false }],
    ['🎪 CONF-DISABLE-embedded', { kind: 'flag', flag: 'EMBEDDED', enabled: false }],
    ['🎪 conf-debug-on', { kind: 'debug', enabled: true }],
    ['🎪 conf-debug-off', { kind: 'debug', enabled: false }],
    ['🎪 conf-size-small', { kind: 'size', size: 'small' }],
    ['🎪 conf-size-Large', { kind: 'size', size: 'large' }],
  ])('%j', (name, change) => {
    expect(parseLabel(name)).toEqual({ kind: 'config-command', change });
  });

  test.each([
    ['🎪 conf-enable-', 'feature flag ""'],
    ['🎪 conf-enable-BAD-FLAG', 'feature flag "BAD-FLAG"'],
    ['🎪 conf-disable-' + 'A'.repeat(MAX_FLAG_LENGTH + 1), 'at most 32 characters'],
    ['🎪 conf-size-huge', 'size "huge" is not one of small, medium, large'],
    ['🎪 conf-debug-maybe', 'configuration command "conf-debug-maybe" is unknown'],
    ['🎪 conf-', 'configuration command "conf-" is unknown'],
  ])('%j is malformed: %s', (name, reason) => {
    const parsed = parseLabel(name);
    expect(parsed.kind).toBe('malformed');
    expect(parsed.kind === 'malformed' && parsed.reason).toContain(reason);
    expect(parsed.kind === 'malformed' && parsed.reason).toContain('🎪 conf-enable-<FLAG>');
  });

  test.each<ConfigChange>([
    { kind: 'flag', flag: 'ALERTS', enabled: true },
    { kind: 'flag', flag: longestFlag('Z'), enabled: false },
    { kind: 'flag', flag: longestFlag('Z'), enabled: true },
    { kind: 'debug', enabled: true },
    { kind: 'debug', enabled: false },
    { kind: 'size', size: 'small' },
    { kind: 'size', size: 'medium' },
    { kind: 'size', size: 'large' },
  ])('configCommandLabel(%j) fits and parses back', (change) => {
    const name = configCommandLabel(change);
    expect(labelLength(name)).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
    expect(parseLabel(name)).toEqual({ kind: 'config-command', change });
  });

  test.each<[ConfigChange, string]>([
    [{ kind: 'flag', flag: 'ALERTS', enabled: true }, '🎪 conf-enable-ALERTS'],
    [{ kind: 'flag', flag: 'ALERTS', enabled: false }, '🎪 conf-disable-ALERTS'],
    [{ kind: 'debug', enabled: true }, '🎪 conf-debug-on'],
    [{ kind: 'debug', enabled: false }, '🎪 conf-debug-off'],
    [{ kind: 'size', size: 'large' }, '🎪 conf-size-large'],
  ])('configCommandLabel(%j) is %j', (change, name) => {
    expect(configCommandLabel(change)).toBe(name);
  });

  test.each<[ConfigChange, string]>([
    [{ kind: 'flag', flag: 'alerts', enabled: true }, 'feature flag "alerts"'],
    [{ kind: 'flag', flag: 'SUPERSET_FEATURE_X', enabled: true }, 'feature flag "SUPERSET_FEATURE_X"'],
    [{ kind: 'size', size: 'huge' as never }, 'size "huge"'],
  ])('configCommandLabel(%j) throws', (change, message) => {
    expect(() => configCommandLabel(change)).toThrow(message);
  });
});

describe('parseLabel: state labels in every form', () => {
  const values: [string, string, StateValue][] = [
    ['🚦', 'running', { kind: 'status', status: 'running' }],
    ['🚦', 'failed', { kind: 'status', status: 'failed' }],
    ['📅', '2024-01-15T14-30', { kind: 'created', createdAt: DATE }],
    ['📅', '2024-01-15T14-30Z', { kind: 'created', createdAt: DATE }],
    ['🌐', '52.1.2.3:8080', { kind: 'address', address: { host: '52.1.2.3', port: 8080 } }],
    ['🌐', '52-1-2-3', { kind: 'address', address: { host: '52.1.2.3', port: LEGACY_PORT } }],
    ['🌐', '255.0.10.199:65535', { kind: 'address', address: { host: '255.0.10.199', port: 65535 } }],
    [
      '🌐',
      'pr-7.showtime.example.org',
      { kind: 'address', address: { host: 'pr-7.showtime.example.org', port: 443 } },
    ],
    ['🌐', 'pr-12345.preview.io', { kind: 'address', address: { host: 'pr-12345.preview.io', port: 443 } }],
    ['⌛', '24h', { kind: 'ttl', ttl: { kind: 'duration', hours: 24 } }],
    ['⌛', '2w', { kind: 'ttl', ttl: { kind: 'duration', hours: 336 } }],
    ['⌛', 'close', { kind: 'ttl', ttl: { kind: 'close' } }],
    ['⌛', 'manual', { kind: 'ttl', ttl: { kind: 'manual' } }],
    ['🤡', 'maxime', { kind: 'requester', requester: 'maxime' }],
    ['🤡', 'dependabot[bot]', { kind: 'requester', requester: 'dependabot[bot]' }],
    ['👤', 'maxime', { kind: 'requester', requester: 'maxime' }],
    [`⚙${VS}`, 'ALERTS', { kind: 'config', config: { flags: { ALERTS: true }, debug: false } }],
    ['⚙', '!ALERTS,debug', { kind: 'config', config: { flags: { ALERTS: false }, debug: true } }],
    ['⚙', 'large', { kind: 'config', config: { flags: {}, debug: false, size: 'large' } }],
    [`⚙${VS}`, 'standard,alerts,debug', { kind: 'config', config: { flags: { ALERTS: true }, debug: true } }],
  ];

  test.each(values)('🎪 %s … %s (sha-first, emoji-first, global)', (emoji, value, expected) => {
    expect(parseLabel(`🎪 ${SHA} ${emoji} ${value}`)).toEqual({ ...expected, form: 'sha-first', sha: SHA });
    expect(parseLabel(`🎪 ${emoji} ${SHA} ${value}`)).toEqual({ ...expected, form: 'emoji-first', sha: SHA });
    expect(parseLabel(`🎪 ${emoji} ${value}`)).toEqual({ ...expected, form: 'global' });
  });

  test.each([
    ['🚦', 'runnin', 'status "runnin" is not building, built'],
    ['🚦', 'Running', 'status "Running"'],
    ['📅', '2024-02-30T10-00', 'creation time "2024-02-30T10-00" is not YYYY-MM-DDTHH-MM'],
    ['📅', '2024-01-15T24-00', 'creation time'],
    ['📅', '2024-01-15T14:30', 'creation time'],
    ['🌐', '52.1.2.3', 'address "52.1.2.3" is not <IPv4>:<port>'],
    ['🌐', '52.1.2.256:80', 'address'],
    ['🌐', '52.1.2.3:0', 'address'],
    ['🌐', '52.1.2.3:65536', 'address'],
    ['🌐', '52.01.2.3:80', 'address'],
    ['🌐', 'example.com:80', 'address'],
    ['🌐', '52-1-2-3:80', 'address'],
    ['🌐', 'pr-7.example.com:443', 'address'],
    ['🌐', 'pr-7.Example.com', 'address'],
    ['🌐', 'pr-07.example.com', 'address'],
    ['🌐', 'pr-7', 'address'],
    ['🌐', 'pr-7.example.123', 'address'],
    ['⌛', '5w', 'TTL "5w" is not <n>h, <n>d or <n>w'],
    ['🤡', '-maxime', 'requester "-maxime" is not a GitHub login'],
    ['🤡', 'a'.repeat(40), 'requester'],
    ['⚙', 'ALERTS,!ALERTS', 'configuration token "!ALERTS" switches ALERTS both on and off'],
    ['⚙', 'small,large', 'configuration token "large" contradicts size small'],
    ['⚙', 'ALERTS,', 'configuration token "" is not a flag, debug or a size'],
    ['⚙', 'SUPERSET_FEATURE_ALERTS', 'configuration token "SUPERSET_FEATURE_ALERTS"'],
    ['⚙', 'BAD-FLAG', 'expected comma-separated tokens'],
  ])('🎪 … %s %j is malformed in every form', (emoji, value, reason) => {
    for (const name of [
      `🎪 ${SHA} ${emoji} ${value}`,
      `🎪 ${emoji} ${SHA} ${value}`,
      `🎪 ${emoji} ${value}`,
    ]) {
      const parsed = parseLabel(name);
      expect(parsed).toEqual({ kind: 'malformed', reason: expect.stringContaining(reason) });
    }
  });

  test('a value containing a variation selector after ASCII is not silently accepted', () => {
    expect(parseLabel(`🎪 ${SHA} 🚦 runn${VS}ing`).kind).toBe('malformed');
  });

  test('`!debug` and upper-case size words are flags, lower-case size words are sizes', () => {
    expect(parseLabel(`🎪 ${SHA} ⚙ !debug,SMALL,small`)).toMatchObject({
      config: { flags: { DEBUG: false, SMALL: true }, debug: false, size: 'small' },
    });
  });
});

describe('parseLabel: pointers, locks and malformed shapes', () => {
  test.each<[string, ParsedLabel]>([
    [`🎪 🎯 ${SHA}`, { kind: 'pointer', pointer: 'active', sha: SHA }],
    [`🎪 🏗${VS} ${SHA}`, { kind: 'pointer', pointer: 'building', sha: SHA }],
    [`🎪 🏗 ${SHA}`, { kind: 'pointer', pointer: 'building', sha: SHA }],
    ['🎪 🔐 lock-pr-1234', { kind: 'lock', pr: 1234 }],
    ['🎪 🔐 LOCK-PR-7', { kind: 'lock', pr: 7 }],
    ['🎪 🔐 lock-pr-1234-abc123f', { kind: 'lock', pr: 1234, sha: requireSha7('abc123f') }],
  ])('%j', (name, parsed) => {
    expect(parseLabel(name)).toEqual(parsed);
  });

  test.each([
    ['🎪 🎯', 'active pointer carries exactly one SHA; expected 🎪 🎯 abc123f'],
    [`🎪 🎯 ${SHA} running`, 'active pointer carries exactly one SHA'],
    ['🎪 🏗️ ABC123F', `SHA "ABC123F" is not 7 lowercase hexadecimal characters`],
    [`🎪 🎯 ${FULL_SHA}`, 'is not 7 lowercase hexadecimal'],
    ['🎪 🔐 lock-pr-0', 'is not 🎪 🔐 lock-pr-<PR number>'],
    ['🎪 🔐 lock-pr-12x', 'lock label'],
    ['🎪 🔐 lock-pr-99999999999999999', 'lock label'],
    ['🎪 🔐 lock-pr-1 extra', 'lock label'],
    ['🎪 ', 'is not a showtime label'],
    ['🎪 hello', 'is not a showtime label'],
    ['🎪 constructor x', 'is not a showtime label'],
    ['🎪 toString', 'is not a showtime label'],
    [`🎪 ${SHA} __proto__ x`, 'is not a showtime label'],
    ['🎪 🚦', 'status label has no value or too many parts'],
    ['🎪 🚦 a b c', 'status label has no value or too many parts'],
    [`🎪 🚦 ABC123F running`, 'SHA "ABC123F"'],
    [`🎪 ${SHA} 🚦`, 'status label needs one value; expected 🎪 abc123f 🚦 <value>'],
    [`🎪 ${SHA} 🚦 running extra`, 'status label needs one value'],
    [`🎪 abc123 🚦 running`, 'SHA "abc123"'],
    [`🎪 ${FULL_SHA} 🚦 running`, 'is not 7 lowercase hexadecimal'],
    [`🎪  ${SHA} 🚦 running`, 'is not a showtime label'],
  ])('%j is malformed: %s', (name, reason) => {
    expect(parseLabel(name)).toEqual({ kind: 'malformed', reason: expect.stringContaining(reason) });
  });
});

describe('renderers', () => {
  test.each<[string, string]>([
    [statusLabel(SHA, 'running'), '🎪 abc123f 🚦 running'],
    [statusLabel(FULL_SHA, 'building'), '🎪 abc123f 🚦 building'],
    [createdLabel(SHA, new Date('2024-01-15T14:30:59.999Z')), '🎪 abc123f 📅 2024-01-15T14-30'],
    [addressLabel(SHA, { host: '52.1.2.3', port: 8080 }), '🎪 abc123f 🌐 52.1.2.3:8080'],
    [
      addressLabel(SHA, { host: 'pr-7.showtime.example.org', port: 443 }),
      '🎪 abc123f 🌐 pr-7.showtime.example.org',
    ],
    [ttlLabel(SHA, { kind: 'duration', hours: 48 }), '🎪 abc123f ⌛ 2d'],
    [ttlLabel(SHA, { kind: 'close' }), '🎪 abc123f ⌛ close'],
    [requesterLabel(SHA, 'maxime'), '🎪 abc123f 🤡 maxime'],
    [activeLabel(FULL_SHA), '🎪 🎯 abc123f'],
    [buildingLabel(SHA), `🎪 🏗${VS} abc123f`],
    [lockLabel(1234), '🎪 🔐 lock-pr-1234'],
    [lockLabel(1234, 'abc123f0123456789abcdef0123456789abcdef0'), '🎪 🔐 lock-pr-1234-abc123f'],
  ])('%j', (rendered, expected) => {
    expect(rendered).toBe(expected);
  });

  test('configuration labels carry canonical tokens: size, debug, then flags in code-unit order', () => {
    const config: EnvConfig = {
      flags: { B: true, EMBEDDED: false, ALERTS: true },
      debug: true,
      size: 'large',
    };
    expect(configTokens(config)).toEqual(['large', 'debug', 'ALERTS', 'B', '!EMBEDDED']);
    expect(configLabels(SHA, config)).toEqual([`🎪 abc123f ⚙${VS} large,debug,ALERTS,B,!EMBEDDED`]);
  });

  test('the default configuration renders no label', () => {
    expect(configLabels(SHA, noConfig())).toEqual([]);
    expect(isDefaultConfig(noConfig())).toBe(true);
    expect(isDefaultConfig({ flags: {}, debug: false, size: 'small' })).toBe(false);
    expect(isDefaultConfig({ flags: {}, debug: true })).toBe(false);
    expect(isDefaultConfig({ flags: { A: false }, debug: false })).toBe(false);
  });

  test.each<[string, () => unknown, string]>([
    [
      'bad sha',
      () => statusLabel('ABC123F', 'running'),
      'SHA "ABC123F" is not 7 or 40 lowercase hexadecimal',
    ],
    ['bad status', () => statusLabel(SHA, 'napping' as Status), 'status "napping" is not one of building'],
    [
      'IPv6 address',
      () => addressLabel(SHA, { host: '::1', port: 80 }),
      'address "::1:80" is not <IPv4>:<port>',
    ],
    ['host name', () => addressLabel(SHA, { host: 'example.com', port: 80 }), 'address'],
    ['preview host on port 80', () => addressLabel(SHA, { host: 'pr-7.example.com', port: 80 }), 'address'],
    ['host not a preview host', () => addressLabel(SHA, { host: 'example.com', port: 443 }), 'address'],
    [
      'preview host too long for a label',
      () => addressLabel(SHA, { host: `pr-7.${'a'.repeat(30)}.org`, port: 443 }),
      'a host name of at most 36 characters',
    ],
    ['port 0', () => addressLabel(SHA, { host: '1.2.3.4', port: 0 }), 'address'],
    ['port too big', () => addressLabel(SHA, { host: '1.2.3.4', port: 65536 }), 'address'],
    ['fractional port', () => addressLabel(SHA, { host: '1.2.3.4', port: 80.5 }), 'address'],
    ['ttl too long', () => ttlLabel(SHA, { kind: 'duration', hours: 1000 }), 'TTL "1000h" is not'],
    ['ttl fraction', () => ttlLabel(SHA, { kind: 'duration', hours: 1.5 }), 'TTL "1.5h"'],
    ['bad login', () => requesterLabel(SHA, 'max b'), 'requester "max b" is not a GitHub login'],
    ['overlong login', () => requesterLabel(SHA, 'a'.repeat(50)), 'requester'],
    [
      'bad flag',
      () => configLabels(SHA, { flags: { 'bad-flag': true }, debug: false }),
      'feature flag "bad-flag"',
    ],
    ['bad size', () => configLabels(SHA, { flags: {}, debug: false, size: 'xl' as never }), 'size "xl"'],
    ['invalid date', () => createdLabel(SHA, new Date(NaN)), 'a valid date between years 0000 and 9999'],
    ['year 10000', () => createdLabel(SHA, new Date('+010000-01-01T00:00:00Z')), 'cannot be written'],
    ['negative year', () => createdLabel(SHA, new Date('-000001-01-01T00:00:00Z')), 'cannot be written'],
    ['pr 0', () => lockLabel(0), 'PR number "0" is not a positive integer'],
    ['pr fraction', () => lockLabel(1.5), 'PR number'],
    ['lock sha', () => lockLabel(1, 'main'), 'SHA "main" is not'],
    ['pointer sha', () => activeLabel('nope'), 'SHA "nope"'],
    ['building sha', () => buildingLabel('nope'), 'SHA "nope"'],
  ])('%s throws', (_, render, message) => {
    expect(render).toThrow(message);
  });

  test('environmentLabels lists the fields present in a stable order', () => {
    const env: Environment = {
      sha: SHA,
      status: 'running',
      createdAt: DATE,
      address: { host: '52.1.2.3', port: 8080 },
      ttl: { kind: 'duration', hours: 24 },
      requester: 'maxime',
      config: { flags: { ALERTS: true }, debug: false },
      labels: [],
    };
    expect(environmentLabels(env)).toEqual([
      '🎪 abc123f 🚦 running',
      '🎪 abc123f 📅 2024-01-15T14-30',
      '🎪 abc123f 🌐 52.1.2.3:8080',
      '🎪 abc123f ⌛ 1d',
      '🎪 abc123f 🤡 maxime',
      `🎪 abc123f ⚙${VS} ALERTS`,
    ]);
    expect(environmentLabels({ sha: SHA, config: noConfig(), labels: [] })).toEqual([]);
  });
});

describe('length limits', () => {
  test.each(STATUSES)('status %s fits', (status) => {
    expect(labelLength(statusLabel(SHA, status))).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
  });

  test.each([
    ['a login that just fits', 'a'.repeat(REQUESTER_MAX_LENGTH), 'a'.repeat(REQUESTER_MAX_LENGTH)],
    ['the longest login', 'a'.repeat(39), 'a'.repeat(REQUESTER_MAX_LENGTH - 1) + '…'],
    ['the longest bot', 'b'.repeat(39) + '[bot]', 'b'.repeat(REQUESTER_MAX_LENGTH - 1) + '…'],
    ['a bot cut inside [bot]', 'c'.repeat(32) + '[bot]', 'c'.repeat(32) + '[bo…'],
    ['a login cut after a hyphen', 'd'.repeat(34) + '-ab', 'd'.repeat(34) + '-…'],
  ])('%s is shortened deterministically and read back as stored', (_, login, stored) => {
    expect(shortenRequester(login)).toBe(stored);
    const name = requesterLabel(SHA, login);
    expect(labelLength(name)).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
    expect(parseLabel(name)).toMatchObject({ kind: 'requester', requester: stored });
    // A stored (shortened) requester renders to the same label again.
    expect(requesterLabel(SHA, stored)).toBe(name);
  });

  test.each([
    ['too short to be a shortening', 'abc…'],
    ['a shortening of something that is not a login', '-'.repeat(REQUESTER_MAX_LENGTH - 1) + '…'],
    ['a hyphen before [bot', 'a'.repeat(30) + '-[bot…'],
  ])('requester %s is malformed', (_, text) => {
    expect(parseLabel(`🎪 ${SHA} 🤡 ${text}`).kind).toBe('malformed');
  });

  test('the longest flag set splits into several labels, each within the limit, merged back losslessly', () => {
    const flags = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        longestFlag('F').slice(0, -2) + String(i).padStart(2, '0'),
        i % 3 > 0,
      ]),
    );
    const config: EnvConfig = { flags, debug: true, size: 'medium' };
    const names = configLabels(FULL_SHA, config);
    expect(names.length).toBeGreaterThanOrEqual(40);
    const merged: EnvConfig = noConfig();
    for (const name of names) {
      expect(labelLength(name)).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
      const parsed = parseLabel(name);
      if (parsed.kind !== 'config') throw new Error(`${name} did not parse as config`);
      Object.assign(merged.flags, parsed.config.flags);
      merged.debug ||= parsed.config.debug;
      if (parsed.config.size) merged.size = parsed.config.size;
    }
    expect(merged).toEqual(config);
  });

  test('short tokens share a label up to the limit', () => {
    const flags = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`F${String(i).padStart(2, '0')}`, true]),
    );
    const names = configLabels(SHA, { flags, debug: false });
    expect(names.map(labelLength).every((n) => n <= LABEL_MAX_LENGTH)).toBe(true);
    // 20 tokens of 3 characters need 20 * 4 - 1 = 79 characters of value, 36 per label: 3 labels, first one full.
    expect(names).toHaveLength(3);
    expect(labelLength(names[0] ?? '')).toBeGreaterThan(LABEL_MAX_LENGTH - 4);
  });

  test.each([
    ['the widest address', addressLabel(SHA, { host: '255.255.255.255', port: 65535 })],
    ['the widest date', createdLabel(SHA, new Date('9999-12-31T23:59:00Z'))],
    ['the widest TTL', ttlLabel(SHA, { kind: 'manual' })],
    ['the building pointer', buildingLabel(SHA)],
    ['the largest lock', lockLabel(Number.MAX_SAFE_INTEGER, 'abc123f')],
    [
      'the longest conf command',
      configCommandLabel({ kind: 'flag', flag: longestFlag('X'), enabled: false }),
    ],
  ])('%s fits', (_, name) => {
    expect(labelLength(name)).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
    expect(parseLabel(name).kind).not.toBe('malformed');
  });
});

describe('📅 dates', () => {
  test.each([
    [new Date('2024-01-15T14:30:00Z'), '2024-01-15T14-30'],
    [new Date('2024-01-15T14:30:59.999Z'), '2024-01-15T14-30'],
    [new Date('2024-02-29T00:00:00Z'), '2024-02-29T00-00'],
    [new Date('0099-12-31T23:59:00Z'), '0099-12-31T23-59'],
  ])('formatLabelDate(%s) = %j', (date, text) => {
    expect(formatLabelDate(date)).toBe(text);
  });

  test.each([
    ['2024-01-15T14-30', '2024-01-15T14:30:00.000Z'],
    ['2024-01-15T14-30Z', '2024-01-15T14:30:00.000Z'],
    ['2024-02-29T23-59', '2024-02-29T23:59:00.000Z'],
    ['0099-12-31T23-59', '0099-12-31T23:59:00.000Z'],
    ['2023-02-29T00-00', undefined],
    ['2024-13-01T00-00', undefined],
    ['2024-00-01T00-00', undefined],
    ['2024-01-00T00-00', undefined],
    ['2024-01-15T14-60', undefined],
    ['2024-01-15T14-30z', undefined],
    ['2024-01-15T14-30-00', undefined],
    ['2024-01-15 14-30', undefined],
    ['', undefined],
  ])('parseLabelDate(%j) = %s', (text, iso) => {
    expect(parseLabelDate(text)?.toISOString()).toBe(iso);
  });
});

describe('lock description', () => {
  test('names holder and expiry, rounding the expiry up to the minute', () => {
    const text = formatLockDescription({
      holder: 'run 123456/1',
      expiresAt: new Date('2024-01-15T14:30:01Z'),
    });
    expect(text).toBe('showtime lock held by run 123456/1 until 2024-01-15T14:31Z');
    expect(parseLockDescription(text)).toEqual({
      holder: 'run 123456/1',
      expiresAt: new Date('2024-01-15T14:31Z'),
    });
  });

  test('an expiry on the minute is kept', () => {
    const text = formatLockDescription({ holder: 'r', expiresAt: new Date('2024-01-15T14:30:00Z') });
    expect(text.endsWith('until 2024-01-15T14:30Z')).toBe(true);
  });

  test('the longest holder fits the description limit', () => {
    const text = formatLockDescription({ holder: 'h'.repeat(LOCK_HOLDER_MAX_LENGTH), expiresAt: DATE });
    expect(text.length).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX_LENGTH);
  });

  test('a holder that itself says " until " is read back whole', () => {
    const lease = { holder: 'run 1 until later', expiresAt: DATE };
    expect(parseLockDescription(formatLockDescription(lease))).toEqual(lease);
  });

  test.each(['', ' run 1', 'run 1 ', 'run\n1', 'h'.repeat(LOCK_HOLDER_MAX_LENGTH + 1), 'a\u200db'])(
    'holder %j is refused',
    (holder) => {
      expect(() => formatLockDescription({ holder, expiresAt: DATE })).toThrow('lock holder');
    },
  );

  test.each([
    '',
    'showtime lock held by run 1',
    'showtime lock held by  until 2024-01-15T14:30Z',
    'showtime lock held by run 1 until 2024-01-15T14-30',
    'showtime lock held by run 1 until 2024-02-30T14:30Z',
    'showtime lock held by run 1 until 2024-01-15T14:30:00Z',
    'lock held by run 1 until 2024-01-15T14:30Z',
  ])('%j is not a lock description', (text) => {
    expect(parseLockDescription(text)).toBeUndefined();
  });

  test('the accepted form is stated for messages', () => {
    expect(LOCK_DESCRIPTION_FORM).toContain('<holder> until <YYYY-MM-DDTHH:MMZ>');
  });
});

describe('label catalogue', () => {
  const ttls: Ttl[] = [{ kind: 'duration', hours: 24 }, { kind: 'close' }, { kind: 'manual' }];
  const everyLabel = [
    TRIGGER_START,
    TRIGGER_STOP,
    FREEZE,
    BLOCKED,
    TRACKED,
    LEGACY_TRIGGER,
    ...STATUSES.map((s) => statusLabel(SHA, s)),
    createdLabel(SHA, DATE),
    addressLabel(SHA, { host: '255.255.255.255', port: 65535 }),
    ...ttls.map((t) => ttlLabel(SHA, t)),
    requesterLabel(SHA, 'a'.repeat(39) + '[bot]'),
    ...configLabels(SHA, { flags: { ALERTS: true }, debug: true, size: 'large' }),
    activeLabel(SHA),
    buildingLabel(SHA),
    lockLabel(Number.MAX_SAFE_INTEGER),
    configCommandLabel({ kind: 'flag', flag: longestFlag('X'), enabled: true }),
    configCommandLabel({ kind: 'flag', flag: 'X', enabled: false }),
    configCommandLabel({ kind: 'debug', enabled: true }),
    configCommandLabel({ kind: 'debug', enabled: false }),
    configCommandLabel({ kind: 'size', size: 'small' }),
    '🎪 🚦 abc123f running',
    '🎪 📅 2024-01-15T14-30',
  ];

  test.each(everyLabel)('%j has a colour and a useful description', (name) => {
    const definition = labelDefinition(name);
    expect(definition?.name).toBe(name);
    expect(definition?.color).toMatch(/^[0-9a-f]{6}$/);
    expect(definition?.description.length).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX_LENGTH);
    expect(definition?.description).toMatch(/^Showtime: \S/);
  });

  test.each<[Status, string]>([
    ['running', '0e8a16'],
    ['failed', 'd73a4a'],
    ['building', 'fbca04'],
  ])('status %s is coloured %s', (status, color) => {
    expect(labelDefinition(statusLabel(SHA, status))?.color).toBe(color);
  });

  test('every status has its own colour', () => {
    const colors = STATUSES.map((s) => labelDefinition(statusLabel(SHA, s))?.color);
    expect(new Set(colors).size).toBe(STATUSES.length);
  });

  test.each([
    [statusLabel(SHA, 'running'), 'environment abc123f is running'],
    ['🎪 🚦 running', 'the active environment is running'],
    [ttlLabel(SHA, { kind: 'duration', hours: 48 }), 'lives 2d'],
    [ttlLabel(SHA, { kind: 'close' }), 'until the PR closes'],
    [ttlLabel(SHA, { kind: 'manual' }), 'until someone stops it'],
    [requesterLabel(SHA, 'maxime'), '@maxime'],
    [addressLabel(SHA, { host: '1.2.3.4', port: 80 }), 'http://1.2.3.4:80'],
    [
      addressLabel(SHA, { host: 'pr-7.showtime.example.org', port: 443 }),
      'https://pr-7.showtime.example.org',
    ],
    [createdLabel(SHA, DATE), '2024-01-15T14:30Z'],
    [configCommandLabel({ kind: 'flag', flag: 'ALERTS', enabled: false }), 'switch feature flag ALERTS off'],
    [configCommandLabel({ kind: 'debug', enabled: true }), 'switch debug mode on'],
    [configCommandLabel({ kind: 'size', size: 'large' }), 'resize the environment to large'],
    [lockLabel(12), 'lock of PR #12'],
    [activeLabel(SHA), 'abc123f serves this PR'],
    [buildingLabel(SHA), 'abc123f is being built'],
  ])('%j says %j', (name, words) => {
    expect(labelDefinition(name)?.description).toContain(words);
  });

  test.each(['bug', '🎪 nonsense'])('%j has no definition', (name) => {
    expect(labelDefinition(name)).toBeUndefined();
  });
});

describe('isStateLabel', () => {
  test.each([
    [statusLabel(SHA, 'running'), true],
    ['🎪 🚦 abc123f running', true],
    ['🎪 ⌛ 24h', true],
    [activeLabel(SHA), true],
    [TRACKED, true],
    [TRIGGER_START, false],
    [LEGACY_TRIGGER, false],
    [FREEZE, false],
    [BLOCKED, false],
    ['🎪 conf-debug-on', false],
    [lockLabel(1), false],
    ['🎪 nonsense', false],
    ['bug', false],
  ])('%j -> %s', (name, expected) => {
    expect(isStateLabel(name)).toBe(expected);
  });
});

describe('isStrayStateLabel', () => {
  test.each([
    ['🎪 zzzzzzz 🚦 running', true],
    ['🎪 abc123f 🌐 evil.example.com', true],
    ['🎪 abc123f 🌐 pr-7.showtime.example.org', false],
    ['🎪 abc123f 📅 yesterday', true],
    ['🎪 🎯 not-a-sha', true],
    ['🎪 🚦 abc123f running extra', true],
    [statusLabel(SHA, 'running'), false],
    ['🎪 🚦 abc123f running', false],
    [TRACKED, false],
    [TRIGGER_START, false],
    ['🎪 conf-enable-ALERTS', false],
    ['🎪 nonsense', false],
    [lockLabel(1), false],
    ['bug 🚦 running', false],
  ])('%j -> %s', (name, expected) => {
    expect(isStrayStateLabel(name)).toBe(expected);
  });
});
