import fc from 'fast-check';
import type { Tag } from '@aws-sdk/client-ecs';
import { environmentTags, isManaged, NO_EXPIRY, parseEnvironmentTags, tagValue } from '../../src/aws/tags.js';
import type { ParsedTags } from '../../src/aws/tags.js';

const createdAt = new Date('2024-01-15T14:30:00.000Z');
const expiresAt = new Date('2024-01-17T14:30:00.000Z');

test('an environment carries the managed-by marker and its identity, requester and dates', () => {
  expect(environmentTags({ pr: 34809, sha7: 'abc123f', requester: 'maxime', createdAt, expiresAt })).toEqual([
    { key: 'managed-by', value: 'showtime' },
    { key: 'showtime-pr', value: '34809' },
    { key: 'showtime-sha', value: 'abc123f' },
    { key: 'showtime-requester', value: 'maxime' },
    { key: 'showtime-created-at', value: '2024-01-15T14:30:00.000Z' },
    { key: 'showtime-expires-at', value: '2024-01-17T14:30:00.000Z' },
  ]);
});

test('an environment without expiry says so rather than leaving the tag out', () => {
  const tags = environmentTags({ pr: 1, sha7: 'abc123f', requester: 'm', createdAt });
  expect(tags.find((t) => t.key === 'showtime-expires-at')?.value).toBe(NO_EXPIRY);
  expect(parseEnvironmentTags(tags).expiresAt).toBeUndefined();
});

test.each([
  ['maxime', 'maxime'],
  ['dependabot[bot]', 'dependabot_bot_'],
  ['José Ünïcode', 'José Ünïcode'],
  ['a+b-c=d.e_f:g/h@i', 'a+b-c=d.e_f:g/h@i'],
  ['semi;colon', 'semi_colon'],
  ['x'.repeat(300), 'x'.repeat(256)],
])('tag value of %j is %j', (text, expected) => {
  expect(tagValue(text)).toBe(expected);
});

test.each<[string, Tag[] | undefined, boolean]>([
  ['the marker', [{ key: 'managed-by', value: 'showtime' }], true],
  ['another owner', [{ key: 'managed-by', value: 'terraform' }], false],
  ['no tags', [], false],
  ['undefined tags', undefined, false],
])('isManaged with %s', (_case, tags, expected) => {
  expect(isManaged(tags)).toBe(expected);
});

test.each<[string, Tag[], ParsedTags]>([
  ['nothing', [], {}],
  ['a PR that is not a number', [{ key: 'showtime-pr', value: '12a' }], {}],
  ['PR zero', [{ key: 'showtime-pr', value: '0' }], {}],
  ['a full SHA, shortened', [{ key: 'showtime-sha', value: 'a'.repeat(40) }], { sha: 'aaaaaaa' }],
  ['an upper-case SHA', [{ key: 'showtime-sha', value: 'ABC123F' }], {}],
  ['a date that is not ISO', [{ key: 'showtime-created-at', value: 'yesterday' }], {}],
  ['an impossible date', [{ key: 'showtime-created-at', value: '2024-13-45T99:99:00Z' }], {}],
  ['minute precision', [{ key: 'showtime-created-at', value: '2024-01-15T14:30Z' }], { createdAt }],
  ['an empty requester', [{ key: 'showtime-requester', value: '' }], {}],
  ['a tag without value', [{ key: 'showtime-pr' }], {}],
])('parsing %s', (_case, tags, expected) => {
  expect(parseEnvironmentTags(tags)).toEqual(expected);
});

test('what environmentTags writes, parseEnvironmentTags reads back', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9_999_999 }),
      fc.stringMatching(/^[0-9a-f]{7}$/),
      fc.stringMatching(/^[A-Za-z0-9-]{1,39}$/),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
      fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), {
        nil: undefined,
      }),
      (pr, sha7, requester, created, expires) => {
        const tags = environmentTags({ pr, sha7, requester, createdAt: created, expiresAt: expires });
        expect(isManaged(tags)).toBe(true);
        expect(parseEnvironmentTags(tags)).toEqual({
          pr,
          sha: sha7,
          requester,
          createdAt: created,
          ...(expires ? { expiresAt: expires } : {}),
        });
      },
    ),
  );
});

test('parsing never throws on arbitrary tags', () => {
  const keys = fc.constantFrom(
    'showtime-pr',
    'showtime-sha',
    'showtime-requester',
    'showtime-created-at',
    'showtime-expires-at',
    'other',
  );
  fc.assert(
    fc.property(
      fc.array(fc.record({ key: keys, value: fc.option(fc.string(), { nil: undefined }) })),
      (tags) => {
        const parsed = parseEnvironmentTags(tags);
        if (parsed.pr !== undefined) expect(Number.isInteger(parsed.pr) && parsed.pr > 0).toBe(true);
        if (parsed.createdAt !== undefined) expect(Number.isNaN(parsed.createdAt.getTime())).toBe(false);
      },
    ),
  );
});
