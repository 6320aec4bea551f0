// The demo's pull request lifecycle: each step plays what a person or GitHub does, runs the bundled entrypoints as a
// runner would, takes a snapshot of GitHub and ECS, and checks it against what the step should have reached.
import { DescribeServicesCommand, DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { FEATURE_PREFIX } from '../src/aws/task-definition.js';
import { createdLabel, parseLabel, TRIGGER_START } from '../src/core/labels.js';
import { formatTtl } from '../src/core/values.js';
import { STATUS_MARKER } from '../src/core/report.js';
import type { ActionWorld, MainRun, StepResult } from '../test-support/action-world.js';
import { CLUSTER, FULL, OWNER, REPO, NAME } from '../test-support/action-world.js';
import { commentEvent, pullRequestEvent } from '../test-support/payloads.js';
import type { Check, ServiceView, Snapshot } from './checks.js';
import { checks, problemsOf, serviceName, stateOf } from './checks.js';
import type { Exhibit } from './exhibits.js';
import { sweepTotalsOf } from './render.js';

export const PR = 34809;
export const SHA_A = '4e5d3c2b1a0f9e8d7c6b5a49382716059a8b7c6d';
export const SHA_B = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const A = SHA_A.slice(0, 7);
const B = SHA_B.slice(0, 7);

export interface Acted {
  /** One line per entrypoint run: what it decided and did. */
  notes: string[];
  /** Entrypoints that failed or decided otherwise than the step expects. */
  problems: string[];
  /** What the step showed besides the status comment (the cleanup's dashboard), kept for people to read. */
  exhibits?: Exhibit[];
}

export interface DemoStep {
  title: string;
  act(world: ActionWorld): Promise<Acted>;
  checks: Check[];
}

/** The `::error::` lines of a run (what the runner would show in red), else the tail of its stderr. */
export function errorsOf(result: StepResult): string {
  const errors = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length));
  // A crash prints a stack: its error line says more than the tail (which is the node version).
  const stderr = result.stderr.split('\n').map((line) => line.trim());
  const crash = stderr.find((line) => /^[A-Za-z]*Error\b/.test(line));
  const text =
    errors.length > 0 ? errors.join(' / ') : (crash ?? stderr.filter(Boolean).slice(-3).join(' / '));
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function describeMain(result: MainRun, wanted: string): Acted {
  const notes: string[] = [];
  const problems: string[] = [];
  const plan = result.plan;
  notes.push(`plan: ${plan.outputs.action ?? '?'} (${plan.outputs.reason ?? '?'}), exit ${plan.code}`);
  if (plan.code !== 0) problems.push(`the plan step exited ${plan.code}: ${errorsOf(plan)}`);
  else if (plan.outputs.action !== wanted)
    problems.push(`the plan step decided ${plan.outputs.action ?? 'nothing'}, expected ${wanted}`);
  if (result.run) {
    const run = result.run;
    const url = run.outputs['environment-url'] ? ` at ${run.outputs['environment-url']}` : '';
    notes.push(`run:  status ${run.outputs.status ?? '?'}${url}, exit ${run.code}`);
    if (run.code !== 0) problems.push(`the run step exited ${run.code}: ${errorsOf(run)}`);
  } else if (plan.code === 0) {
    problems.push('the run step did not run: the plan step wrote no plan file');
  }
  return { notes, problems };
}

function labeled(world: ActionWorld, label: string, sender: string, headSha: string) {
  world.github.store.addLabels(FULL, PR, [label]);
  return pullRequestEvent({
    action: 'labeled',
    repo: REPO,
    pr: PR,
    headSha,
    sender,
    label,
    author: 'writer',
  });
}

async function comment(world: ActionWorld, body: string, wanted: string): Promise<Acted> {
  const posted = world.github.store.addComment(FULL, PR, { body, author: 'maintainer' });
  const event = commentEvent({ repo: REPO, pr: PR, body, sender: 'maintainer', commentId: posted.id });
  const acted = describeMain(await world.runMain('issue_comment', event), wanted);
  const reactions = world.github.store.reactions(FULL, posted.id).map((reaction) => reaction.content);
  acted.notes.push(`reactions on the comment: ${reactions.join(', ') || '(none)'}`);
  if (!reactions.includes('+1')) acted.problems.push('the comment did not get a 👍 reaction');
  return acted;
}

/** The event of a scheduled workflow run: GitHub sends the cron line and the repository, no PR. */
export function scheduleEvent(): Record<string, unknown> {
  return {
    schedule: '17 * * * *',
    workflow: '.github/workflows/showtime-cleanup.yml',
    repository: { name: NAME, full_name: FULL, owner: { login: OWNER } },
    sender: { login: 'github-actions[bot]' },
  };
}

/**
 * Moves the environment's birth back by `hours`, as if that much time had passed since it was created; says how
 * that compares with its TTL.
 */
export function age(world: ActionWorld, sha7: string, hours: number): string {
  const labels = world.labels(PR);
  const created = labels.find((label) => {
    const parsed = parseLabel(label);
    return parsed.kind === 'created' && parsed.sha === sha7;
  });
  const older = createdLabel(sha7, new Date(Date.now() - hours * 3_600_000));
  if (created) world.github.store.removeLabel(FULL, PR, created);
  world.github.store.addLabels(FULL, PR, [older]);
  const ttl = stateOf({
    pr: PR,
    headSha: SHA_B,
    open: true,
    labels,
    deployments: [],
    services: [],
    githubCalls: 0,
  }).environments[sha7]?.ttl;
  const verdict =
    ttl?.kind === 'duration'
      ? `TTL ${formatTtl(ttl)}: ${hours > ttl.hours ? `expired ${hours - ttl.hours}h ago` : 'not expired yet'}`
      : `TTL ${ttl ? formatTtl(ttl) : 'unknown'}`;
  return `${older} (${verdict})`;
}

export const STEPS: DemoStep[] = [
  {
    title: `1. PR #${PR} opened by @writer at ${A}`,
    async act(world) {
      world.github.store.addPull(FULL, {
        number: PR,
        title: 'feat: a new chart type',
        author: 'writer',
        headSha: SHA_A,
        labels: [],
      });
      const event = pullRequestEvent({
        action: 'opened',
        repo: REPO,
        pr: PR,
        headSha: SHA_A,
        sender: 'writer',
      });
      return describeMain(await world.runMain('pull_request_target', event), 'nothing');
    },
    checks: [checks.noShowtimeLabels(), checks.services([]), checks.githubCallsAtMost(0)],
  },
  {
    title: `2. @maintainer adds "${TRIGGER_START}"`,
    async act(world) {
      const event = labeled(world, TRIGGER_START, 'maintainer', SHA_A);
      return describeMain(await world.runMain('pull_request_target', event), 'create');
    },
    checks: [
      checks.running(A),
      checks.noLabel(TRIGGER_START),
      checks.services([serviceName(PR, A)]),
      checks.deployment(A, 'success'),
      checks.commentSays('🟢 running'),
    ],
  },
  {
    title: `3. @writer pushes ${B}: rolling update`,
    async act(world) {
      world.github.store.setHeadSha(FULL, PR, SHA_B, { message: 'fix: review comments' });
      const event = pullRequestEvent({
        action: 'synchronize',
        repo: REPO,
        pr: PR,
        headSha: SHA_B,
        sender: 'writer',
      });
      return describeMain(await world.runMain('pull_request_target', event), 'rolling-update');
    },
    checks: [
      checks.running(B),
      checks.noEnvironment(A),
      checks.services([serviceName(PR, B)]),
      checks.deployment(A, 'inactive'),
      checks.deployment(B, 'success'),
    ],
  },
  {
    title: '4. @maintainer comments "/showtime extend 72h"',
    act: (world) => comment(world, '/showtime extend 72h', 'extend'),
    checks: [checks.running(B), checks.ttlAtLeast(B, 72)],
  },
  {
    title: '5. @maintainer comments "/showtime enable ALERTS": live configuration',
    act: (world) => comment(world, '/showtime enable ALERTS', 'redeploy-config'),
    checks: [
      checks.running(B),
      checks.flagLabel(B, 'ALERTS'),
      checks.services([serviceName(PR, B)]),
      checks.serviceFlag(serviceName(PR, B), 'ALERTS', 'True'),
    ],
  },
  {
    title: '6. four days later: the scheduled TTL sweep',
    async act(world) {
      const older = age(world, B, 96);
      const result = await world.runStep('cleanup', 'schedule', scheduleEvent());
      const notes = [
        `aged the environment: ${older}`,
        `cleanup: ${sweepTotalsOf(result.summary)} (output cleaned=${result.outputs.cleaned ?? '?'}), exit ${result.code}`,
      ];
      const problems =
        result.code === 0 ? [] : [`the cleanup step exited ${result.code}: ${errorsOf(result)}`];
      const dashboard = {
        name: 'cleanup-dashboard',
        title: 'The cleanup sweep’s job summary',
        markdown: result.summary,
      };
      return { notes, problems, exhibits: [dashboard] };
    },
    checks: [checks.noShowtimeLabels(), checks.services([]), checks.noLiveDeployment()],
  },
  {
    title: `7. @maintainer adds "${TRIGGER_START}" again`,
    async act(world) {
      const event = labeled(world, TRIGGER_START, 'maintainer', SHA_B);
      return describeMain(await world.runMain('pull_request_target', event), 'create');
    },
    checks: [checks.running(B), checks.services([serviceName(PR, B)]), checks.deployment(B, 'success')],
  },
  {
    title: `8. PR #${PR} closed`,
    async act(world) {
      world.github.store.setState(FULL, PR, 'closed', 'writer');
      const event = pullRequestEvent({
        action: 'closed',
        repo: REPO,
        pr: PR,
        headSha: SHA_B,
        sender: 'writer',
      });
      return describeMain(await world.runMain('pull_request_target', event), 'stop');
    },
    checks: [checks.noShowtimeLabels(), checks.services([]), checks.noLiveDeployment()],
  },
];

async function servicesOf(world: ActionWorld, pr: number): Promise<ServiceView[]> {
  const names = (await world.activeServices()).filter((name) => name.startsWith(`pr-${pr}-`));
  if (names.length === 0) return [];
  const described = await world.clients.ecs.send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: names }),
  );
  const views: ServiceView[] = [];
  for (const service of described.services ?? []) {
    if (!service.serviceName || !service.taskDefinition) continue;
    const { taskDefinition } = await world.clients.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: service.taskDefinition }),
    );
    const featureFlags: Record<string, string> = {};
    for (const container of taskDefinition?.containerDefinitions ?? []) {
      for (const variable of container.environment ?? []) {
        if (variable.name?.startsWith(FEATURE_PREFIX))
          featureFlags[variable.name.slice(FEATURE_PREFIX.length)] = variable.value ?? '';
      }
    }
    views.push({
      name: service.serviceName,
      taskDefinition: `${taskDefinition?.family ?? '?'}:${taskDefinition?.revision ?? '?'}`,
      featureFlags,
    });
  }
  return views.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export async function snapshot(world: ActionWorld, githubCalls: number): Promise<Snapshot> {
  const store = world.github.store;
  const pull = store.pull(FULL, PR);
  return {
    pr: PR,
    headSha: pull.pull.headSha,
    open: pull.state === 'open',
    labels: store.labelNames(FULL, PR),
    comment: store.comments(FULL, PR).find((c) => c.body.includes(STATUS_MARKER))?.body,
    deployments: store
      .deployments(FULL)
      .filter((d) => d.environment === `showtime-pr-${PR}`)
      .map((d) => ({
        id: d.id,
        sha7: d.sha.slice(0, 7),
        state: store.latestDeploymentState(FULL, d.id) ?? 'none',
      })),
    services: await servicesOf(world, PR),
    githubCalls,
  };
}

export { problemsOf };
