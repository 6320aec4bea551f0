// The planner's decision table as data: planner.test.ts runs every case, scripts/decision-table.ts renders them to
// docs/decision-table.md. A case names the situation in words (`given`), builds the exact input, and states the
// parts of the decision that matter for it.
import type {
  Actor,
  Command,
  ConfigChange,
  Decision,
  Environment,
  FleetEntry,
  Lease,
  PlanInput,
  Policy,
  PrState,
  ShowtimeEvent,
  Status,
  Ttl,
} from '../../src/core/types.js';
import {
  BLOCKED,
  buildingLabel,
  FREEZE,
  LEGACY_TRIGGER,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
} from '../../src/core/labels.js';
import { parseSleepSchedule } from '../../src/core/schedule.js';
import type { SleepSchedule } from '../../src/core/schedule.js';
import { requireSha, requireSha7, sha7Of } from '../../src/core/values.js';
import type { Sha, Sha7 } from '../../src/core/values.js';

export interface PlannerCase {
  name: string;
  /** The situation, in a few words, for the decision table. */
  given: string;
  input: PlanInput;
  expect: Pick<Decision, 'action' | 'reason' | 'buildNeeded'> & Partial<Decision>;
  /** Texts the message must contain (who, which SHA, which holders). */
  mentions?: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Factories.

export const NOW = new Date('2025-06-02T12:00:00Z');
export const PR = 4242;

/** The PR head, an older commit and a commit pushed after the head was read. */
export const HEAD = requireSha('abc1234'.padEnd(40, '0'));
export const OLD = requireSha('def5678'.padEnd(40, '1'));
export const NEWER = requireSha('9876fed'.padEnd(40, '2'));
export const H7 = sha7Of(HEAD);
export const O7 = sha7Of(OLD);
export const N7 = sha7Of(NEWER);

export const MAINTAINER: Actor = { login: 'maintainer', permission: 'write' };
export const ADMIN: Actor = { login: 'pmc-member', permission: 'admin' };
export const TRIAGER: Actor = { login: 'triager', permission: 'triage' };
export const CONTRIBUTOR: Actor = { login: 'contributor', permission: 'read' };
export const UNCHECKED: Actor = { login: 'someone', permission: 'unknown' };

export const POLICY: Policy = {
  defaultTtl: { kind: 'duration', hours: 48 },
  defaultSize: 'medium',
  leaseMinutes: 30,
  expiryWarningMinutes: 60,
  forkBuilds: 'isolated',
};

/** The one-job form's policy: its job holds the deploy credentials, so a fork's code is never built there. */
export const ONE_JOB: Policy = { ...POLICY, forkBuilds: 'refused' };

export const CONF_ALERTS = '🎪 conf-enable-ALERT_REPORTS';
export const CONF_DEBUG = '🎪 conf-debug-on';
const ALERTS_ON: ConfigChange = { kind: 'flag', flag: 'ALERT_REPORTS', enabled: true };
const DEBUG_ON: ConfigChange = { kind: 'debug', enabled: true };

export function minutesAgo(minutes: number): Date {
  return new Date(NOW.getTime() - minutes * 60_000);
}

export function hours(n: number): Ttl {
  return { kind: 'duration', hours: n };
}

export function env(
  sha7: Sha7,
  status: Status | undefined,
  overrides: Partial<Environment> = {},
): Environment {
  return {
    sha: sha7,
    status,
    createdAt: minutesAgo(120),
    requester: MAINTAINER.login,
    config: { flags: {}, debug: false },
    labels: [],
    ...overrides,
  };
}

export function pr(overrides: Partial<PrState> = {}, ...environments: Environment[]): PrState {
  return {
    number: PR,
    headSha: HEAD,
    open: true,
    fromFork: false,
    environments: Object.fromEntries(environments.map((e) => [e.sha, e])),
    triggers: { start: false, stop: false, legacyUp: false },
    frozen: false,
    blocked: false,
    pendingConfig: [],
    legacyLabels: [],
    problems: [],
    ...overrides,
  };
}

const triggers = (set: Partial<PrState['triggers']>): PrState['triggers'] => ({
  start: false,
  stop: false,
  legacyUp: false,
  ...set,
});

/** A PR whose active environment runs `sha7`. */
export function serving(
  sha7: Sha7,
  overrides: Partial<PrState> = {},
  extra: Partial<Environment> = {},
): PrState {
  return pr({ active: sha7, ...overrides }, env(sha7, 'running', extra));
}

export const labeled = (label: string, actor: Actor = MAINTAINER, headSha = HEAD): ShowtimeEvent => ({
  kind: 'labeled',
  label,
  pr: PR,
  headSha,
  actor,
});
export const unlabeled = (label: string, actor: Actor = MAINTAINER): ShowtimeEvent => ({
  kind: 'unlabeled',
  label,
  pr: PR,
  headSha: HEAD,
  actor,
});
export const push = (actor: Actor = MAINTAINER, fromFork = false, headSha = HEAD): ShowtimeEvent => ({
  kind: 'synchronize',
  pr: PR,
  headSha,
  actor,
  fromFork,
});
export const command = (cmd: Command, actor: Actor = MAINTAINER): ShowtimeEvent => ({
  kind: 'command',
  pr: PR,
  command: cmd,
  actor,
});
// Also fed text the payload parser refuses, to show that the planner refuses it too.
export const dispatch = (sha?: string, actor: Actor = MAINTAINER): ShowtimeEvent => ({
  kind: 'dispatch',
  pr: PR,
  sha: sha as Sha | Sha7 | undefined,
  actor,
});
export const closed = (actor: Actor = MAINTAINER): ShowtimeEvent => ({
  kind: 'closed',
  pr: PR,
  headSha: HEAD,
  actor,
});
export const reopened: ShowtimeEvent = { kind: 'reopened', pr: PR, headSha: HEAD, actor: MAINTAINER };
export const sweep: ShowtimeEvent = { kind: 'schedule' };

export const LIVE_LOCK: Lease = { holder: 'run-1', expiresAt: new Date(NOW.getTime() + 10 * 60_000) };
export const EXPIRED_LOCK: Lease = { holder: 'run-1', expiresAt: new Date(NOW.getTime() - 60_000) };

export function input(event: ShowtimeEvent, state: PrState, extra: Partial<PlanInput> = {}): PlanInput {
  return { event, state, policy: POLICY, now: NOW, ...extra };
}

const fleet = (...entries: [number, string | undefined][]): FleetEntry[] =>
  entries.map(([number, requester], i) => ({
    pr: number,
    sha: requireSha7(`${i}`.padStart(7, 'f')),
    requester,
  }));
const QUOTA: Policy = { ...POLICY, maxEnvironments: 3, maxEnvironmentsPerRequester: 2 };
const FULL_FLEET = fleet([101, 'alice'], [102, 'bob'], [103, 'carol']);

const DEFAULT_CONFIG = { flags: {}, debug: false };

/** NOW is Monday 2025-06-02 12:00 UTC: a window that begins right then, and one that began two hours before. */
const WEEKDAY_NOON = parseSleepSchedule('Mon-Fri 12:00-18:00') as SleepSchedule;
const WEEKDAY_TEN = parseSleepSchedule('Mon-Fri 10:00-18:00') as SleepSchedule;

// ---------------------------------------------------------------------------------------------------------------
// The cases.

export const CASES: PlannerCase[] = [
  // Start.
  {
    name: 'first start',
    given: 'no environment yet',
    input: input(labeled(TRIGGER_START), pr({ triggers: triggers({ start: true }) })),
    expect: {
      action: 'create',
      reason: 'first-start',
      buildNeeded: true,
      targetSha: HEAD,
      consume: [TRIGGER_START],
      config: DEFAULT_CONFIG,
    },
  },
  {
    name: 'first start from testenv-up',
    given: 'no environment yet; the old workflow label is state, not consumed',
    input: input(labeled(LEGACY_TRIGGER), pr({ triggers: triggers({ legacyUp: true }) })),
    expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD, consume: [] },
  },
  {
    name: 'first start applies conf labels added earlier',
    given: 'no environment; conf labels for ALERT_REPORTS and debug are waiting',
    input: input(
      labeled(TRIGGER_START),
      pr({
        triggers: triggers({ start: true }),
        pendingConfig: [
          { change: ALERTS_ON, label: CONF_ALERTS },
          { change: DEBUG_ON, label: CONF_DEBUG },
        ],
      }),
    ),
    expect: {
      action: 'create',
      reason: 'first-start',
      buildNeeded: true,
      consume: [TRIGGER_START, CONF_ALERTS, CONF_DEBUG],
      config: { flags: { ALERT_REPORTS: true }, debug: true },
    },
  },
  {
    name: 'start matches trigger labels whatever their case',
    given: 'the start label arrives in another letter case',
    input: input(labeled(TRIGGER_START.toUpperCase()), pr({ triggers: triggers({ start: true }) })),
    expect: { action: 'create', reason: 'first-start', buildNeeded: true, consume: [TRIGGER_START] },
  },
  {
    name: 'start on the running SHA',
    given: `${H7} already runs`,
    input: input(labeled(TRIGGER_START), serving(H7, { triggers: triggers({ start: true }) })),
    expect: {
      action: 'redeploy-config',
      reason: 'redeploy-running-sha',
      buildNeeded: false,
      targetSha: H7,
      consume: [TRIGGER_START],
    },
  },
  {
    name: 'start on a failed SHA',
    given: `${H7} failed and nothing else exists`,
    input: input(labeled(TRIGGER_START), pr({ active: H7 }, env(H7, 'failed'))),
    expect: { action: 'create', reason: 'retry-failed-sha', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start on a failed SHA while an older one serves',
    given: `${H7} failed while ${O7} still runs`,
    input: input(command({ kind: 'start' }), pr({ active: O7 }, env(O7, 'running'), env(H7, 'failed'))),
    expect: { action: 'rolling-update', reason: 'retry-failed-sha', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start on a SHA whose status is unreadable',
    given: `${H7} has a pointer but no status label`,
    input: input(command({ kind: 'start' }), pr({ active: H7 }, env(H7, undefined))),
    expect: { action: 'create', reason: 'retry-failed-sha', buildNeeded: true },
  },
  {
    name: 'start while the same SHA builds under a live lease',
    given: `${H7} is building and its run holds the lock`,
    input: input(
      labeled(TRIGGER_START),
      pr(
        { building: H7, triggers: triggers({ start: true }) },
        env(H7, 'building', { createdAt: minutesAgo(5) }),
      ),
      { lock: LIVE_LOCK },
    ),
    expect: {
      action: 'nothing',
      reason: 'already-in-progress',
      buildNeeded: false,
      targetSha: H7,
      consume: [TRIGGER_START],
    },
  },
  {
    name: 'start while the same SHA builds under an expired lease',
    given: `${H7} is deploying but the lock expired`,
    input: input(labeled(TRIGGER_START), pr({ building: H7 }, env(H7, 'deploying')), { lock: EXPIRED_LOCK }),
    expect: { action: 'create', reason: 'take-over-expired-lease', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start while the same SHA builds with no lock',
    given: `${H7} is building, no lock exists, ${O7} runs`,
    input: input(
      labeled(TRIGGER_START),
      pr({ active: O7, building: H7 }, env(O7, 'running'), env(H7, 'building')),
    ),
    expect: {
      action: 'rolling-update',
      reason: 'take-over-expired-lease',
      buildNeeded: true,
      targetSha: HEAD,
    },
  },
  {
    name: 'start while an older SHA runs',
    given: `${O7} runs; the head is ${H7}`,
    input: input(labeled(TRIGGER_START), serving(O7)),
    expect: { action: 'rolling-update', reason: 'replace-live', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start while an older SHA is still building',
    given: `${O7} is building; the head is ${H7}`,
    input: input(labeled(TRIGGER_START), pr({ building: O7 }, env(O7, 'building'))),
    expect: { action: 'rolling-update', reason: 'replace-live', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start after an older SHA failed',
    given: `only ${O7}, failed, exists`,
    input: input(labeled(TRIGGER_START), pr({ active: O7 }, env(O7, 'failed'))),
    expect: { action: 'create', reason: 'replace-stale', buildNeeded: true, targetSha: HEAD },
    mentions: [`${O7} (failed)`],
  },
  {
    name: 'start while frozen',
    given: `frozen, ${O7} runs: freeze only stops following pushes`,
    input: input(command({ kind: 'start' }), serving(O7, { frozen: true })),
    expect: { action: 'rolling-update', reason: 'replace-live', buildNeeded: true },
  },
  {
    name: 'start while blocked',
    given: 'blocked, no environment',
    input: input(labeled(TRIGGER_START), pr({ blocked: true, triggers: triggers({ start: true }) })),
    expect: { action: 'refuse', reason: 'blocked', buildNeeded: false, consume: [TRIGGER_START] },
  },
  {
    name: 'start on a closed PR',
    given: 'the PR is closed',
    input: input(command({ kind: 'start' }), pr({ open: false })),
    expect: { action: 'refuse', reason: 'pr-not-open', buildNeeded: false, consume: [] },
  },
  {
    name: 'start and stop both present',
    given: `both triggers on the PR, ${O7} runs`,
    input: input(labeled(TRIGGER_START), serving(O7, { triggers: triggers({ start: true, stop: true }) })),
    expect: {
      action: 'stop',
      reason: 'stop-wins-over-start',
      buildNeeded: false,
      consume: [TRIGGER_START, TRIGGER_STOP],
    },
  },
  {
    name: 'stop label while a start label waits',
    given: `both triggers on the PR, ${O7} runs; the stop label came second`,
    input: input(labeled(TRIGGER_STOP), serving(O7, { triggers: triggers({ start: true, stop: true }) })),
    expect: {
      action: 'stop',
      reason: 'stop-wins-over-start',
      buildNeeded: false,
      consume: [TRIGGER_START, TRIGGER_STOP],
    },
  },
  {
    name: 'start and stop both present, nothing to stop',
    given: 'both triggers on the PR, no environment',
    input: input(labeled(TRIGGER_START), pr({ triggers: triggers({ start: true, stop: true }) })),
    expect: {
      action: 'nothing',
      reason: 'nothing-to-stop',
      buildNeeded: false,
      consume: [TRIGGER_START, TRIGGER_STOP],
    },
  },

  // SHAs pinned by the event.
  {
    name: 'start label pinned to a SHA that is no longer the head',
    given: `labeled at ${H7}; ${N7} was pushed since`,
    input: input(labeled(TRIGGER_START), pr({ headSha: NEWER, triggers: triggers({ start: true }) })),
    expect: { action: 'create', reason: 'pinned-sha-not-head', buildNeeded: true, targetSha: HEAD },
    mentions: [N7],
  },
  {
    name: 'start label pinned to a running SHA that is no longer the head',
    given: `labeled at ${H7}, which runs; ${N7} was pushed since`,
    input: input(labeled(TRIGGER_START), serving(H7, { headSha: NEWER })),
    expect: { action: 'redeploy-config', reason: 'pinned-sha-not-head', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'start command approving the head by its short SHA',
    given: `/showtime start ${H7}, which is the head`,
    input: input(command({ kind: 'start', sha: H7 }), serving(O7)),
    expect: { action: 'rolling-update', reason: 'replace-live', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'start command for a SHA that is not the head',
    given: `/showtime start ${O7} while the head is ${H7}`,
    input: input(command({ kind: 'start', sha: O7 }), pr({ triggers: triggers({ start: true }) })),
    expect: { action: 'refuse', reason: 'sha-not-head', buildNeeded: false, consume: [TRIGGER_START] },
    mentions: [O7, H7],
  },
  {
    name: 'start command with a full SHA that is not the head',
    given: `/showtime start with the full SHA of ${O7}`,
    input: input(command({ kind: 'start', sha: OLD }), pr()),
    expect: { action: 'refuse', reason: 'sha-not-head', buildNeeded: false },
  },
  {
    name: 'start command with text that is not a SHA',
    given: 'the sha argument is not hexadecimal',
    input: input(command({ kind: 'start', sha: 'main' }), pr()),
    expect: { action: 'refuse', reason: 'invalid-sha', buildNeeded: false },
    mentions: ['`main`', '7 or 40 lowercase hexadecimal characters'],
  },
  {
    name: 'dispatch without a SHA',
    given: 'no environment; dispatch deploys the head',
    input: input(dispatch(), pr()),
    expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'dispatch pinned to another full SHA',
    given: `dispatch names the full SHA of ${O7}, head is ${H7}`,
    input: input(dispatch(OLD), pr(), { commits: [OLD, HEAD] }),
    expect: { action: 'create', reason: 'pinned-sha-not-head', buildNeeded: true, targetSha: OLD },
  },
  {
    name: 'dispatch with a full SHA that is not a commit of the PR',
    given: `dispatch names a full SHA; the PR's commits are ${O7} and ${H7}`,
    input: input(dispatch(NEWER), pr(), { commits: [OLD, HEAD] }),
    expect: { action: 'refuse', reason: 'sha-not-in-pr', buildNeeded: false, consume: [] },
    mentions: ["input 'sha'", NEWER, HEAD],
  },
  {
    name: 'dispatch with a full SHA when the PR commits were not read',
    given: 'dispatch names a full SHA; nobody read the commits',
    input: input(dispatch(OLD), pr()),
    expect: { action: 'refuse', reason: 'sha-not-in-pr', buildNeeded: false },
  },
  {
    name: 'dispatch with a short SHA that is not the head',
    given: `dispatch names ${O7}, head is ${H7}`,
    input: input(dispatch(O7), pr()),
    expect: { action: 'refuse', reason: 'sha-not-in-pr', buildNeeded: false },
  },

  // Quotas.
  {
    name: 'quota refusal overall',
    given: 'three other PRs hold the three environments allowed',
    input: input(labeled(TRIGGER_START), pr({ triggers: triggers({ start: true }) }), {
      policy: QUOTA,
      fleet: FULL_FLEET,
    }),
    expect: { action: 'refuse', reason: 'quota-exceeded', buildNeeded: false, consume: [TRIGGER_START] },
    mentions: ['#101 (alice)', '#102 (bob)', '#103 (carol)', '3 of at most 3'],
  },
  {
    name: 'quota refusal per requester',
    given: 'the requester already holds two environments, the most allowed each',
    input: input(labeled(TRIGGER_START), pr(), {
      policy: QUOTA,
      fleet: fleet([101, 'Maintainer'], [102, 'maintainer']),
    }),
    expect: { action: 'refuse', reason: 'quota-exceeded', buildNeeded: false },
    mentions: ['@maintainer', '#101', '#102'],
  },
  {
    name: "quota ignores this PR's own environments",
    given: 'the fleet is at the limit only counting this PR',
    input: input(command({ kind: 'start' }), pr({ active: O7 }, env(O7, 'failed')), {
      policy: QUOTA,
      fleet: fleet([101, 'alice'], [102, undefined], [PR, 'maintainer']),
    }),
    expect: { action: 'create', reason: 'replace-stale', buildNeeded: true },
  },
  {
    name: 'quota not applied to rolling updates',
    given: `the fleet is full; ${O7} runs and the head is new`,
    input: input(labeled(TRIGGER_START), serving(O7), { policy: QUOTA, fleet: FULL_FLEET }),
    expect: { action: 'rolling-update', reason: 'replace-live', buildNeeded: true },
  },
  {
    name: 'quota not applied to redeploys',
    given: `the fleet is full; ${H7} runs`,
    input: input(command({ kind: 'start' }), serving(H7), { policy: QUOTA, fleet: FULL_FLEET }),
    expect: { action: 'redeploy-config', reason: 'redeploy-running-sha', buildNeeded: false },
  },
  {
    name: 'no quota when the fleet was not looked up',
    given: 'quotas are set but no fleet was passed',
    input: input(labeled(TRIGGER_START), pr(), { policy: QUOTA }),
    expect: { action: 'create', reason: 'first-start', buildNeeded: true },
  },

  // Stop.
  {
    name: 'stop',
    given: `${O7} runs`,
    input: input(labeled(TRIGGER_STOP), serving(O7, { triggers: triggers({ stop: true }) })),
    expect: { action: 'stop', reason: 'stop-requested', buildNeeded: false, consume: [TRIGGER_STOP] },
    mentions: [`${O7} (running)`],
  },
  {
    name: 'stop with nothing to stop',
    given: 'no environment',
    input: input(labeled(TRIGGER_STOP), pr({ triggers: triggers({ stop: true }) })),
    expect: { action: 'nothing', reason: 'nothing-to-stop', buildNeeded: false, consume: [TRIGGER_STOP] },
  },
  {
    name: 'stop command while blocked and frozen',
    given: `blocked and frozen, ${O7} runs, ${H7} building`,
    input: input(
      command({ kind: 'stop' }),
      pr({ active: O7, building: H7, blocked: true, frozen: true }, env(O7, 'running'), env(H7, 'building')),
    ),
    expect: { action: 'stop', reason: 'stop-requested', buildNeeded: false, consume: [] },
  },
  {
    name: 'stop when only a dangling pointer remains',
    given: `a 🏗️ pointer to ${H7} with no other label`,
    input: input(command({ kind: 'stop' }), pr({ building: H7 })),
    expect: { action: 'stop', reason: 'stop-requested', buildNeeded: false },
    mentions: [H7],
  },
  {
    name: 'removal of testenv-up',
    given: `${O7} runs`,
    input: input(unlabeled(LEGACY_TRIGGER), serving(O7)),
    expect: { action: 'stop', reason: 'legacy-trigger-removed', buildNeeded: false, consume: [] },
  },
  {
    name: 'removal of testenv-up with nothing running',
    given: 'no environment',
    input: input(unlabeled(LEGACY_TRIGGER), pr()),
    expect: { action: 'nothing', reason: 'nothing-to-stop', buildNeeded: false },
  },

  // Close and reopen.
  {
    name: 'PR closed with environments',
    given: `${O7} runs; closed by someone without write permission`,
    input: input(closed(CONTRIBUTOR), serving(O7)),
    expect: { action: 'stop', reason: 'pr-closed', buildNeeded: false, consume: [] },
  },
  {
    name: 'PR closed with pending triggers',
    given: `${O7} runs; start and stop labels were left on the PR`,
    input: input(closed(), serving(O7, { triggers: triggers({ start: true, stop: true }) })),
    expect: {
      action: 'stop',
      reason: 'pr-closed',
      buildNeeded: false,
      consume: [TRIGGER_START, TRIGGER_STOP],
    },
  },
  {
    name: 'PR closed without environments',
    given: 'no environment',
    input: input(closed(UNCHECKED), pr()),
    expect: { action: 'nothing', reason: 'nothing-to-stop', buildNeeded: false },
  },
  {
    name: 'PR reopened',
    given: 'testenv-up is on the PR',
    input: input(reopened, pr({ triggers: triggers({ legacyUp: true }) })),
    expect: { action: 'nothing', reason: 'reopened', buildNeeded: false },
  },

  // Pushes.
  {
    name: 'new commit with a running environment',
    given: `${O7} runs`,
    input: input(push(), serving(O7)),
    expect: {
      action: 'rolling-update',
      reason: 'new-commit',
      buildNeeded: true,
      targetSha: HEAD,
      consume: [],
    },
  },
  {
    name: 'new commit while an older one is still building',
    given: `${O7} is building`,
    input: input(push(), pr({ building: O7 }, env(O7, 'building')), { lock: LIVE_LOCK }),
    expect: { action: 'rolling-update', reason: 'new-commit', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'new commit after a failed environment',
    given: `only ${O7}, failed, exists`,
    input: input(push(), pr({ active: O7 }, env(O7, 'failed'))),
    expect: { action: 'rolling-update', reason: 'new-commit', buildNeeded: true },
  },
  {
    name: 'new commit applies waiting conf labels',
    given: `${O7} runs with debug on; a conf label for ALERT_REPORTS waits`,
    input: input(
      push(),
      serving(
        O7,
        { pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] },
        { config: { flags: {}, debug: true, size: 'large' } },
      ),
    ),
    expect: {
      action: 'rolling-update',
      reason: 'new-commit',
      buildNeeded: true,
      consume: [CONF_ALERTS],
      config: { flags: { ALERT_REPORTS: true }, debug: true, size: 'large' },
    },
  },
  {
    name: 'new commit while frozen',
    given: `frozen, ${O7} runs`,
    input: input(push(), serving(O7, { frozen: true })),
    expect: { action: 'nothing', reason: 'frozen', buildNeeded: false },
  },
  {
    name: 'new commit while blocked',
    given: `blocked, ${O7} runs`,
    input: input(push(), serving(O7, { blocked: true, frozen: true })),
    expect: { action: 'nothing', reason: 'blocked', buildNeeded: false },
  },
  {
    name: 'new commit with no environment',
    given: 'no environment',
    input: input(push(), pr()),
    expect: { action: 'nothing', reason: 'no-environment', buildNeeded: false },
  },
  {
    name: 'new commit with testenv-up and no environment',
    given: 'testenv-up on the PR, no environment (the old workflow created one)',
    input: input(push(), pr({ triggers: triggers({ legacyUp: true }) })),
    expect: {
      action: 'create',
      reason: 'legacy-trigger-present',
      buildNeeded: true,
      targetSha: HEAD,
      consume: [],
    },
  },
  {
    name: 'new commit with testenv-up, fleet full',
    given: 'testenv-up on the PR, no environment, three other PRs at the limit',
    input: input(push(), pr({ triggers: triggers({ legacyUp: true }) }), {
      policy: QUOTA,
      fleet: FULL_FLEET,
    }),
    expect: { action: 'refuse', reason: 'quota-exceeded', buildNeeded: false },
  },
  {
    name: 'new commit already deployed',
    given: `${H7}, the pushed head, already runs`,
    input: input(push(), serving(H7)),
    expect: { action: 'nothing', reason: 'up-to-date', buildNeeded: false },
  },
  {
    name: 'new commit already being deployed',
    given: `${O7} runs; ${H7} is building under a live lock`,
    input: input(push(), pr({ active: O7, building: H7 }, env(O7, 'running'), env(H7, 'building')), {
      lock: LIVE_LOCK,
    }),
    expect: { action: 'nothing', reason: 'already-in-progress', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'push event older than the head',
    given: `the push of ${H7} arrives after ${N7} was pushed; ${O7} runs`,
    input: input(push(), serving(O7, { headSha: NEWER })),
    expect: { action: 'rolling-update', reason: 'new-commit', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'push event with an unreadable SHA',
    given: `${O7} runs; the event's head is not a SHA`,
    input: input(push(MAINTAINER, false, 'HEAD' as Sha), serving(O7)),
    expect: { action: 'refuse', reason: 'invalid-sha', buildNeeded: false },
  },
  {
    name: 'new commit from a fork pushed by a writer',
    given: `${O7} runs; a committer pushed to the fork's branch (or clicked Update branch)`,
    input: input(push(ADMIN, true), serving(O7, { fromFork: true })),
    expect: {
      action: 'await-approval',
      reason: 'awaiting-approval',
      buildNeeded: false,
      targetSha: HEAD,
      approval: { sha: HEAD, since: O7 },
    },
    mentions: [`/showtime start ${HEAD}`],
  },

  // Fork PRs: only a writer's approval by the full SHA of the head deploys it.
  ...FORK_CASES(),

  // Authorization.
  {
    name: 'non-writer adds the start label',
    given: 'a triage user labels the PR',
    input: input(labeled(TRIGGER_START, TRIAGER), pr({ triggers: triggers({ start: true }) })),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [TRIGGER_START] },
    mentions: ['@triager (triage)', 'start an environment'],
  },
  {
    name: 'someone with no access adds the start label',
    given: 'a user without any permission on the repository labels the PR (their permission reads "none")',
    input: input(
      labeled(TRIGGER_START, { login: 'stranger', permission: 'none' }),
      pr({ triggers: triggers({ start: true }) }),
    ),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [TRIGGER_START] },
    // "none" is no permission: it reads "no access", never "(none)" as if it were one.
    mentions: ['@stranger (no access)', 'start an environment'],
  },
  {
    name: 'non-writer adds testenv-up',
    given: 'a triage user adds the old workflow label',
    input: input(labeled(LEGACY_TRIGGER, TRIAGER), pr({ triggers: triggers({ legacyUp: true }) })),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [LEGACY_TRIGGER] },
  },
  {
    name: 'non-writer adds a conf label',
    given: `a triage user adds a conf label; ${O7} runs`,
    input: input(
      labeled(CONF_ALERTS, TRIAGER),
      serving(O7, { pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] }),
    ),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [CONF_ALERTS] },
  },
  {
    name: 'non-writer adds the freeze label',
    given: `a triage user freezes; ${O7} runs`,
    input: input(labeled(FREEZE, TRIAGER), serving(O7, { frozen: true })),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [FREEZE] },
  },
  {
    name: 'non-writer comments a start command',
    given: 'a read-only contributor comments',
    input: input(command({ kind: 'start' }, CONTRIBUTOR), pr()),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [] },
    mentions: ['@contributor (read)'],
  },
  {
    name: 'non-writer asks for status',
    given: 'a read-only contributor comments',
    input: input(command({ kind: 'status' }, CONTRIBUTOR), serving(O7)),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false },
  },
  {
    name: 'non-writer dispatches',
    given: 'the workflow is dispatched by a triage user',
    input: input(dispatch(undefined, TRIAGER), pr()),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false },
  },
  {
    name: 'non-writer removes testenv-up',
    given: `a triage user removes it; ${O7} runs`,
    input: input(unlabeled(LEGACY_TRIGGER, TRIAGER), serving(O7)),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [] },
  },
  {
    name: 'non-writer removes the blocked label',
    given: 'a triage user removes it',
    input: input(unlabeled(BLOCKED, TRIAGER), pr()),
    expect: { action: 'refuse', reason: 'state-label-restored', buildNeeded: false, restore: [BLOCKED] },
    mentions: ['@triager (triage)', 'put back'],
  },
  {
    name: 'non-writer removes the freeze label',
    given: `a triage user removes it; ${O7} runs`,
    input: input(unlabeled(FREEZE, TRIAGER), serving(O7)),
    expect: { action: 'refuse', reason: 'state-label-restored', buildNeeded: false, restore: [FREEZE] },
  },
  {
    name: 'non-writer removes the creation time of the active environment',
    given: `${O7} runs; a triage user removes its 📅`,
    input: input(
      unlabeled('🎪 def5678 📅 2025-06-02T10-00', TRIAGER),
      serving(O7, {}, { createdAt: undefined, labels: ['🎪 def5678 🚦 running'] }),
    ),
    expect: {
      action: 'refuse',
      reason: 'state-label-restored',
      buildNeeded: false,
      restore: ['🎪 def5678 📅 2025-06-02T10-00'],
    },
  },
  {
    name: 'non-writer removes the active pointer',
    given: `${O7} runs; a triage user removes its 🎯`,
    input: input(unlabeled(`🎪 🎯 ${O7}`, TRIAGER), pr({}, env(O7, 'running'))),
    expect: {
      action: 'refuse',
      reason: 'state-label-restored',
      buildNeeded: false,
      restore: [`🎪 🎯 ${O7}`],
    },
  },
  {
    name: 'non-writer removes a label of an environment that is gone',
    given: `a triage user removes ${O7}'s 🚦 after a stop removed the rest`,
    input: input(unlabeled(`🎪 ${O7} 🚦 running`, TRIAGER), pr()),
    expect: { action: 'nothing', reason: 'label-removed', buildNeeded: false },
  },
  {
    name: "the action's own removal with an App token",
    given: `a run (an App bot) removed ${O7}'s 🚦 while stopping it`,
    input: input(
      unlabeled(`🎪 ${O7} 🚦 running`, { login: 'showtime-app[bot]', permission: 'unknown' }),
      pr({}, env(O7, 'destroying', { labels: [] })),
    ),
    expect: { action: 'nothing', reason: 'label-removed', buildNeeded: false },
  },
  {
    name: 'writer removes a state label',
    given: `${O7} runs; a maintainer removes its 🌐`,
    input: input(unlabeled(`🎪 ${O7} 🌐 10.0.0.1:8080`, MAINTAINER), serving(O7)),
    expect: { action: 'nothing', reason: 'label-removed', buildNeeded: false },
  },
  {
    name: 'non-writer pushes',
    given: `${O7} runs; the author has read permission`,
    input: input(push(CONTRIBUTOR), serving(O7)),
    expect: {
      action: 'await-approval',
      reason: 'awaiting-approval',
      buildNeeded: false,
      targetSha: HEAD,
      consume: [],
    },
    mentions: [`/showtime start ${HEAD}`, '@contributor'],
  },
  {
    name: 'non-writer pushes from a fork',
    given: `${O7} runs; the fork's author has no permission`,
    input: input(push({ login: 'forker', permission: 'none' }, true), serving(O7, { fromFork: true })),
    expect: {
      action: 'await-approval',
      reason: 'awaiting-approval',
      buildNeeded: false,
      targetSha: HEAD,
      approval: { sha: HEAD, since: O7 },
    },
    mentions: ['from a fork', `/showtime start ${HEAD}`],
  },
  {
    name: 'non-writer pushes with testenv-up and no environment',
    given: 'testenv-up on the PR, no environment',
    input: input(push(CONTRIBUTOR), pr({ triggers: triggers({ legacyUp: true }) })),
    expect: { action: 'await-approval', reason: 'awaiting-approval', buildNeeded: false, targetSha: HEAD },
  },
  {
    name: 'non-writer pushes with no environment',
    given: 'no environment',
    input: input(push(CONTRIBUTOR), pr()),
    expect: { action: 'nothing', reason: 'no-environment', buildNeeded: false },
  },
  {
    name: 'non-writer pushes while frozen',
    given: `frozen, ${O7} runs`,
    input: input(push(CONTRIBUTOR, true), serving(O7, { frozen: true })),
    expect: { action: 'nothing', reason: 'frozen', buildNeeded: false },
  },
  {
    name: 'permission check failed on a label',
    given: 'the permission lookup failed (unknown)',
    input: input(labeled(TRIGGER_START, UNCHECKED), pr({ triggers: triggers({ start: true }) })),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false, consume: [TRIGGER_START] },
    mentions: ['@someone', 'could not be checked'],
  },
  {
    name: 'permission check failed on a push',
    given: `${O7} runs; the permission lookup failed (unknown)`,
    input: input(push(UNCHECKED), serving(O7)),
    expect: { action: 'await-approval', reason: 'awaiting-approval', buildNeeded: false },
  },
  {
    name: 'unrelated label added',
    given: 'a triage user adds a label showtime does not own',
    input: input(labeled('size/M', TRIAGER), serving(O7)),
    expect: { action: 'nothing', reason: 'label-ignored', buildNeeded: false, consume: [] },
  },
  {
    name: 'tracking label added',
    given: 'a run added the index label',
    input: input(labeled(TRACKED, UNCHECKED), serving(O7)),
    expect: { action: 'nothing', reason: 'label-ignored', buildNeeded: false },
  },
  {
    name: 'trigger label removed',
    given: 'a run consumed the start label',
    input: input(unlabeled(TRIGGER_START, UNCHECKED), serving(O7)),
    expect: { action: 'nothing', reason: 'label-removed', buildNeeded: false },
  },

  // Configuration.
  {
    name: 'conf label with a running environment',
    given: `${O7} runs with debug on; conf labels for ALERT_REPORTS and size large wait`,
    input: input(
      labeled(CONF_ALERTS),
      serving(
        O7,
        {
          pendingConfig: [
            { change: ALERTS_ON, label: CONF_ALERTS },
            { change: { kind: 'size', size: 'large' }, label: '🎪 conf-size-large' },
          ],
        },
        { config: { flags: { EMBEDDED: false }, debug: true } },
      ),
    ),
    expect: {
      action: 'redeploy-config',
      reason: 'config-changed',
      buildNeeded: false,
      targetSha: O7,
      consume: [CONF_ALERTS, '🎪 conf-size-large'],
      config: { flags: { EMBEDDED: false, ALERT_REPORTS: true }, debug: true, size: 'large' },
    },
  },
  {
    name: 'conf label without an environment',
    given: 'no environment; the label waits for the next create',
    input: input(labeled(CONF_ALERTS), pr({ pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] })),
    expect: { action: 'nothing', reason: 'config-pending', buildNeeded: false, consume: [] },
  },
  {
    name: 'conf label while building',
    given: `${H7} is building`,
    input: input(
      labeled(CONF_ALERTS),
      pr({ active: H7, pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] }, env(H7, 'building')),
    ),
    expect: { action: 'nothing', reason: 'config-pending', buildNeeded: false, consume: [] },
  },
  {
    name: 'conf label while blocked',
    given: `blocked, ${O7} runs`,
    input: input(
      labeled(CONF_ALERTS),
      serving(O7, { blocked: true, pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] }),
    ),
    expect: { action: 'refuse', reason: 'blocked', buildNeeded: false, consume: [] },
  },
  {
    name: 'configure command after waiting conf labels',
    given: `${O7} runs; a label enabled ALERT_REPORTS, the command disables it again`,
    input: input(
      command({ kind: 'configure', change: { kind: 'flag', flag: 'ALERT_REPORTS', enabled: false } }),
      serving(O7, { pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }] }),
    ),
    expect: {
      action: 'redeploy-config',
      reason: 'config-changed',
      buildNeeded: false,
      consume: [CONF_ALERTS],
      config: { flags: { ALERT_REPORTS: false }, debug: false },
    },
  },
  {
    name: 'configure command without an environment',
    given: 'no environment',
    input: input(command({ kind: 'configure', change: DEBUG_ON }), pr()),
    expect: { action: 'nothing', reason: 'config-pending', buildNeeded: false },
  },

  // Extend and keep-alive.
  {
    name: 'extend',
    given: `${O7} runs`,
    input: input(command({ kind: 'extend', ttl: hours(72) }), serving(O7)),
    expect: {
      action: 'extend',
      reason: 'extend-requested',
      buildNeeded: false,
      targetSha: O7,
      ttl: hours(72),
    },
    mentions: ['3d'],
  },
  {
    name: 'extend while only building',
    given: `${H7} is building, nothing active`,
    input: input(command({ kind: 'extend', ttl: hours(12) }), pr({ building: H7 }, env(H7, 'building'))),
    expect: { action: 'extend', reason: 'extend-requested', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'extend without an environment',
    given: 'no environment',
    input: input(command({ kind: 'extend', ttl: hours(24) }), pr()),
    expect: { action: 'refuse', reason: 'no-environment', buildNeeded: false },
  },
  {
    name: 'extend while blocked',
    given: `blocked, ${O7} runs`,
    input: input(command({ kind: 'extend', ttl: hours(24) }), serving(O7, { blocked: true })),
    expect: { action: 'refuse', reason: 'blocked', buildNeeded: false },
  },
  {
    name: 'extend: the ⌛ counts from the creation',
    given: `${O7} runs, created 2 hours ago`,
    input: input(command({ kind: 'extend', ttl: hours(72) }), serving(O7)),
    expect: {
      action: 'extend',
      reason: 'extend-requested',
      buildNeeded: false,
      ttl: hours(72),
      ttlWritten: hours(74),
    },
  },
  {
    name: 'extend past the 4-week limit',
    given: `${O7} runs, created 2 hours ago`,
    input: input(command({ kind: 'extend', ttl: hours(671) }), serving(O7)),
    expect: { action: 'refuse', reason: 'ttl-over-limit', buildNeeded: false, targetSha: O7 },
    mentions: ['4 weeks', 'keep-alive'],
  },
  {
    name: 'extend to exactly the 4-week limit',
    given: `${O7} runs, created 2 hours ago`,
    input: input(command({ kind: 'extend', ttl: hours(670) }), serving(O7)),
    expect: { action: 'extend', reason: 'extend-requested', buildNeeded: false, ttlWritten: hours(672) },
  },
  {
    name: 'keep-alive',
    given: `${O7} runs`,
    input: input(command({ kind: 'keep-alive' }), serving(O7)),
    expect: {
      action: 'extend',
      reason: 'keep-alive',
      buildNeeded: false,
      targetSha: O7,
      ttl: { kind: 'close' },
    },
  },

  // Sleep and wake.
  {
    name: 'sleep command',
    given: `${H7} runs`,
    input: input(command({ kind: 'sleep' }), serving(H7)),
    expect: { action: 'sleep', reason: 'sleep-requested', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'sleep command with nothing running',
    given: `${H7} failed`,
    input: input(command({ kind: 'sleep' }), pr({ active: H7 }, env(H7, 'failed'))),
    expect: { action: 'nothing', reason: 'nothing-to-sleep', buildNeeded: false },
  },
  {
    name: 'sleep command from a triager',
    given: `${H7} runs`,
    input: input(command({ kind: 'sleep' }, TRIAGER), serving(H7)),
    expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false },
  },
  {
    name: 'wake command',
    given: `${H7} sleeps`,
    input: input(command({ kind: 'wake' }), pr({ active: H7 }, env(H7, 'sleeping'))),
    expect: { action: 'wake', reason: 'wake-requested', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'wake command while running',
    given: `${H7} runs`,
    input: input(command({ kind: 'wake' }), serving(H7)),
    expect: { action: 'nothing', reason: 'nothing-to-wake', buildNeeded: false },
  },
  {
    name: 'wake command while blocked',
    given: `${H7} sleeps; blocked`,
    input: input(command({ kind: 'wake' }), pr({ active: H7, blocked: true }, env(H7, 'sleeping'))),
    expect: { action: 'refuse', reason: 'blocked', buildNeeded: false },
  },
  {
    name: 'start label on a sleeping head',
    given: `${H7}, the head, sleeps`,
    input: input(
      labeled(TRIGGER_START),
      pr({ active: H7, triggers: triggers({ start: true }) }, env(H7, 'sleeping')),
    ),
    expect: { action: 'wake', reason: 'wake-on-start', buildNeeded: false, consume: [TRIGGER_START] },
  },
  {
    name: 'push on a sleeping environment',
    given: `${O7} sleeps; ${H7} is pushed`,
    input: input(push(), pr({ active: O7 }, env(O7, 'sleeping'))),
    expect: { action: 'rolling-update', reason: 'new-commit', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'sweep as a sleep window begins',
    given: `${H7} runs; the window Mon-Fri 12:00-18:00 UTC began 0 minutes ago (a Monday)`,
    input: input(sweep, serving(H7), { policy: { ...POLICY, sleepSchedule: WEEKDAY_NOON } }),
    expect: { action: 'sleep', reason: 'sleep-scheduled', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'sweep late in a sleep window',
    given: `${H7} runs (woken on purpose); the window began 2 hours ago`,
    input: input(sweep, serving(H7), {
      policy: { ...POLICY, sleepSchedule: WEEKDAY_TEN },
    }),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep as a sleep window begins, a run holds the lock',
    given: `${H7} runs; a run holds the PR's lock`,
    input: input(sweep, serving(H7), { policy: { ...POLICY, sleepSchedule: WEEKDAY_NOON }, lock: LIVE_LOCK }),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },

  // Freeze, block, status.
  {
    name: 'freeze label',
    given: `${O7} runs`,
    input: input(labeled(FREEZE), serving(O7, { frozen: true })),
    expect: { action: 'freeze', reason: 'freeze-requested', buildNeeded: false },
  },
  {
    name: 'freeze command',
    given: `${O7} runs`,
    input: input(command({ kind: 'freeze' }), serving(O7)),
    expect: { action: 'freeze', reason: 'freeze-requested', buildNeeded: false, consume: [] },
  },
  {
    name: 'unfreeze label at the head',
    given: `${H7}, the head, runs`,
    input: input(unlabeled(FREEZE), serving(H7)),
    expect: { action: 'unfreeze', reason: 'unfreeze-requested', buildNeeded: false, consume: [] },
  },
  {
    name: 'unfreeze label behind the head',
    given: `${O7} runs; ${H7} was pushed while frozen`,
    input: input(unlabeled(FREEZE), serving(O7)),
    expect: { action: 'rolling-update', reason: 'unfrozen-behind-head', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'unfreeze command behind the head',
    given: `frozen, ${O7} runs; the run removes the freeze label`,
    input: input(command({ kind: 'unfreeze' }), serving(O7, { frozen: true })),
    expect: {
      action: 'rolling-update',
      reason: 'unfrozen-behind-head',
      buildNeeded: true,
      consume: [FREEZE],
    },
  },
  {
    name: 'unfreeze command behind the head while blocked',
    given: `frozen and blocked, ${O7} runs`,
    input: input(command({ kind: 'unfreeze' }), serving(O7, { frozen: true, blocked: true })),
    expect: { action: 'unfreeze', reason: 'unfreeze-requested', buildNeeded: false, consume: [FREEZE] },
  },
  {
    name: 'unfreeze while the head is already building',
    given: `${O7} runs; ${H7} is building`,
    input: input(
      unlabeled(FREEZE),
      pr({ active: O7, building: H7 }, env(O7, 'running'), env(H7, 'building')),
    ),
    expect: { action: 'unfreeze', reason: 'unfreeze-requested', buildNeeded: false },
  },
  {
    name: 'blocked label added',
    given: `${O7} runs`,
    input: input(labeled(BLOCKED), serving(O7, { blocked: true })),
    expect: { action: 'nothing', reason: 'blocked', buildNeeded: false, consume: [] },
  },
  {
    name: 'blocked label removed',
    given: `${O7} runs`,
    input: input(unlabeled(BLOCKED), serving(O7)),
    expect: { action: 'nothing', reason: 'unblocked', buildNeeded: false },
  },
  {
    name: 'other label removed',
    given: 'a label showtime does not own',
    input: input(unlabeled('size/M'), serving(O7)),
    expect: { action: 'nothing', reason: 'label-removed', buildNeeded: false },
  },
  {
    name: 'status',
    given: `${O7} runs`,
    input: input(command({ kind: 'status' }), serving(O7)),
    expect: { action: 'status', reason: 'status-requested', buildNeeded: false },
  },
  {
    name: 'help',
    given: 'no environment',
    input: input(command({ kind: 'help' }), pr()),
    expect: { action: 'status', reason: 'help-requested', buildNeeded: false },
  },

  // The sweep.
  {
    name: 'sweep: TTL expired',
    given: `${O7} was created 49 hours ago with the default 48h TTL`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(49 * 60) })),
    expect: { action: 'stop', reason: 'ttl-expired', buildNeeded: false, consume: [] },
  },
  {
    name: 'sweep: TTL expires exactly now',
    given: `${O7} was created 24 hours ago with a 24h TTL`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(24 * 60), ttl: hours(24) })),
    expect: { action: 'stop', reason: 'ttl-expired', buildNeeded: false },
  },
  {
    name: 'sweep: TTL warning',
    given: `${O7} expires in 30 minutes; warnings start 60 minutes before`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(48 * 60 - 30) })),
    expect: { action: 'warn-expiry', reason: 'expiry-warning', buildNeeded: false, targetSha: O7 },
    mentions: ['2025-06-02 12:30 UTC'],
  },
  {
    name: 'sweep: before the warning window',
    given: `${O7} expires in 2 hours`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(46 * 60) })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: "sweep: the environment's own TTL wins over the default",
    given: `${O7} was created 3 days ago with a 1w TTL`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(3 * 24 * 60), ttl: hours(168) })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: close TTL never expires',
    given: `${O7} was created a year ago with TTL close`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(365 * 24 * 60), ttl: { kind: 'close' } })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: manual TTL never expires',
    given: `${O7} was created a year ago with TTL manual`,
    input: input(sweep, serving(O7, {}, { createdAt: minutesAgo(365 * 24 * 60), ttl: { kind: 'manual' } })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: no creation time',
    given: `${O7} runs but its 📅 label is missing`,
    input: input(sweep, serving(O7, {}, { createdAt: undefined })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: lease expired',
    given: `${H7} has been building for 2 hours and no run holds the lock`,
    input: input(sweep, pr({ building: H7 }, env(H7, 'building'))),
    expect: { action: 'stop', reason: 'lease-expired', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'sweep: deletion owed',
    given: `the teardown of ${O7} failed (it is still destroying) and no run holds the lock`,
    input: input(sweep, pr({}, env(O7, 'destroying', { createdAt: new Date(NOW.getTime() - 60_000) }))),
    expect: { action: 'stop', reason: 'deletion-owed', buildNeeded: false, targetSha: O7 },
  },
  {
    name: 'sweep: teardown under a live lock',
    given: `${O7} is destroying and a run holds the lock`,
    input: input(sweep, pr({}, env(O7, 'destroying')), { lock: LIVE_LOCK }),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: stuck rolling update',
    given: `${O7} runs; ${H7} has been deploying for 2 hours, the lock expired`,
    input: input(sweep, pr({ active: O7, building: H7 }, env(O7, 'running'), env(H7, 'deploying')), {
      lock: EXPIRED_LOCK,
    }),
    expect: { action: 'stop', reason: 'lease-expired', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'sweep: stuck with no creation time',
    given: `${H7} is building, its 📅 label is missing, no lock`,
    input: input(sweep, pr({ building: H7 }, env(H7, 'building', { createdAt: undefined }))),
    expect: { action: 'stop', reason: 'lease-expired', buildNeeded: false, targetSha: H7 },
  },
  {
    name: 'sweep: long build under a live lock',
    given: `${H7} has been building for 2 hours; its run holds the lock`,
    input: input(sweep, pr({ building: H7 }, env(H7, 'building')), { lock: LIVE_LOCK }),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: fresh build without a lock',
    given: `${H7} started building 10 minutes ago; the lease is 30 minutes`,
    input: input(sweep, pr({ building: H7 }, env(H7, 'building', { createdAt: minutesAgo(10) }))),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  {
    name: 'sweep: closed PR with environments',
    given: `the PR is closed; ${O7} still runs`,
    input: input(sweep, serving(O7, { open: false }, { ttl: { kind: 'manual' } })),
    expect: { action: 'stop', reason: 'leftover-closed-pr', buildNeeded: false },
  },
  {
    name: 'sweep: closed PR without environments',
    given: 'the PR is closed; nothing left',
    input: input(sweep, pr({ open: false })),
    expect: { action: 'nothing', reason: 'nothing-to-do', buildNeeded: false },
  },
  // Repairs: a change interrupted half-way is deployed again rather than changed further.
  {
    name: 'configure on an environment left with two statuses',
    given: `${H7} runs, labelled running and configuring (an interrupted run)`,
    input: input(
      command({ kind: 'configure', change: DEBUG_ON }),
      serving(H7, {}, { labels: [statusLabel(H7, 'running'), statusLabel(H7, 'configuring')] }),
    ),
    expect: { action: 'create', reason: 'repair-interrupted-change', buildNeeded: true, targetSha: HEAD },
    mentions: [H7],
  },
  {
    name: 'configure on an environment left with its building pointer',
    given: `${H7} runs, still labelled 🏗️`,
    input: input(
      command({ kind: 'configure', change: DEBUG_ON }),
      serving(H7, {}, { labels: [statusLabel(H7, 'running'), buildingLabel(H7)] }),
    ),
    expect: { action: 'create', reason: 'repair-interrupted-change', buildNeeded: true, targetSha: HEAD },
  },

  // The claim's outcomes, decided again on the labels read after it.
  {
    name: 'claim: the start trigger was taken by another run',
    given: `claiming ${H7}: the trigger is gone and ${H7} is building`,
    input: input(labeled(TRIGGER_START), pr({ building: H7 }, env(H7, 'building')), {
      claim: { kind: 'trigger-gone', sha: HEAD },
    }),
    expect: { action: 'nothing', reason: 'claimed-by-another-run', buildNeeded: false },
  },
  {
    name: 'claim: the start trigger was withdrawn',
    given: `claiming ${H7}: the trigger is gone, nothing builds it`,
    input: input(labeled(TRIGGER_START), pr(), { claim: { kind: 'trigger-gone', sha: HEAD } }),
    expect: { action: 'nothing', reason: 'start-withdrawn', buildNeeded: false },
    mentions: ['stop'],
  },
  {
    name: 'claim: the lock is held by a live run',
    given: `claiming ${H7}: run-2 holds its lock`,
    input: input(labeled(TRIGGER_START), pr(), { claim: { kind: 'lock-held', sha: HEAD, holder: 'run-2' } }),
    expect: { action: 'nothing', reason: 'already-in-progress', buildNeeded: false },
    mentions: ['run-2'],
  },
  {
    name: 'claim: locked, the labels unchanged',
    given: `claimed ${H7}; the labels read again say nothing changed`,
    input: input(labeled(TRIGGER_START), pr(), { claim: { kind: 'locked', sha: HEAD } }),
    expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
  },
  {
    name: 'claim: locked, another run deployed it meanwhile',
    given: `claimed ${H7}; the labels read again say ${H7} runs`,
    input: input(labeled(TRIGGER_START), serving(H7), { claim: { kind: 'locked', sha: HEAD } }),
    expect: { action: 'redeploy-config', reason: 'redeploy-running-sha', buildNeeded: false },
  },
  {
    name: 'claim: locked, the head moved meanwhile',
    given: `claimed ${H7}; the labels read again show head ${N7}`,
    input: input(labeled(TRIGGER_START, MAINTAINER, NEWER), pr({ headSha: NEWER }), {
      claim: { kind: 'locked', sha: HEAD },
    }),
    expect: { action: 'nothing', reason: 'head-moved', buildNeeded: false },
  },
];

/** A fork PR: anyone may push to its head branch, so every way to deploy it but a full-SHA approval waits. */
function FORK_CASES(): PlannerCase[] {
  const fork = (overrides: Partial<PrState> = {}, ...envs: Environment[]): PrState =>
    pr({ fromFork: true, ...overrides }, ...envs);
  const waiting = {
    action: 'await-approval',
    reason: 'awaiting-approval',
    buildNeeded: false,
    targetSha: HEAD,
  } as const;
  return [
    {
      name: 'fork PR: a maintainer adds the start label',
      given: 'fork PR, no environment; the label pins the head of its time',
      input: input(labeled(TRIGGER_START), fork({ triggers: triggers({ start: true }) })),
      expect: { ...waiting, consume: [TRIGGER_START], approval: { sha: HEAD } },
      mentions: [`/showtime start ${HEAD}`],
    },
    {
      name: 'fork PR: a maintainer adds testenv-up',
      given: 'fork PR, no environment',
      input: input(labeled(LEGACY_TRIGGER), fork({ triggers: triggers({ legacyUp: true }) })),
      expect: waiting,
      mentions: [`/showtime start ${HEAD}`],
    },
    {
      name: 'fork PR: plain start command',
      given: `fork PR; ${O7} runs; /showtime start`,
      input: input(command({ kind: 'start' }), fork({ active: O7 }, env(O7, 'running'))),
      expect: { ...waiting, approval: { sha: HEAD, since: O7 } },
    },
    {
      name: 'fork PR: start command with the 7-character head SHA',
      given: `fork PR; /showtime start ${H7} (a 7-hex prefix is seconds of work to collide)`,
      input: input(command({ kind: 'start', sha: H7 }), fork()),
      expect: waiting,
      mentions: [`/showtime start ${HEAD}`],
    },
    {
      name: 'fork PR: start command with the full head SHA',
      given: 'fork PR; /showtime start <40-hex of the head>',
      input: input(command({ kind: 'start', sha: HEAD }), fork()),
      expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
    },
    {
      name: 'fork PR: full-SHA approval of a commit that is no longer the head',
      given: `fork PR; /showtime start <40-hex of ${O7}> after a force-push to ${H7}`,
      input: input(command({ kind: 'start', sha: OLD }), fork()),
      expect: { action: 'refuse', reason: 'sha-not-head', buildNeeded: false },
    },
    {
      name: 'fork PR: full-SHA approval by a non-writer',
      given: 'fork PR; the fork author comments /showtime start <40-hex>',
      input: input(command({ kind: 'start', sha: HEAD }, CONTRIBUTOR), fork()),
      expect: { action: 'refuse', reason: 'not-authorized', buildNeeded: false },
    },
    {
      name: 'fork PR: dispatch without a SHA',
      given: 'fork PR; workflow_dispatch with the PR number only',
      input: input(dispatch(), fork()),
      expect: waiting,
    },
    {
      name: 'fork PR: dispatch with the full head SHA',
      given: 'fork PR; workflow_dispatch names the head in full',
      input: input(dispatch(HEAD), fork(), { commits: [HEAD] }),
      expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
    },
    {
      name: 'fork PR: push with testenv-up and no environment',
      given: 'fork PR with testenv-up; a writer pushes',
      input: input(push(MAINTAINER, true), fork({ triggers: triggers({ legacyUp: true }) })),
      expect: waiting,
    },
    {
      name: 'fork PR: unfreeze behind the head',
      given: `fork PR, frozen at ${O7}; the head is ${H7}`,
      input: input(command({ kind: 'unfreeze' }), fork({ active: O7, frozen: true }, env(O7, 'running'))),
      expect: { ...waiting, consume: [FREEZE], approval: { sha: HEAD, since: O7 } },
    },
    {
      name: 'fork PR: a pending conf label waits for the approved deployment',
      given: `fork PR; start label with a pending conf label`,
      input: input(
        labeled(TRIGGER_START),
        fork({
          triggers: triggers({ start: true }),
          pendingConfig: [{ change: ALERTS_ON, label: CONF_ALERTS }],
        }),
      ),
      expect: { ...waiting, consume: [TRIGGER_START] },
    },
    {
      name: 'fork PR: configuration change of the running approved commit',
      given: `fork PR; ${H7} runs; /showtime enable ALERT_REPORTS`,
      input: input(
        command({ kind: 'configure', change: ALERTS_ON }),
        fork({ active: H7 }, env(H7, 'running')),
      ),
      expect: { action: 'redeploy-config', reason: 'config-changed', buildNeeded: false },
    },
    {
      name: 'one-job form: fork PR, full-SHA approval',
      given:
        'fork PR; /showtime start <40-hex of the head>; showtime runs as one job (it holds the deploy role)',
      input: input(command({ kind: 'start', sha: HEAD }), fork(), { policy: ONE_JOB }),
      expect: { action: 'refuse', reason: 'fork-build-needs-split', buildNeeded: false, targetSha: HEAD },
      mentions: ['plan, build and deploy', 'One job or three'],
    },
    {
      name: 'one-job form: fork PR, the start label',
      given: 'fork PR, no environment; one-job form',
      input: input(labeled(TRIGGER_START), fork({ triggers: triggers({ start: true }) }), {
        policy: ONE_JOB,
      }),
      expect: {
        action: 'refuse',
        reason: 'fork-build-needs-split',
        buildNeeded: false,
        consume: [TRIGGER_START],
      },
    },
    {
      name: 'one-job form: push to a fork PR',
      given: `fork PR; ${O7} runs; a writer pushes; one-job form`,
      input: input(push(MAINTAINER, true), fork({ active: O7 }, env(O7, 'running')), { policy: ONE_JOB }),
      expect: { action: 'refuse', reason: 'fork-build-needs-split', buildNeeded: false },
    },
    {
      name: 'one-job form opted in to fork builds',
      given: 'fork PR; full-SHA approval; allow-unsafe-fork-builds: true',
      input: input(command({ kind: 'start', sha: HEAD }), fork(), {
        policy: { ...POLICY, forkBuilds: 'in-this-job' },
      }),
      expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
    },
    {
      name: 'one-job form: same-repository PR',
      given: 'same-repository PR; the start label; one-job form',
      input: input(labeled(TRIGGER_START), pr({ triggers: triggers({ start: true }) }), { policy: ONE_JOB }),
      expect: { action: 'create', reason: 'first-start', buildNeeded: true, targetSha: HEAD },
    },
    {
      name: 'PR of unknown origin counts as a fork',
      given: 'the caller did not say where the head lives',
      input: input(labeled(TRIGGER_START), {
        ...pr({ triggers: triggers({ start: true }) }),
        fromFork: undefined,
      }),
      expect: waiting,
    },
  ];
}
