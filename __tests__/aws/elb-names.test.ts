// Load-balancer mode's names: the listener scope, target group names, PR and environment hosts and rule priorities,
// by table and by property.
import fc from 'fast-check';
import {
  environmentHost,
  freePriority,
  hostOf,
  listenerScope,
  MAX_RULE_PRIORITY,
  MAX_TARGET_GROUP_NAME,
  normalDomain,
  parseHost,
  parseTargetGroupName,
  prHost,
  targetGroupName,
} from '../../src/aws/elb-names.js';

const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/showtime/50dc6c495c0c9188/f2f7dc8efc522ab2';
const DOMAIN = 'showtime.example.org';
const SCOPE = listenerScope(LISTENER);

const hex = fc.constantFrom(...'0123456789abcdef');
const sha7 = fc.string({ unit: hex, minLength: 7, maxLength: 7 });
const scope = fc.string({ unit: hex, minLength: 6, maxLength: 6 });
const pr = fc.integer({ min: 1, max: 9_999_999_999 });
const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,10}[a-z0-9])?$/);
const domain = fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
/** The forms a user may write the same domain in: any case, a leading `*.`, a trailing dot, spaces around. */
const spelling = (plain: string) =>
  fc
    .record({ upper: fc.boolean(), wildcard: fc.boolean(), dot: fc.boolean(), spaces: fc.boolean() })
    .map(({ upper, wildcard, dot, spaces }) => {
      const text = `${wildcard ? '*.' : ''}${upper ? plain.toUpperCase() : plain}${dot ? '.' : ''}`;
      return spaces ? `  ${text} ` : text;
    });
const domainSpelling = domain.chain((plain) => spelling(plain).map((written) => ({ plain, written })));
/** Which letters of a host to upper-case (repeating): hosts compare without case. */
const caseFlips = fc.array(fc.boolean(), { minLength: 1, maxLength: 64 });
const inCase = (text: string, flips: boolean[]) =>
  [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');

describe('listenerScope', () => {
  test('is six hex digits of the ARN, the same on every run', () => {
    // Pinned: a different scope after an upgrade would orphan every target group made before it.
    expect(listenerScope(LISTENER)).toBe('c4fae1');
    expect(listenerScope('')).toBe('e3b0c4');
  });

  test('is six lower-case hex digits for any ARN, and the same for the same ARN', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (arn) => {
        expect(listenerScope(arn)).toMatch(/^[0-9a-f]{6}$/);
        expect(listenerScope(arn)).toBe(listenerScope(arn.slice(0)));
      }),
    );
  });

  test('differs between listeners whose ARNs differ in one character', () => {
    const arns = [LISTENER];
    for (let i = 0; i < LISTENER.length; i += 1) {
      const c = LISTENER[i] as string;
      arns.push(`${LISTENER.slice(0, i)}${c === 'a' ? 'b' : 'a'}${LISTENER.slice(i + 1)}`);
    }
    arns.push(`${LISTENER}0`, LISTENER.slice(0, -1), LISTENER.replace('us-east-1', 'eu-west-1'));
    const scopes = new Set(arns.map(listenerScope));
    expect(scopes.size).toBe(new Set(arns).size);
  });
});

describe('targetGroupName and parseTargetGroupName', () => {
  test.each([
    [1, 'abcdef1', 'pr-1-abcdef1-c4fae1'],
    [7, '0000000', 'pr-7-0000000-c4fae1'],
    [9_999_999_999, 'fffffff', 'pr-9999999999-fffffff-c4fae1'],
  ])('PR %d at %s is %s', (number, sha, name) => {
    expect(targetGroupName(number, sha, SCOPE)).toBe(name);
    expect(parseTargetGroupName(name, SCOPE)).toEqual({ pr: number, sha7: sha });
  });

  test('round-trip for any PR up to ten digits, sha7 and scope', () => {
    fc.assert(
      fc.property(pr, sha7, scope, (number, sha, own) => {
        expect(parseTargetGroupName(targetGroupName(number, sha, own), own)).toEqual({
          pr: number,
          sha7: sha,
        });
      }),
    );
  });

  test('are names ELB accepts: at most 32 characters, letters, digits and inner hyphens only', () => {
    expect(MAX_TARGET_GROUP_NAME).toBe(32);
    fc.assert(
      fc.property(pr, sha7, scope, (number, sha, own) => {
        const name = targetGroupName(number, sha, own);
        expect(name.length).toBeLessThanOrEqual(MAX_TARGET_GROUP_NAME);
        expect(name).toMatch(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/);
      }),
    );
  });

  test('a name under another scope is not this listener’s', () => {
    fc.assert(
      fc.property(
        pr,
        sha7,
        scope,
        scope.filter((other) => other !== SCOPE),
        (number, sha, own, other) => {
          fc.pre(own !== other);
          expect(parseTargetGroupName(targetGroupName(number, sha, own), other)).toBeUndefined();
        },
      ),
    );
  });

  test.each([
    ['no PR', `pr--abcdef1-${SCOPE}`],
    ['PR 0', `pr-0-abcdef1-${SCOPE}`],
    ['a leading zero', `pr-07-abcdef1-${SCOPE}`],
    ['an eleven-digit PR', `pr-12345678901-abcdef1-${SCOPE}`],
    ['an upper-case sha', `pr-7-ABCDEF1-${SCOPE}`],
    ['a six-digit sha', `pr-7-abcdef-${SCOPE}`],
    ['an eight-digit sha', `pr-7-abcdef12-${SCOPE}`],
    ['a sha that is not hex', `pr-7-abcdefg-${SCOPE}`],
    ['no scope', 'pr-7-abcdef1'],
    ['an upper-case scope', `pr-7-abcdef1-${SCOPE.toUpperCase()}`],
    ['something after the scope', `pr-7-abcdef1-${SCOPE}-x`],
    ['something before pr-', `x-pr-7-abcdef1-${SCOPE}`],
    ['another prefix', `PR-7-abcdef1-${SCOPE}`],
    ['someone else’s group', 'web-frontend'],
    ['the empty name', ''],
  ])('a name with %s parses to undefined: %s', (_case, name) => {
    expect(parseTargetGroupName(name, SCOPE)).toBeUndefined();
  });
});

describe('normalDomain, prHost and environmentHost', () => {
  test.each([
    ['showtime.example.org', 'showtime.example.org'],
    ['*.showtime.example.org', 'showtime.example.org'],
    ['showtime.example.org.', 'showtime.example.org'],
    ['*.Showtime.Example.ORG.', 'showtime.example.org'],
    ['  showtime.example.org\n', 'showtime.example.org'],
  ])('%j is %s', (written, plain) => {
    expect(normalDomain(written)).toBe(plain);
  });

  test('any spelling of a domain normalises to the plain domain, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(domainSpelling, ({ plain, written }) => {
        expect(normalDomain(written)).toBe(plain);
        expect(normalDomain(normalDomain(written))).toBe(plain);
      }),
    );
  });

  test.each([
    [7, 'showtime.example.org', 'pr-7.showtime.example.org'],
    [7, '*.Showtime.Example.org.', 'pr-7.showtime.example.org'],
    [9_999_999_999, 'a.b', 'pr-9999999999.a.b'],
  ])('the host of PR %d under %s is %s', (number, written, host) => {
    expect(prHost(number, written)).toBe(host);
  });

  test.each([
    [7, 'abcdef1', 'showtime.example.org', 'pr-7-abcdef1.showtime.example.org'],
    [7, 'abcdef1', '*.SHOWTIME.example.org', 'pr-7-abcdef1.showtime.example.org'],
  ])('the host of PR %d at %s under %s is %s', (number, sha, written, host) => {
    expect(environmentHost(number, sha, written)).toBe(host);
  });
});

describe('parseHost and hostOf', () => {
  test.each([
    ['pr-7.showtime.example.org', { pr: 7 }],
    ['pr-9999999999.showtime.example.org', { pr: 9_999_999_999 }],
    ['pr-7-abcdef1.showtime.example.org', { pr: 7, sha7: 'abcdef1' }],
    ['PR-7.Showtime.Example.ORG', { pr: 7 }],
    // Hosts compare without case, the sha7 in one too: this is the host pr-7-abcdef1.
    ['pr-7-ABCDEF1.showtime.example.org', { pr: 7, sha7: 'abcdef1' }],
  ])('%s routes for %j', (host, target) => {
    expect(parseHost(host, DOMAIN)).toEqual(target);
    expect(parseHost(host, `*.${DOMAIN.toUpperCase()}.`)).toEqual(target);
  });

  test.each([
    ['a host under another domain', 'pr-7.other.example.org'],
    ['a host whose domain only ends in the same letters', 'pr-7.notshowtime.example.org'],
    ['a host with the domain inside it', `pr-7.${DOMAIN}.evil.com`],
    ['a host with a trailing dot', `pr-7.${DOMAIN}.`],
    ['the domain itself', DOMAIN],
    ['the domain’s wildcard', `*.${DOMAIN}`],
    ['PR 0', `pr-0.${DOMAIN}`],
    ['a leading zero', `pr-07.${DOMAIN}`],
    ['an eleven-digit PR', `pr-12345678901.${DOMAIN}`],
    ['no PR', `pr-.${DOMAIN}`],
    ['an eight-digit sha', `pr-7-abc12345.${DOMAIN}`],
    ['a six-digit sha', `pr-7-abcdef.${DOMAIN}`],
    ['a sha that is not hex', `pr-7-abcdefg.${DOMAIN}`],
    ['something after the sha', `pr-7-abcdef1-x.${DOMAIN}`],
    ['a label in front', `evil.pr-7.${DOMAIN}`],
    ['a label in front of an environment host', `evil.pr-7-abcdef1.${DOMAIN}`],
    ['another prefix', `preview-7.${DOMAIN}`],
    ['the empty host', ''],
  ])('%s routes for nothing: %s', (_case, host) => {
    expect(parseHost(host, DOMAIN)).toBeUndefined();
  });

  test('a PR’s host round-trips under any spelling of the domain, in any case', () => {
    fc.assert(
      fc.property(pr, domainSpelling, caseFlips, (number, { plain, written }, flips) => {
        const host = prHost(number, written);
        expect(host).toBe(`pr-${number}.${plain}`);
        expect(parseHost(host, written)).toEqual({ pr: number });
        expect(parseHost(inCase(host, flips), written)).toEqual({ pr: number });
        expect(hostOf({ pr: number }, written)).toBe(host);
      }),
    );
  });

  test('an environment’s host round-trips under any spelling of the domain, in any case', () => {
    fc.assert(
      fc.property(pr, sha7, domainSpelling, caseFlips, (number, sha, { plain, written }, flips) => {
        const host = environmentHost(number, sha, written);
        expect(host).toBe(`pr-${number}-${sha}.${plain}`);
        expect(parseHost(host, written)).toEqual({ pr: number, sha7: sha });
        expect(parseHost(inCase(host, flips), written)).toEqual({ pr: number, sha7: sha });
        expect(hostOf({ pr: number, sha7: sha }, written)).toBe(host);
      }),
    );
  });

  test('whatever a host parses to, hostOf gives the host back (in lower case)', () => {
    const candidate = fc.oneof(
      fc.tuple(pr, fc.option(sha7, { nil: undefined })).map(([n, s]) => `pr-${n}${s ? `-${s}` : ''}`),
      fc.stringMatching(/^[a-zA-Z0-9.-]{0,24}$/),
    );
    fc.assert(
      fc.property(candidate, domain, (label, plain) => {
        const host = `${label}.${plain}`;
        const target = parseHost(host, plain);
        if (target !== undefined) expect(hostOf(target, plain)).toBe(host.toLowerCase());
      }),
    );
  });

  test('a host under one domain is never read under another', () => {
    fc.assert(
      fc.property(pr, fc.option(sha7, { nil: undefined }), domain, domain, (number, sha, own, other) => {
        fc.pre(own !== other);
        expect(
          parseHost(hostOf(sha ? { pr: number, sha7: sha } : { pr: number }, own), other),
        ).toBeUndefined();
      }),
    );
  });
});

describe('freePriority', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const all = range(1, MAX_RULE_PRIORITY);

  test.each([
    ['its PR number when that is free', 7, [], 7],
    ['its PR number when only others are used', 7, [1, 6, 8, 50_000], 7],
    ['the next one above when its own is taken', 7, [7], 8],
    ['the next free one above a run of taken ones', 7, [7, 8, 9], 10],
    ['1 when the PR is 50000 and that is taken', 50_000, [50_000], 1],
    ['the first free one past the top, wrapping round', 49_999, [49_999, 50_000, 1, 2], 3],
    ['the remainder of a PR above 50000', 50_007, [], 7],
    ['the next free one above the remainder of a PR above 50000', 100_000, [50_000], 1],
    ['the only free priority, below the PR', 7, all.filter((p) => p !== 3), 3],
    ['the only free priority, the top one', 1, all.filter((p) => p !== 50_000), 50_000],
    ['undefined when all 50000 are used', 7, all, undefined],
  ])('gives %s', (_case, number, used, expected) => {
    expect(MAX_RULE_PRIORITY).toBe(50_000);
    expect(freePriority(number, new Set(used))).toBe(expected);
  });

  const priority = fc.integer({ min: 1, max: MAX_RULE_PRIORITY });
  // Small PRs and those at the wrap-round, where the search turns, more often than chance would give them.
  const anyPr = fc.oneof(
    pr,
    fc.integer({ min: 1, max: 100 }),
    fc.constantFrom(1, 49_999, 50_000, 50_001, 100_000),
  );

  test('is never used, within 1..50000, and the first free one from the PR’s own, wrapping round', () => {
    fc.assert(
      fc.property(anyPr, fc.uniqueArray(priority, { maxLength: 300 }), (number, taken) => {
        const used = new Set(taken);
        // Crowd the PR's own priority and those above it, where the search looks first.
        const own = ((number - 1) % MAX_RULE_PRIORITY) + 1;
        for (let p = own; p < own + (taken.length % 7); p += 1) used.add(((p - 1) % MAX_RULE_PRIORITY) + 1);
        const found = freePriority(number, used);
        expect(found).toBeDefined();
        const free = found as number;
        expect(Number.isInteger(free)).toBe(true);
        expect(free).toBeGreaterThanOrEqual(1);
        expect(free).toBeLessThanOrEqual(MAX_RULE_PRIORITY);
        expect(used.has(free)).toBe(false);
        // Everything the search passed over on its way from the PR's own priority is taken.
        for (let p = own; p !== free; p = (p % MAX_RULE_PRIORITY) + 1) expect(used.has(p)).toBe(true);
      }),
    );
  });

  test('on a nearly full listener finds one of the few free priorities, and none on a full one', () => {
    fc.assert(
      fc.property(anyPr, fc.uniqueArray(priority, { maxLength: 4 }), (number, free) => {
        const used = new Set(all.filter((p) => !free.includes(p)));
        const found = freePriority(number, used);
        if (free.length === 0) expect(found).toBeUndefined();
        else expect(free).toContain(found);
      }),
      { numRuns: 30 },
    );
  });
});
