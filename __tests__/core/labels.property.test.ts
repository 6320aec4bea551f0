import fc from 'fast-check';
import {
  EMOJI,
  LABEL_DESCRIPTION_MAX_LENGTH,
  LABEL_MAX_LENGTH,
  LEGACY_TRIGGER,
  activeLabel,
  addressLabel,
  ADDRESS_HOST_MAX_LENGTH,
  buildingLabel,
  configCommandLabel,
  configLabels,
  createdLabel,
  environmentLabels,
  formatLabelDate,
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
import { formatLockDescription, parseLockDescription } from '../../src/core/locks.js';
import type { ParsedLabel } from '../../src/core/labels.js';
import { SIZES, STATUSES } from '../../src/core/types.js';
import type { Address, ConfigChange, EnvConfig, Environment, Ttl } from '../../src/core/types.js';
import { MAX_FLAG_LENGTH, MAX_TTL_HOURS } from '../../src/core/values.js';
import { requireSha7 } from '../../src/core/values.js';

const hex = fc.constantFrom(...'0123456789abcdef');
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const sha7 = fc.string({ unit: hex, minLength: 7, maxLength: 7 });
const fullSha = fc.string({ unit: hex, minLength: 40, maxLength: 40 });
const anySha = fc.oneof(sha7, fullSha);
const status = fc.constantFrom(...STATUSES);
const ttl: fc.Arbitrary<Ttl> = fc.oneof(
  fc.integer({ min: 1, max: MAX_TTL_HOURS }).map((hours): Ttl => ({ kind: 'duration', hours })),
  fc.constant<Ttl>({ kind: 'close' }),
  fc.constant<Ttl>({ kind: 'manual' }),
);
const login = fc
  .tuple(
    fc.array(fc.string({ unit: alnum, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([parts, bot]) => [parts.join('-').slice(0, 39).replace(/-+$/, ''), bot] as const)
  .map(([base, bot]) => (bot ? `${base}[bot]` : base));
const flag = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'),
  minLength: 1,
  maxLength: MAX_FLAG_LENGTH,
});
const config: fc.Arbitrary<EnvConfig> = fc
  .record({
    flags: fc.dictionary(flag, fc.boolean(), { maxKeys: 60 }),
    debug: fc.boolean(),
    size: fc.option(fc.constantFrom(...SIZES), { nil: undefined }),
  })
  .map((c) => (c.size === undefined ? { flags: c.flags, debug: c.debug } : c));
const date = fc.date({
  min: new Date('0000-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});
const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const address: fc.Arbitrary<Address> = fc.oneof(
  fc.record({
    host: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((o) => o.join('.')),
    port: fc.integer({ min: 1, max: 65535 }),
  }),
  // Load-balancer mode: the PR's preview host, HTTPS on 443, as long as a label can carry.
  fc
    .tuple(fc.integer({ min: 1, max: 999_999 }), fc.array(dnsLabel, { minLength: 1, maxLength: 2 }))
    .map(([pr, labels]) => ({ host: `pr-${pr}.${labels.join('.')}`, port: 443 }))
    .filter((a) => a.host.length <= ADDRESS_HOST_MAX_LENGTH),
);
const change: fc.Arbitrary<ConfigChange> = fc.oneof(
  fc.record({ kind: fc.constant('flag' as const), flag, enabled: fc.boolean() }),
  fc.record({ kind: fc.constant('debug' as const), enabled: fc.boolean() }),
  fc.record({ kind: fc.constant('size' as const), size: fc.constantFrom(...SIZES) }),
);
const environment: fc.Arbitrary<Environment> = fc.record(
  {
    sha: anySha.map((text) => requireSha7(text)),
    status,
    createdAt: date,
    address,
    ttl,
    requester: login,
    config,
    labels: fc.constant([]),
  },
  { requiredKeys: ['sha', 'config', 'labels'] },
);

const floorMinute = (d: Date) => new Date(Math.floor(d.getTime() / 60_000) * 60_000);
const KINDS = [
  'foreign',
  'malformed',
  'trigger',
  'freeze',
  'blocked',
  'tracked',
  'config-command',
  'lock',
  'pointer',
  'status',
  'created',
  'address',
  'ttl',
  'requester',
  'config',
];

/** Text built from the grammar's own pieces, so that random strings reach the deep branches of the parser. */
const labelish = fc
  .array(
    fc.oneof(
      fc.constantFrom('🎪', ' ', ',', '!', ':', '-', '…', '\ufe0f', 'conf-', 'lock-pr-', 'standard', 'debug'),
      fc.constantFrom(...Object.values(EMOJI)),
      sha7,
      status,
      flag,
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))
  .chain((text) => fc.constantFrom(text, `🎪 ${text}`));

function expectSane(name: string, parsed: ParsedLabel): void {
  expect(KINDS).toContain(parsed.kind);
  if (parsed.kind === 'malformed') expect(parsed.reason.length).toBeGreaterThan(0);
  if (!name.startsWith('🎪 ') && name.toLowerCase() !== LEGACY_TRIGGER) expect(parsed.kind).toBe('foreign');
}

describe('parseLabel never throws', () => {
  test.each([
    ['printable text', fc.string()],
    ['any code points, emoji and lone surrogates included', fc.string({ unit: 'binary' })],
    ['grapheme clusters', fc.string({ unit: 'grapheme' })],
    ['text after the 🎪 prefix', fc.string({ unit: 'binary' }).map((s) => `🎪 ${s}`)],
    ['text assembled from the grammar', labelish],
  ])('on %s', (_, text) => {
    fc.assert(
      fc.property(text, (name) => {
        expectSane(name, parseLabel(name));
      }),
      { numRuns: 2000 },
    );
  });

  test('on huge strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 10_000, maxLength: 100_000 }), (s) => {
        expectSane(`🎪 ${s}`, parseLabel(`🎪 ${s}`));
        expectSane(s, parseLabel(s));
      }),
      { numRuns: 20 },
    );
  });
});

describe('render → parse round trips, and every label fits', () => {
  const fits = (name: string) => {
    expect(labelLength(name)).toBeLessThanOrEqual(LABEL_MAX_LENGTH);
    return name;
  };

  test('status', () => {
    fc.assert(
      fc.property(anySha, status, (sha, s) => {
        const name = fits(statusLabel(sha, s));
        expect(parseLabel(name)).toEqual({
          kind: 'status',
          status: s,
          form: 'sha-first',
          sha: sha.slice(0, 7),
        });
      }),
    );
  });

  test('📅 creation time, to the minute', () => {
    fc.assert(
      fc.property(anySha, date, (sha, d) => {
        const name = fits(createdLabel(sha, d));
        expect(parseLabel(name)).toEqual({
          kind: 'created',
          createdAt: floorMinute(d),
          form: 'sha-first',
          sha: sha.slice(0, 7),
        });
      }),
    );
  });

  test('🌐 address', () => {
    fc.assert(
      fc.property(anySha, address, (sha, a) => {
        expect(parseLabel(fits(addressLabel(sha, a)))).toMatchObject({ kind: 'address', address: a });
      }),
    );
  });

  test('⌛ TTL', () => {
    fc.assert(
      fc.property(anySha, ttl, (sha, t) => {
        expect(parseLabel(fits(ttlLabel(sha, t)))).toMatchObject({ kind: 'ttl', ttl: t });
      }),
    );
  });

  test('🤡 requester, shortened when it must be', () => {
    fc.assert(
      fc.property(anySha, login, (sha, l) => {
        const parsed = parseLabel(fits(requesterLabel(sha, l)));
        expect(parsed).toMatchObject({ kind: 'requester', requester: shortenRequester(l) });
        if (shortenRequester(l) !== l) expect(shortenRequester(l).endsWith('…')).toBe(true);
        else expect(parsed).toMatchObject({ requester: l });
      }),
    );
  });

  test('⚙️ configuration with many flags, merged from all its labels', () => {
    fc.assert(
      fc.property(anySha, config, (sha, c) => {
        const merged: EnvConfig = { flags: {}, debug: false };
        for (const name of configLabels(sha, c)) {
          const parsed = parseLabel(fits(name));
          if (parsed.kind !== 'config') throw new Error(`${name}: ${JSON.stringify(parsed)}`);
          for (const [f, on] of Object.entries(parsed.config.flags)) {
            expect(merged.flags[f]).toBeUndefined();
            merged.flags[f] = on;
          }
          merged.debug ||= parsed.config.debug;
          if (parsed.config.size !== undefined) merged.size = parsed.config.size;
        }
        expect(merged).toEqual(c);
      }),
    );
  });

  test('pointers and locks', () => {
    fc.assert(
      fc.property(anySha, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (sha, pr) => {
        const sha7 = sha.slice(0, 7);
        expect(parseLabel(fits(activeLabel(sha)))).toEqual({ kind: 'pointer', pointer: 'active', sha: sha7 });
        expect(parseLabel(fits(buildingLabel(sha)))).toEqual({
          kind: 'pointer',
          pointer: 'building',
          sha: sha7,
        });
        expect(parseLabel(fits(lockLabel(pr)))).toEqual({ kind: 'lock', pr });
      }),
    );
  });

  test('conf-* commands', () => {
    fc.assert(
      fc.property(change, (c) => {
        expect(parseLabel(fits(configCommandLabel(c)))).toEqual({ kind: 'config-command', change: c });
      }),
    );
  });

  test('every label of an arbitrary environment fits, is SHA-first and has a catalogue entry', () => {
    fc.assert(
      fc.property(environment, (env) => {
        for (const name of environmentLabels(env)) {
          fits(name);
          const parsed = parseLabel(name);
          expect(parsed).toMatchObject({ form: 'sha-first', sha: env.sha.slice(0, 7) });
          const definition = labelDefinition(name);
          expect(definition?.color).toMatch(/^[0-9a-f]{6}$/);
          expect(definition?.description.length).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX_LENGTH);
        }
      }),
    );
  });
});

describe('helpers round trip', () => {
  test('📅 text', () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(parseLabelDate(formatLabelDate(d))).toEqual(floorMinute(d));
      }),
    );
  });

  test('lock description: holder kept, expiry rounded up to the minute, within 100 characters', () => {
    const holder = fc
      .string({ minLength: 1, maxLength: 54 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(holder, date, (h, expiresAt) => {
        fc.pre(expiresAt.getTime() <= new Date('9999-12-31T23:59:00Z').getTime());
        const text = formatLockDescription({ holder: h, expiresAt });
        expect(text.length).toBeLessThanOrEqual(LABEL_DESCRIPTION_MAX_LENGTH);
        const lease = parseLockDescription(text);
        expect(lease?.holder).toBe(h);
        const delta = (lease?.expiresAt.getTime() ?? NaN) - expiresAt.getTime();
        expect(delta).toBeGreaterThanOrEqual(0);
        expect(delta).toBeLessThan(60_000);
      }),
    );
  });

  test('parseLockDescription never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        parseLockDescription(s);
        parseLockDescription(`showtime lock held by ${s}`);
      }),
    );
  });
});
