// What the PR shows at each step, rendered by the action's own renderers from fixed states at a fixed `now`: the
// status comment (building, deploying, running, failed, stopped, awaiting approval), the reply to
// `/showtime status`, and the cleanup dashboard. The pictures in docs/ (scripts/render-comments.ts) and the tests of
// the comment's markdown both read these.
import { COMMAND_USAGE } from '../src/core/commands.js';
import type { DashboardView } from '../src/core/dashboard.js';
import { environmentRows, renderDashboard } from '../src/core/dashboard.js';
import type { StatusView } from '../src/core/report.js';
import { renderReply, renderStatusComment } from '../src/core/report.js';
import type { Environment, PrState } from '../src/core/types.js';
import { requireSha, requireSha7, sha7Of } from '../src/core/values.js';

export const NOW = new Date('2026-12-02T14:05:00Z');
export const REPO_URL = 'https://github.com/apache/superset';
export const RUN_URL = `${REPO_URL}/actions/runs/12345678/attempts/1`;
export const HEAD = requireSha('abc123f9d8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3');
export const FORK_HEAD = requireSha('def4567a1b2c3d4e5f60718293a4b5c6d7e8f901');
export const COST_PER_HOUR = { small: 0.03, medium: 0.06, large: 0.12 };
export const CONTAINER_LOGS =
  'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fshowtime/log-events$3FlogStreamNameFilter$3Dpr-7-abc123f$252Fsuperset$252F';

const SHA7 = sha7Of(HEAD);

function env(fields: Partial<Environment>): Environment {
  return {
    sha: SHA7,
    createdAt: new Date('2026-12-02T13:52:00Z'),
    ttl: { kind: 'duration', hours: 48 },
    requester: 'maxime',
    config: { flags: { ALERT_REPORTS: true }, debug: false },
    labels: [],
    ...fields,
  };
}

function prState(fields: Partial<PrState>): PrState {
  return {
    number: 7,
    headSha: HEAD,
    open: true,
    fromFork: false,
    environments: {},
    triggers: { start: false, stop: false, legacyUp: false },
    frozen: false,
    blocked: false,
    pendingConfig: [],
    legacyLabels: [],
    problems: [],
    ...fields,
  };
}

function view(state: PrState, fields: Partial<StatusView>): StatusView {
  return {
    state,
    now: NOW,
    defaultSize: 'medium',
    defaultTtl: { kind: 'duration', hours: 48 },
    costPerHour: COST_PER_HOUR,
    repoUrl: REPO_URL,
    run: { url: RUN_URL },
    containerLogs: { [SHA7]: CONTAINER_LOGS },
    ...fields,
  };
}

const one = (status: Environment['status'], fields: Partial<PrState> = {}): PrState =>
  prState({
    environments: {
      [SHA7]: env({ status, ...(status === 'running' ? { address: { host: '52.1.2.3', port: 8088 } } : {}) }),
    },
    ...(status === 'running' || status === 'failed'
      ? { active: status === 'running' ? SHA7 : undefined }
      : { building: SHA7 }),
    ...fields,
  });

export type CommentStateName =
  | 'building'
  | 'deploying'
  | 'running'
  | 'failed'
  | 'stopped'
  | 'awaiting-approval'
  | 'status-reply'
  | 'cleanup-dashboard';

export interface CommentState {
  name: CommentStateName;
  title: string;
  markdown: string;
}

/** The status comment's views, by state: what the action passes to renderStatusComment at that step. */
export const STATUS_VIEWS: Record<
  Exclude<CommentStateName, 'status-reply' | 'cleanup-dashboard'>,
  StatusView
> = {
  building: view(one('building'), {
    lastEvent: { message: `Starting ${SHA7}, the head of the PR.`, actor: 'maxime', outcome: 'info' },
  }),
  deploying: view(one('deploying'), {
    lastEvent: { message: `The image of \`${SHA7}\` is built; deploying it to ECS.`, outcome: 'info' },
  }),
  running: view(one('running'), {
    lastEvent: { message: `Deployed \`${SHA7}\`: http://52.1.2.3:8088`, actor: 'maxime', outcome: 'done' },
  }),
  failed: view(one('failed'), {
    lastEvent: {
      message: `Deploying \`${SHA7}\` failed: the health check at /health answered 502 until the health timeout`,
      actor: 'maxime',
      outcome: 'failed',
    },
    details: [
      'Cleaned up: the ECS service and its task definitions were removed; the lock is released and the labels say failed; `/showtime start` tries again.',
    ],
  }),
  stopped: view(prState({}), {
    lastEvent: { message: `Stopped and removed \`${SHA7}\`.`, actor: 'maxime', outcome: 'done' },
  }),
  'awaiting-approval': view(prState({ headSha: FORK_HEAD, fromFork: true }), {
    containerLogs: undefined,
    approval: { sha: FORK_HEAD },
    lastEvent: {
      message: `${FORK_HEAD.slice(0, 7)} is the head of a fork PR: a fork's commit is deployed only when a maintainer approves it by its full SHA.`,
      actor: 'contributor',
      outcome: 'info',
    },
  }),
};

function dashboardView(): DashboardView {
  const running = prState({
    environments: { [SHA7]: env({ status: 'running', address: { host: '52.1.2.3', port: 8088 } }) },
    active: SHA7,
  });
  const other = prState({
    number: 31,
    environments: {
      '0a1b2c3': env({
        sha: requireSha7('0a1b2c3'),
        status: 'running',
        requester: 'villebro',
        createdAt: new Date('2026-12-01T09:10:00Z'),
        ttl: { kind: 'close' },
        address: { host: '52.4.5.6', port: 8088 },
        config: { flags: {}, debug: true, size: 'large' },
      }),
    },
    active: requireSha7('0a1b2c3'),
  });
  const settings = {
    now: NOW,
    defaultTtl: { kind: 'duration', hours: 48 } as const,
    defaultSize: 'medium' as const,
    costPerHour: COST_PER_HOUR,
  };
  return {
    now: NOW,
    repoUrl: REPO_URL,
    rows: environmentRows([running, other], settings),
    actions: [
      { kind: 'destroyed', pr: 12, subject: '9f8e7d6', detail: 'TTL 2d expired at 2026-12-02 11:00 UTC' },
      { kind: 'warned', pr: 31, subject: '0a1b2c3', detail: 'posted the expiry warning' },
      { kind: 'label-deleted', subject: '🎪 9f8e7d6 🚦 running', detail: 'no pull request carries it' },
    ],
    failures: [],
    dryRun: { github: false, aws: false },
    runUrl: `${REPO_URL}/actions/runs/12345999`,
  };
}

export function commentStates(): CommentState[] {
  const titles: Record<CommentStateName, string> = {
    building: 'Status comment: building',
    deploying: 'Status comment: deploying',
    running: 'Status comment: running',
    failed: 'Status comment: a failed deploy',
    stopped: 'Status comment: stopped',
    'awaiting-approval': "Status comment: a fork's commit waiting for approval",
    'status-reply': 'Reply to /showtime status',
    'cleanup-dashboard': 'Cleanup sweep: the job summary',
  };
  const statuses = Object.entries(STATUS_VIEWS).map(([name, v]) => ({
    name: name as CommentStateName,
    title: titles[name as CommentStateName],
    markdown: renderStatusComment(v),
  }));
  const reply = renderReply({
    asker: 'maxime',
    status: true,
    help: false,
    state: STATUS_VIEWS.running.state,
    now: NOW,
    defaultTtl: { kind: 'duration', hours: 48 },
    statusCommentUrl: `${REPO_URL}/pull/7#issuecomment-1001`,
    usage: COMMAND_USAGE,
  });
  return [
    ...statuses,
    { name: 'status-reply', title: titles['status-reply'], markdown: reply },
    {
      name: 'cleanup-dashboard',
      title: titles['cleanup-dashboard'],
      markdown: renderDashboard(dashboardView()),
    },
  ];
}
