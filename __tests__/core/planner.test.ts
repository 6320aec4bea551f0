import fc from 'fast-check';
import { isWriter, plan } from '../../src/core/planner.js';
import { PLANNER_REASONS, REASONS } from '../../src/core/reasons.js';
import type {
  Actor,
  Command,
  Decision,
  Environment,
  FleetEntry,
  PlanInput,
  Policy,
  PrState,
  ShowtimeEvent,
  Ttl,
} from '../../src/core/types.js';
import { ACTIONS, PERMISSIONS, STATUSES } from '../../src/core/types.js';
import {
  BLOCKED,
  FREEZE,
  LEGACY_TRIGGER,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
} from '../../src/core/labels.js';
import {
  ADMIN,
  CASES,
  CONF_ALERTS,
  CONF_DEBUG,
  CONTRIBUTOR,
  EXPIRED_LOCK,
  H7,
  HEAD,
  LIVE_LOCK,
  MAINTAINER,
  N7,
  NEWER,
  NOW,
  O7,
  OLD,
  POLICY,
  PR,
  TRIAGER,
  UNCHECKED,
  env,
  hours,
  minutesAgo,
  pr,
} from './planner.cases.js';
import { requireSha7 } from '../../src/core/values.js';
import type { Sha, Sha7 } from '../../src/core/values.js';

describe('the decision table', () => {
  test.each(CASES)('$name', ({ input, expect: expected, mentions }) => {
    const decision = plan(input);
    for (const key of Object.keys(expected) as (keyof Decision)[]) {
      expect({ [key]: decision[key] }).toEqual({ [key]: expected[key] });
    }
    for (const text of mentions ?? []) expect(decision.message).toContain(text);
  });

  test('case names are unique', () => {
    const names = CASES.map((c) => c.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  test('every action and every reason appears in some case', () => {
    const actions = new Set(CASES.map((c) => c.expect.action));
    const reasons = new Set(CASES.map((c) => c.expect.reason));
    expect(ACTIONS.filter((action) => !actions.has(action))).toEqual([]);
    expect(PLANNER_REASONS.filter((reason) => !reasons.has(reason))).toEqual([]);
  });
});

describe('isWriter', () => {
  test.each([
    ['admin', true],
    ['maintain', true],
    ['write', true],
    ['triage', false],
    ['read', false],
    ['none', false],
    ['unknown', false],
  ] as const)('%s → %s', (permission, writer) => {
    expect(isWriter({ login: 'x', permission })).toBe(writer);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over arbitrary PRs and events.

const SHAS7 = [H7, O7, N7];
const QUOTA: Policy = { ...POLICY, maxEnvironments: 2, maxEnvironmentsPerRequester: 1 };

const ttlArb: fc.Arbitrary<Ttl | undefined> = fc.option(
  fc.oneof(
    fc.constant<Ttl>({ kind: 'close' }),
    fc.constant<Ttl>({ kind: 'manual' }),
    fc.integer({ min: 1, max: 672 }).map(hours),
  ),
  { nil: undefined },
);

const envArb = (sha7: Sha7): fc.Arbitrary<Environment> =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES, undefined),
      age: fc.option(fc.integer({ min: 0, max: 60 * 24 * 60 }), { nil: undefined }),
      ttl: ttlArb,
      debug: fc.boolean(),
      flags: fc.dictionary(fc.constantFrom('ALERT_REPORTS', 'EMBEDDED'), fc.boolean()),
    })
    .map(({ status, age, ttl, debug, flags }) =>
      env(sha7, status, {
        createdAt: age === undefined ? undefined : minutesAgo(age),
        ttl,
        config: { flags, debug },
      }),
    );

const pointerArb = fc.option(fc.constantFrom(...SHAS7), { nil: undefined });

const stateArb: fc.Arbitrary<PrState> = fc
  .record({
    environments: fc.subarray(SHAS7).chain((shas) => fc.tuple(...shas.map(envArb))),
    active: pointerArb,
    building: pointerArb,
    headSha: fc.constantFrom(HEAD, NEWER),
    open: fc.boolean(),
    frozen: fc.boolean(),
    blocked: fc.boolean(),
    triggers: fc.record({ start: fc.boolean(), stop: fc.boolean(), legacyUp: fc.boolean() }),
    pendingConfig: fc.subarray([
      { change: { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true } as const, label: CONF_ALERTS },
      { change: { kind: 'debug', enabled: true } as const, label: CONF_DEBUG },
    ]),
  })
  .map(({ environments, ...rest }) => pr(rest, ...environments));

const actorArb: fc.Arbitrary<Actor> = fc.constantFrom(
  MAINTAINER,
  ADMIN,
  TRIAGER,
  CONTRIBUTOR,
  UNCHECKED,
  ...PERMISSIONS.map((permission) => ({ login: `user-${permission}`, permission })),
);

const labelArb = fc.constantFrom(
  TRIGGER_START,
  TRIGGER_STOP,
  FREEZE,
  BLOCKED,
  LEGACY_TRIGGER,
  TRACKED,
  CONF_ALERTS,
  'size/M',
);
// Any text, valid or not, as the SHA an event carries: the planner must never throw on it.
const shaTextArb = fc.constantFrom(HEAD, H7, OLD, O7, NEWER, 'nope', '').map((text) => text as Sha);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc
    .option(shaTextArb, { nil: undefined })
    .map((sha): Command => (sha === undefined ? { kind: 'start' } : { kind: 'start', sha })),
  fc.constantFrom<Command>(
    { kind: 'stop' },
    { kind: 'status' },
    { kind: 'help' },
    { kind: 'keep-alive' },
    { kind: 'freeze' },
    { kind: 'unfreeze' },
    { kind: 'extend', ttl: hours(24) },
    { kind: 'configure', change: { kind: 'size', size: 'large' } },
  ),
);

const eventArb: fc.Arbitrary<ShowtimeEvent> = fc.oneof(
  fc
    .record({ label: labelArb, actor: actorArb, headSha: fc.constantFrom(HEAD, NEWER) })
    .map(({ label, actor, headSha }): ShowtimeEvent => ({ kind: 'labeled', label, pr: PR, headSha, actor })),
  fc
    .record({ label: labelArb, actor: actorArb })
    .map(({ label, actor }): ShowtimeEvent => ({ kind: 'unlabeled', label, pr: PR, headSha: HEAD, actor })),
  fc
    .record({ actor: actorArb, fromFork: fc.boolean(), headSha: shaTextArb })
    .map(({ actor, fromFork, headSha }): ShowtimeEvent => ({
      kind: 'synchronize',
      pr: PR,
      headSha,
      actor,
      fromFork,
    })),
  fc
    .record({ command: commandArb, actor: actorArb })
    .map(({ command, actor }): ShowtimeEvent => ({ kind: 'command', pr: PR, command, actor })),
  fc
    .record({ sha: fc.option(shaTextArb, { nil: undefined }), actor: actorArb })
    .map(({ sha, actor }): ShowtimeEvent => ({ kind: 'dispatch', pr: PR, sha, actor })),
  actorArb.map((actor): ShowtimeEvent => ({ kind: 'closed', pr: PR, headSha: HEAD, actor })),
  actorArb.map((actor): ShowtimeEvent => ({ kind: 'reopened', pr: PR, headSha: HEAD, actor })),
  fc.constant<ShowtimeEvent>({ kind: 'schedule' }),
);

const fleetArb: fc.Arbitrary<FleetEntry[] | undefined> = fc.option(
  fc.array(
    fc.record({
      pr: fc.constantFrom(PR, 1, 2, 3),
      sha: fc.constantFrom(...SHAS7),
      requester: fc.constantFrom('maintainer', 'alice', undefined),
    }),
    { maxLength: 4 },
  ),
  { nil: undefined },
);

const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    event: eventArb,
    state: stateArb,
    policy: fc.constantFrom(POLICY, QUOTA),
    fleet: fleetArb,
    lock: fc.constantFrom(undefined, LIVE_LOCK, EXPIRED_LOCK),
  })
  .map((parts) => ({ ...parts, now: NOW }));

const actorOf = (event: ShowtimeEvent): Actor | undefined => ('actor' in event ? event.actor : undefined);
const BUILDS: readonly string[] = ['create', 'rolling-update'];

describe('properties', () => {
  test('every decision is well formed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const decision = plan(input);
        expect(ACTIONS).toContain(decision.action);
        expect(REASONS).toContain(decision.reason);
        expect(decision.message).toMatch(/^[^\n]+\.$/);
        expect(decision.buildNeeded).toBe(BUILDS.includes(decision.action));
        if (BUILDS.includes(decision.action)) {
          expect(decision.targetSha).toMatch(/^[0-9a-f]{40}$/);
          expect(decision.config).toBeDefined();
        }
        if (decision.action === 'redeploy-config') expect(decision.config).toBeDefined();
        if (decision.action === 'extend') expect(decision.ttl).toBeDefined();
      }),
    );
  });

  test('planning never modifies its input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = structuredClone(input);
        plan(input);
        expect(input).toEqual(before);
      }),
    );
  });

  test('a non-writer never causes anything but a refusal, an approval request, or nothing', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const actor = actorOf(input.event);
        fc.pre(actor !== undefined && !isWriter(actor) && input.event.kind !== 'closed');
        expect(['refuse', 'await-approval', 'nothing']).toContain(plan(input).action);
      }),
    );
  });

  test('a blocked PR gets no create, update, configuration change or extension', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.state.blocked);
        expect(['create', 'rolling-update', 'redeploy-config', 'extend']).not.toContain(plan(input).action);
      }),
    );
  });

  test('testenv-up is consumed only when a refusal reverts it, and nothing else foreign is consumed', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const decision = plan(input);
        const added = input.event.kind === 'labeled' ? [input.event.label] : [];
        const allowed = [
          TRIGGER_START,
          TRIGGER_STOP,
          FREEZE,
          ...input.state.pendingConfig.map((p) => p.label),
          ...added,
        ];
        for (const label of decision.consume) expect(allowed).toContain(label);
        if (decision.consume.includes(LEGACY_TRIGGER)) expect(decision.action).toBe('refuse');
      }),
    );
  });

  test('quotas turn creates into refusals and change nothing else', () => {
    const full: Partial<PlanInput> = {
      policy: { ...POLICY, maxEnvironments: 1 },
      fleet: [{ pr: PR + 1, sha: requireSha7('fffffff'), requester: 'alice' }],
    };
    fc.assert(
      fc.property(inputArb, (input) => {
        const free = plan({ ...input, policy: POLICY, fleet: undefined });
        const limited = plan({ ...input, ...full });
        if (free.action === 'create') {
          expect(limited).toMatchObject({
            action: 'refuse',
            reason: 'quota-exceeded',
            consume: free.consume.filter((l) => l === TRIGGER_START),
          });
        } else {
          expect(limited).toEqual(free);
        }
      }),
    );
  });

  test('stop wins whichever trigger label arrives last', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(TRIGGER_START, TRIGGER_STOP), (base, label) => {
        const state = { ...base, triggers: { ...base.triggers, start: true, stop: true } };
        const decision = plan({
          event: { kind: 'labeled', label, pr: PR, headSha: HEAD, actor: MAINTAINER },
          state,
          policy: POLICY,
          now: NOW,
        });
        expect(['stop', 'nothing']).toContain(decision.action);
        expect(decision.consume).toEqual([TRIGGER_START, TRIGGER_STOP]);
      }),
    );
  });
});
