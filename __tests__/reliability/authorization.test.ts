// The authorization matrix, through the bundled plan step with real event payloads: every sender permission
// (admin, maintain, write, triage, read, none, and "the permission API failed") against every event that can ask for
// something. The plan step alone decides (and claims, for an allowed build), so its `action` output is the verdict.
// The documented rules (src/core/planner.ts): admin, maintain and write are writers; anything else, including a
// permission that could not be read, is denied; closing a PR tears down whoever closed it; a non-writer's push
// waits for a maintainer's SHA-bound approval; on a fork PR every request waits for a writer's approval by the full
// SHA of the head (src/core/approval.ts), which alone deploys it.
import {
  activeLabel,
  addressLabel,
  buildingLabel,
  createdLabel,
  lockLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  ttlLabel,
} from '../../src/core/labels.js';
import type { ActionWorld } from '../../test-support/action-world.js';
import { FULL, REPO, TASK_IP } from '../../test-support/action-world.js';
import { pullRequestEvent } from '../../test-support/payloads.js';
import type { ReliabilityWorld } from './helpers.js';
import {
  commented,
  dispatched,
  freshPr,
  freshSha,
  labeled,
  ok,
  PEOPLE,
  pool,
  pushed,
  startReliabilityWorld,
} from './helpers.js';

const PERMISSION_ROUTE = '/repos/{owner}/{repo}/collaborators/{username}/permission';

type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none' | 'api-error';
type EventKind =
  | 'label'
  | 'comment'
  | 'dispatch'
  | 'push-fork'
  | 'push-same-repo'
  | 'stop-label'
  | 'closed'
  | 'label-fork'
  | 'comment-fork'
  | 'approve-sha7-fork'
  | 'approve-full-fork';

/** Who sends the event for each permission; `api-error` is a real maintainer whose check fails. */
const SENDER: Record<Permission, string> = {
  admin: PEOPLE.admin,
  maintain: PEOPLE.maintain,
  write: PEOPLE.write,
  triage: PEOPLE.triage,
  read: PEOPLE.read,
  none: 'outsider',
  'api-error': PEOPLE.maintain,
};

/** The documented verdicts: [event, action when allowed, action when denied, reason when denied]. */
const RULES: [EventKind, string, string, string][] = [
  ['label', 'create', 'refuse', 'not-authorized'],
  ['comment', 'create', 'refuse', 'not-authorized'],
  ['dispatch', 'create', 'refuse', 'not-authorized'],
  // A fork's commit: a writer's push ("Update branch") waits like anyone's.
  ['push-fork', 'await-approval', 'await-approval', 'awaiting-approval'],
  ['push-same-repo', 'rolling-update', 'await-approval', 'awaiting-approval'],
  ['stop-label', 'stop', 'refuse', 'not-authorized'],
  // Tearing down is always safe: closing needs no permission at all.
  ['closed', 'stop', 'stop', 'pr-closed'],
  // Fork PRs: only `/showtime start <40-hex of the head>` by a writer deploys.
  ['label-fork', 'await-approval', 'refuse', 'not-authorized'],
  ['comment-fork', 'await-approval', 'refuse', 'not-authorized'],
  ['approve-sha7-fork', 'await-approval', 'refuse', 'not-authorized'],
  ['approve-full-fork', 'create', 'refuse', 'not-authorized'],
];

const ALLOWED: Record<Permission, boolean> = {
  admin: true,
  maintain: true,
  write: true,
  triage: false,
  read: false,
  none: false,
  'api-error': false,
};

interface Row {
  permission: Permission;
  event: EventKind;
  expected: string;
  reason?: string;
}

const ROWS: Row[] = (Object.keys(ALLOWED) as Permission[]).flatMap((permission) =>
  RULES.map(([event, allowed, denied, reason]) => ({
    permission,
    event,
    expected: ALLOWED[permission] ? allowed : denied,
    reason: ALLOWED[permission] ? undefined : reason,
  })),
);

let rig: ReliabilityWorld;
let world: ActionWorld;

beforeAll(async () => {
  // A build running elsewhere deletes dist/ for a while: wait for it briefly, then run on a private copy.
  // The one-job form opted in to fork builds: the rule under test is who may deploy what, the same in both forms.
  // Without the opt-in, the one-job form refuses every fork build (security.e2e.test.ts, section 0).
  rig = await startReliabilityWorld({ inputs: { 'allow-unsafe-fork-builds': 'true' } }, 40_000);
  world = rig.world;
}, 90_000);

afterAll(async () => {
  await rig?.stop();
});

/** The labels of a PR whose environment at `sha` runs. */
function running(sha: string): string[] {
  return [
    TRACKED,
    statusLabel(sha, 'running'),
    activeLabel(sha),
    createdLabel(sha, new Date()),
    ttlLabel(sha, { kind: 'duration', hours: 48 }),
    requesterLabel(sha, PEOPLE.maintain),
    addressLabel(sha, { host: TASK_IP, port: 8080 }),
  ];
}

interface Verdict {
  action: string;
  reason: string;
  /** The PR's labels after the plan step, and whether it took the new commit's lock. */
  claimed: boolean;
  labelsBefore: string[];
  labelsAfter: string[];
}

async function decide(row: Row): Promise<Verdict> {
  const sender = SENDER[row.permission];
  const withEnvironment =
    row.event.startsWith('push') || row.event === 'stop-label' || row.event === 'closed';
  const fork = row.event.endsWith('-fork');
  const old = freshSha(0xb);
  const { pr, head } = freshPr(world, {
    labels: withEnvironment ? running(old) : [],
    author: row.event === 'push-fork' ? sender : fork ? 'forker' : PEOPLE.write,
    fork,
    head: withEnvironment ? old : undefined,
  });
  let target = head;
  let event: { name: string; payload: unknown };
  switch (row.event) {
    case 'label':
    case 'label-fork':
      event = { name: 'pull_request_target', payload: labeled(world, pr, TRIGGER_START, sender, head) };
      break;
    case 'comment':
    case 'comment-fork':
      event = { name: 'issue_comment', payload: commented(world, pr, '/showtime start', sender) };
      break;
    case 'approve-sha7-fork':
      event = {
        name: 'issue_comment',
        payload: commented(world, pr, `/showtime start ${head.slice(0, 7)}`, sender),
      };
      break;
    case 'approve-full-fork':
      event = { name: 'issue_comment', payload: commented(world, pr, `/showtime start ${head}`, sender) };
      break;
    case 'dispatch':
      event = { name: 'workflow_dispatch', payload: dispatched(pr, sender) };
      break;
    case 'push-fork':
    case 'push-same-repo':
      target = freshSha(0xc);
      event = { name: 'pull_request_target', payload: pushed(world, pr, target, sender, fork) };
      break;
    case 'stop-label':
      event = { name: 'pull_request_target', payload: labeled(world, pr, TRIGGER_STOP, sender, head) };
      break;
    case 'closed':
      world.github.store.setState(FULL, pr, 'closed', sender);
      event = {
        name: 'pull_request_target',
        payload: pullRequestEvent({ action: 'closed', repo: REPO, pr, headSha: head, sender }),
      };
      break;
  }
  const labelsBefore = world.labels(pr);
  const plan = ok(
    await world.runStep('plan', event.name, event.payload),
    `plan of ${row.permission} × ${row.event}`,
  );
  return {
    action: plan.outputs.action ?? '',
    reason: plan.outputs.reason ?? '',
    claimed:
      world.github.store.findLabel(FULL, lockLabel(pr, target)) !== undefined ||
      world.labels(pr).includes(buildingLabel(target)),
    labelsBefore,
    labelsAfter: world.labels(pr),
  };
}

const verdicts = new Map<Row, Verdict>();

beforeAll(async () => {
  const normal = ROWS.filter((row) => row.permission !== 'api-error');
  await pool(
    3,
    normal.map((row) => async () => void verdicts.set(row, await decide(row))),
  );
  // The permission route fails on every attempt (the adapter's retries included) while these rows run.
  world.github.faults.failNext(100_000, { status: 502, route: PERMISSION_ROUTE });
  try {
    const broken = ROWS.filter((row) => row.permission === 'api-error');
    await pool(
      3,
      broken.map((row) => async () => void verdicts.set(row, await decide(row))),
    );
  } finally {
    world.github.faults.clear();
  }
}, 120_000);

describe('authorization matrix (plan bundle, real payloads)', () => {
  test.each(ROWS.map((row) => [row.permission, row.event, row.expected, row] as const))(
    '%s × %s → %s',
    (_permission, _event, expected, row) => {
      const verdict = verdicts.get(row);
      expect(verdict?.action).toBe(expected);
      if (row.reason !== undefined) expect(verdict?.reason).toBe(row.reason);
      const builds = expected === 'create' || expected === 'rolling-update';
      // Only an allowed build claims; a denied request leaves the PR exactly as it was until the run step answers.
      expect(verdict?.claimed).toBe(builds);
      if (!builds && expected !== 'stop') expect(verdict?.labelsAfter).toEqual(verdict?.labelsBefore);
    },
  );

  test('the failing permission check was really exercised (every api-error row met the fault)', () => {
    const injected = world.github.faults.injected()['error-502'] ?? 0;
    const checked = ROWS.filter((row) => row.permission === 'api-error' && row.event !== 'closed').length;
    // Each check is one request plus the adapter's three retries.
    expect(injected).toBeGreaterThanOrEqual(checked * 4);
  });
});
