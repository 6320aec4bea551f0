// The main action: the plan step decides (and claims what it will build, so losers skip the checkout), the run
// step carries the decisions out. State lives in the PR's labels only; the plan step hands its decisions to the run
// step through a JSON file in the runner's temp directory.
import { parseCommands } from '../core/commands.js';
import {
  activeLabel,
  addressLabel,
  buildingLabel,
  configCommandLabel,
  configLabels,
  createdLabel,
  FREEZE,
  lockLabel,
  parseLabel,
  requesterLabel,
  shortenRequester,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  ttlLabel,
} from '../core/labels.js';
import type { PayloadFacts } from '../core/payload.js';
import { parsePayload } from '../core/payload.js';
import { plan } from '../core/planner.js';
import { renderRunSummary, renderStatusComment, STATUS_MARKER } from '../core/report.js';
import type {
  Actor,
  CommandError,
  Decision,
  EnvConfig,
  Environment,
  FleetEntry,
  ShowtimeEvent,
  Status,
  Ttl,
} from '../core/types.js';
import { buildPrState } from '../core/state.js';
import { formatTtl, MAX_TTL_HOURS, toSha7, ttlDeadline } from '../core/values.js';
import type { Deps } from './context.js';
import { PrSession } from './session.js';

export interface PlanRecord {
  version: 1;
  pr?: number;
  actor?: Actor;
  commentId?: number;
  decisions: Decision[];
  commandErrors: CommandError[];
  /** Set when this run won the claim of a create / rolling update: it holds the lock of that SHA. */
  claim?: { sha: string; lock: string };
  buildNeeded: boolean;
  targetSha?: string;
}

export interface RunOutcome {
  action: string;
  reason: string;
  status?: Status | 'none';
  url?: string;
  targetSha?: string;
  summary: string;
  /** True when something went wrong that the run should fail for. */
  failed: boolean;
}

const nothing = (reason: string, message: string): Decision => ({
  action: 'nothing',
  buildNeeded: false,
  reason,
  message,
  consume: [],
});

/** Labels whose addition or removal is a request to the action; everything else on a PR is ignored for free. */
function isRequestLabel(label: string): boolean {
  const parsed = parseLabel(label);
  return (
    parsed.kind === 'trigger' ||
    parsed.kind === 'freeze' ||
    parsed.kind === 'blocked' ||
    parsed.kind === 'config-command'
  );
}

function record(decisions: Decision[], extra: Partial<PlanRecord> = {}): PlanRecord {
  const build = decisions.find((decision) => decision.buildNeeded);
  return {
    version: 1,
    decisions,
    commandErrors: [],
    buildNeeded: build !== undefined && extra.claim !== undefined,
    targetSha: build?.targetSha ?? decisions[0]?.targetSha,
    ...extra,
  };
}

async function actorOf(deps: Deps, login: string): Promise<Actor> {
  try {
    return { login, permission: await deps.github.getPermission(login) };
  } catch (error) {
    // Fail closed: a permission we cannot read is no permission.
    deps.log.warning(`could not read the permission of @${login}, denying: ${String(error)}`);
    return { login, permission: 'unknown' };
  }
}

function eventsOf(
  facts: PayloadFacts,
  actor: Actor,
  commands: ReturnType<typeof parseCommands>,
): ShowtimeEvent[] {
  switch (facts.kind) {
    case 'labeled':
    case 'unlabeled':
      return [{ kind: facts.kind, label: facts.label, pr: facts.pr, headSha: facts.headSha, actor }];
    case 'synchronize':
      return [{ kind: 'synchronize', pr: facts.pr, headSha: facts.headSha, actor, fromFork: facts.fromFork }];
    case 'closed':
    case 'reopened':
      return [{ kind: facts.kind, pr: facts.pr, headSha: facts.headSha, actor }];
    case 'comment':
      return commands.commands.map((command) => ({ kind: 'command', pr: facts.pr, command, actor }));
    case 'dispatch':
      return [{ kind: 'dispatch', pr: facts.pr, sha: facts.sha, actor }];
    default:
      return [];
  }
}

/** Every environment of the repository, for quotas: one label search, no call per PR. */
async function readFleet(deps: Deps): Promise<FleetEntry[]> {
  const pulls = await deps.github.searchPullRequests({ labels: [TRACKED], state: 'open' });
  return pulls.flatMap((pull) => {
    const state = buildPrState({
      number: pull.number,
      headSha: '0'.repeat(40),
      open: pull.open,
      labels: pull.labels,
    });
    return Object.values(state.environments)
      .filter((env) => env.status !== 'failed')
      .map((env) => ({ pr: pull.number, sha: env.sha, requester: env.requester }));
  });
}

function leaseFor(deps: Deps, now: Date): Date {
  return new Date(now.getTime() + deps.settings.policy.leaseMinutes * 60_000);
}

/** The labels that describe a new environment while it is being built. */
function buildingLabels(sha7: string, requester: string, ttl: Ttl, config: EnvConfig, now: Date): string[] {
  return [
    TRACKED,
    statusLabel(sha7, 'building'),
    buildingLabel(sha7),
    createdLabel(sha7, now),
    ttlLabel(sha7, ttl),
    requesterLabel(sha7, shortenRequester(requester)),
    ...configLabels(sha7, config),
  ];
}

function defaultConfig(deps: Deps): EnvConfig {
  return { flags: Object.fromEntries(deps.settings.defaultFlags.map((flag) => [flag, true])), debug: false };
}

/**
 * The plan step. Reads the event, decides, and for a create or rolling update claims the work: consumes the trigger
 * label (only one run's DELETE succeeds), takes the SHA's lock (only one run's POST /labels succeeds) and writes the
 * building labels in one call. Events that cannot concern the action cost no API call at all.
 */
export async function planStep(deps: Deps, eventName: string, payload: unknown): Promise<PlanRecord> {
  const facts = parsePayload(eventName, payload);
  if (facts.kind === 'ignored') return record([nothing('ignored-event', facts.reason)]);
  if (facts.kind === 'schedule') {
    return record([nothing('schedule-is-cleanup', 'Scheduled sweeps are the cleanup action’s job.')]);
  }
  if ((facts.kind === 'labeled' || facts.kind === 'unlabeled') && !isRequestLabel(facts.label)) {
    return record([nothing('not-a-request-label', `The label "${facts.label}" asks nothing of showtime.`)], {
      pr: facts.pr,
    });
  }
  const commands =
    facts.kind === 'comment' ? parseCommands(facts.body) : { commands: [], errors: [] as CommandError[] };
  if (facts.kind === 'comment' && commands.commands.length === 0 && commands.errors.length === 0) {
    return record([nothing('no-command', 'The comment holds no /showtime command.')], { pr: facts.pr });
  }

  const session = await PrSession.open(deps.github, facts.pr);
  let state = session.state();
  const hasAnything =
    Object.keys(state.environments).length > 0 || state.building !== undefined || state.triggers.legacyUp;
  if (
    (facts.kind === 'synchronize' || facts.kind === 'closed' || facts.kind === 'reopened') &&
    !hasAnything
  ) {
    return record([nothing('no-environment', 'This pull request has no environment.')], { pr: facts.pr });
  }

  if (facts.kind === 'comment') {
    await deps.github.reactToComment(facts.commentId, 'eyes').catch((error: unknown) => {
      deps.log.warning(`could not react to comment ${facts.commentId}: ${String(error)}`);
    });
  }
  // Closing needs no permission: tearing down is always safe. Everything else is checked, and a failed check denies.
  const actor: Actor =
    facts.kind === 'closed'
      ? { login: facts.sender, permission: 'unknown' }
      : await actorOf(deps, facts.sender);

  const now = deps.clock();
  const events = eventsOf(facts, actor, commands);
  // The SHA's lock is not read here: claiming it is the check (a live lease refuses the claim, an expired one is
  // taken over), so the planner treats an in-progress SHA as claimable and the lock decides.
  const lock = undefined;

  const decisions: Decision[] = [];
  let claim: PlanRecord['claim'];
  for (const event of events) {
    let decision = plan({ event, state, policy: deps.settings.policy, now, lock });
    if (decision.action === 'create' && hasQuota(deps)) {
      decision = plan({
        event,
        state,
        policy: deps.settings.policy,
        now,
        lock,
        fleet: await readFleet(deps),
      });
    }
    if (
      decision.reason === 'config-pending' &&
      event.kind === 'command' &&
      event.command.kind === 'configure' &&
      !deps.settings.dryRun.github
    ) {
      // A command has no label to stay pending on: record it as one, so the next deploy applies it.
      await session.add([configCommandLabel(event.command.change)]);
      state = session.state();
    }
    if ((decision.action === 'create' || decision.action === 'rolling-update') && claim === undefined) {
      const claimed = await claimDeploy(deps, session, decision, actor);
      if (claimed.claim) claim = claimed.claim;
      decision = claimed.decision;
      state = session.state();
    }
    decisions.push(decision);
  }
  return record(decisions, {
    pr: facts.pr,
    actor,
    commentId: facts.kind === 'comment' ? facts.commentId : undefined,
    commandErrors: commands.errors,
    claim,
  });
}

function hasQuota(deps: Deps): boolean {
  const policy = deps.settings.policy;
  return policy.maxEnvironments !== undefined || policy.maxEnvironmentsPerRequester !== undefined;
}

function lockName(pr: number, sha7: string): string {
  return lockLabel(pr, sha7);
}

async function claimDeploy(
  deps: Deps,
  session: PrSession,
  decision: Decision,
  actor: Actor,
): Promise<{ decision: Decision; claim?: PlanRecord['claim'] }> {
  const sha = decision.targetSha;
  const sha7 = sha === undefined ? undefined : toSha7(sha);
  if (sha === undefined || sha7 === undefined) {
    return {
      decision: { ...decision, action: 'refuse', reason: 'no-target-sha', message: 'No commit to deploy.' },
    };
  }
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would claim ${sha7} and write its building labels`);
    return { decision, claim: { sha, lock: lockName(session.number, sha7) } };
  }
  // The trigger label is the first compare-and-swap: of several runs for one click, one removes it.
  if (decision.consume.includes(TRIGGER_START)) {
    const removed = await session.remove([TRIGGER_START]);
    if (removed.length === 0) {
      return {
        decision: nothing(
          'claimed-by-another-run',
          `Another run already took the start request for ${sha7}.`,
        ),
      };
    }
  }
  const now = deps.clock();
  const lock = lockName(session.number, sha7);
  const result = await deps.github.acquireLock(lock, deps.run.holder, leaseFor(deps, now), now);
  if (!result.acquired) {
    return {
      decision: nothing(
        'already-in-progress',
        `${sha7} is already being deployed by ${result.holder ?? 'another run'}.`,
      ),
    };
  }
  const state = session.state();
  const current = state.environments[sha7];
  const previousConfig = state.active ? state.environments[state.active]?.config : undefined;
  const config = decision.config ?? previousConfig ?? defaultConfig(deps);
  const ttl = state.active
    ? (state.environments[state.active]?.ttl ?? deps.settings.policy.defaultTtl)
    : deps.settings.policy.defaultTtl;
  const requester =
    decision.action === 'rolling-update'
      ? (state.environments[state.active ?? '']?.requester ?? actor.login)
      : actor.login;
  const fresh = buildingLabels(sha7, requester, ttl, config, now);
  // A newer SHA supersedes whatever was building: its run sees the pointer moved and retires itself.
  const stale = [
    ...(state.building && state.building !== sha7 ? [buildingLabel(state.building)] : []),
    ...(current?.labels.filter((label) => !fresh.includes(label)) ?? []),
    ...decision.consume.filter((label) => label !== TRIGGER_START),
  ];
  await session.replace(fresh, stale);
  return { decision, claim: { sha, lock } };
}

// ---------------------------------------------------------------------------------------------------------------
// Run step

export async function runStep(deps: Deps, plan: PlanRecord): Promise<RunOutcome> {
  const first = plan.decisions[0];
  if (plan.pr === undefined || first === undefined || plan.decisions.every((d) => d.action === 'nothing')) {
    const decision = first ?? nothing('no-decision', 'Nothing to do.');
    return {
      action: decision.action,
      reason: decision.reason,
      targetSha: decision.targetSha,
      summary: renderRunSummary({ pr: plan.pr ?? 0, decisions: plan.decisions, outcome: decision.message }),
      failed: false,
    };
  }
  const session = await PrSession.open(deps.github, plan.pr);
  const outcomes: Outcome[] = [];
  for (const decision of plan.decisions) {
    outcomes.push(await execute(deps, session, plan, decision));
  }
  const last = outcomes[outcomes.length - 1] ?? { outcome: 'info', message: 'Nothing to do.', failed: false };
  const failed = outcomes.some((outcome) => outcome.failed);
  const details = [
    ...outcomes.flatMap((outcome) => outcome.details ?? []),
    ...plan.commandErrors.map(
      (error) => `\`${error.line}\`: ${error.message}. Accepted form: \`${error.usage}\``,
    ),
  ];
  const url = outcomes.map((outcome) => outcome.url).find((u) => u !== undefined);
  await writeStatusComment(deps, session, {
    message: outcomes.map((outcome) => outcome.message).join(' '),
    outcome: failed ? 'failed' : outcomes.some((o) => o.outcome === 'refused') ? 'refused' : last.outcome,
    actor: plan.actor?.login,
    details,
    urls: url && plan.targetSha ? { [plan.targetSha.slice(0, 7)]: url } : undefined,
  });
  if (plan.commentId !== undefined) {
    const reaction =
      failed || plan.commandErrors.length > 0 || outcomes.some((o) => o.outcome === 'refused')
        ? 'confused'
        : '+1';
    await deps.github.reactToComment(plan.commentId, reaction).catch(() => undefined);
  }
  const state = session.state();
  const target = plan.targetSha ? state.environments[plan.targetSha.slice(0, 7)] : undefined;
  return {
    action: first.action,
    reason: first.reason,
    targetSha: plan.targetSha,
    status: target?.status ?? 'none',
    url,
    failed,
    summary: renderRunSummary({
      pr: plan.pr,
      decisions: plan.decisions,
      outcome: outcomes.map((outcome) => outcome.message).join(' '),
      url,
    }),
  };
}

interface Outcome {
  outcome: 'done' | 'refused' | 'failed' | 'info';
  message: string;
  failed: boolean;
  url?: string;
  details?: string[];
}

async function execute(
  deps: Deps,
  session: PrSession,
  plan: PlanRecord,
  decision: Decision,
): Promise<Outcome> {
  switch (decision.action) {
    case 'create':
    case 'rolling-update':
      if (plan.claim === undefined || decision.targetSha !== plan.claim.sha) {
        return { outcome: 'info', message: decision.message, failed: false };
      }
      return deploy(deps, session, plan.claim, decision);
    case 'stop':
      await consume(deps, session, decision.consume);
      return destroy(deps, session, decision.message, decision.targetSha?.slice(0, 7));
    case 'redeploy-config':
      return reconfigure(deps, session, decision);
    case 'extend':
      return extend(deps, session, decision);
    case 'freeze':
    case 'unfreeze':
      return setFrozen(deps, session, decision);
    case 'refuse':
      await consume(deps, session, decision.consume);
      return { outcome: 'refused', message: decision.message, failed: false };
    case 'await-approval':
    case 'status':
    case 'warn-expiry':
      return { outcome: 'info', message: decision.message, failed: false };
    case 'nothing':
      return { outcome: 'info', message: decision.message, failed: false };
  }
}

async function consume(deps: Deps, session: PrSession, labels: string[]): Promise<void> {
  const present = labels.filter((label) => session.has(label));
  if (present.length === 0) return;
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would remove ${present.join(', ')}`);
    return;
  }
  await session.remove(present);
}

/** Writes labels unless GitHub is dry-run; the session mirror is only updated by real writes. */
async function relabel(deps: Deps, session: PrSession, add: string[], remove: string[]): Promise<void> {
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: would add [${add.join(', ')}] and remove [${remove.join(', ')}]`);
    return;
  }
  await session.replace(add, remove);
}

function statusLabelsOf(env: Environment | undefined): string[] {
  return (env?.labels ?? []).filter((label) => parseLabel(label).kind === 'status');
}

async function setStatus(deps: Deps, session: PrSession, sha7: string, status: Status): Promise<void> {
  const env = session.state().environments[sha7];
  const label = statusLabel(sha7, status);
  await relabel(
    deps,
    session,
    [label],
    statusLabelsOf(env).filter((name) => name !== label),
  );
}

function environmentName(pr: number): string {
  return `showtime-pr-${pr}`;
}

async function deploy(
  deps: Deps,
  session: PrSession,
  claim: NonNullable<PlanRecord['claim']>,
  decision: Decision,
): Promise<Outcome> {
  const sha7 = claim.sha.slice(0, 7);
  const pr = session.number;
  let serviceCreated = false;
  let deploymentId: number | undefined;
  try {
    deploymentId = await startDeployment(deps, pr, claim.sha);
    const image = await deps.builder.ensureImage({ pr, sha: claim.sha });
    // Stopped or superseded while building? Then nothing was deployed yet: give the SHA's labels back and go.
    if (!(await stillOurs(deps, session, sha7)))
      return await abandon(deps, session, sha7, false, deploymentId);
    await setStatus(deps, session, sha7, 'deploying');
    const state = session.state();
    const env = state.environments[sha7];
    const now = deps.clock();
    const ttl = env?.ttl ?? deps.settings.policy.defaultTtl;
    const running = await deps.ecs.createEnvironment({
      pr,
      sha: claim.sha,
      image: image.image,
      requester: env?.requester ?? 'unknown',
      config: env?.config ?? defaultConfig(deps),
      size: env?.config.size ?? deps.settings.policy.defaultSize,
      createdAt: now,
      expiresAt: env?.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined,
    });
    serviceCreated = true;
    if (!(await stillOurs(deps, session, sha7)))
      return await abandon(deps, session, sha7, true, deploymentId);

    // Blue-green switch: the new environment is healthy, so it becomes active, then the others go.
    const before = session.state();
    const retired = Object.values(before.environments).filter((other) => other.sha !== sha7);
    await relabel(
      deps,
      session,
      [statusLabel(sha7, 'running'), addressLabel(sha7, running.address), activeLabel(sha7)],
      [
        ...statusLabelsOf(before.environments[sha7]).filter(
          (label) => label !== statusLabel(sha7, 'running'),
        ),
        buildingLabel(sha7),
        ...retired.map((other) => activeLabel(other.sha)),
      ],
    );
    await finishDeployment(deps, deploymentId, 'success', running.url);
    const leftovers: string[] = [];
    for (const other of retired) leftovers.push(...(await retire(deps, session, other)));
    return {
      outcome: leftovers.length > 0 ? 'failed' : 'done',
      failed: leftovers.length > 0,
      message: `${decision.action === 'rolling-update' ? 'Rolled forward to' : 'Deployed'} \`${sha7}\`: ${running.url}`,
      url: running.url,
      details: leftovers,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error(`deploy of ${sha7} failed: ${message}`);
    if (serviceCreated) await deps.ecs.deleteEnvironment(pr, claim.sha).catch(() => undefined);
    await markFailed(deps, session, sha7).catch((labelError: unknown) => {
      deps.log.error(`could not record the failure on the PR: ${String(labelError)}`);
    });
    await finishDeployment(deps, deploymentId, 'failure');
    return {
      outcome: 'failed',
      failed: true,
      message: `Deploying \`${sha7}\` failed: ${message}`,
      details: deps.run.url ? [`See the [run logs](${deps.run.url}).`] : [],
    };
  } finally {
    if (!deps.settings.dryRun.github) {
      await deps.github.releaseLock(claim.lock, deps.run.holder).catch((error: unknown) => {
        deps.log.warning(`could not release ${claim.lock}; it expires on its own: ${String(error)}`);
      });
    }
  }
}

/** True while the PR still points its building pointer at this SHA: a stop or a newer SHA removes or moves it. */
async function stillOurs(deps: Deps, session: PrSession, sha7: string): Promise<boolean> {
  if (deps.settings.dryRun.github) return true;
  const state = await session.refresh();
  return state.building === sha7 && state.environments[sha7]?.status !== 'destroying';
}

async function abandon(
  deps: Deps,
  session: PrSession,
  sha7: string,
  serviceCreated: boolean,
  deploymentId: number | undefined,
): Promise<Outcome> {
  const state = session.state();
  const reason =
    state.building && state.building !== sha7 ? `superseded by \`${state.building}\`` : 'stopped';
  if (serviceCreated) {
    const report = await deps.ecs.deleteEnvironment(session.number, sha7);
    if (report.failed.length > 0) {
      await markFailed(deps, session, sha7);
      return {
        outcome: 'failed',
        failed: true,
        message: `\`${sha7}\` was ${reason} but its service could not be deleted; the sweep will retry.`,
        details: report.failed.map((failure) => `${failure.resource}: ${failure.error}`),
      };
    }
  }
  const env = state.environments[sha7];
  await relabel(
    deps,
    session,
    [],
    [...(env?.labels ?? []), activeLabel(sha7)].filter((l) => session.has(l)),
  );
  await finishDeployment(deps, deploymentId, 'inactive');
  return {
    outcome: 'info',
    failed: false,
    message: `\`${sha7}\` was ${reason} during its deploy and was withdrawn.`,
  };
}

async function markFailed(deps: Deps, session: PrSession, sha7: string): Promise<void> {
  await setStatus(deps, session, sha7, 'failed');
  if (session.has(buildingLabel(sha7))) await relabel(deps, session, [], [buildingLabel(sha7)]);
}

async function startDeployment(deps: Deps, pr: number, sha: string): Promise<number | undefined> {
  if (deps.settings.dryRun.github) return undefined;
  try {
    const deployment = await deps.github.createDeployment({
      ref: sha,
      environment: environmentName(pr),
      description: `showtime environment for PR #${pr} at ${sha.slice(0, 7)}`,
      transient: true,
    });
    await deps.github.createDeploymentStatus(deployment.id, { state: 'in_progress', logUrl: deps.run.url });
    return deployment.id;
  } catch (error) {
    // A deployment record is a courtesy: without one the environment still works.
    deps.log.warning(`could not create a GitHub deployment: ${String(error)}`);
    return undefined;
  }
}

async function finishDeployment(
  deps: Deps,
  id: number | undefined,
  state: 'success' | 'failure' | 'inactive',
  environmentUrl?: string,
): Promise<void> {
  if (id === undefined) return;
  await deps.github
    .createDeploymentStatus(id, { state, environmentUrl, logUrl: deps.run.url })
    .catch((error: unknown) => deps.log.warning(`could not update deployment ${id}: ${String(error)}`));
}

/**
 * Deletes one environment's resources, then its labels. Labels go only once the resources are gone; what could
 * not be deleted keeps its labels with status failed, and is returned as lines for the PR.
 */
async function retire(deps: Deps, session: PrSession, env: Environment): Promise<string[]> {
  const report = deps.settings.dryRun.aws
    ? { deleted: [], failed: [] }
    : await deps.ecs.deleteEnvironment(session.number, env.sha).catch((error: unknown) => ({
        deleted: [],
        failed: [{ resource: `service of ${env.sha}`, error: String(error) }],
      }));
  if (report.failed.length > 0) {
    await setStatus(deps, session, env.sha, 'failed');
    return report.failed.map((failure) => `Could not delete ${failure.resource}: ${failure.error}`);
  }
  const labels = [...env.labels, activeLabel(env.sha), buildingLabel(env.sha)].filter((label) =>
    session.has(label),
  );
  await relabel(deps, session, [], labels);
  await deactivateDeployments(deps, session.number, env.sha);
  return [];
}

async function deactivateDeployments(deps: Deps, pr: number, sha7: string): Promise<void> {
  if (deps.settings.dryRun.github) return;
  const deployments = await deps.github.listDeployments({ environment: environmentName(pr) }).catch(() => []);
  for (const deployment of deployments.filter((d) => d.sha.startsWith(sha7))) {
    await finishDeployment(deps, deployment.id, 'inactive');
  }
}

/**
 * Tears down every environment of the PR (or only `only`), including one still building: its run sees the labels
 * go and yields.
 */
export async function destroy(deps: Deps, session: PrSession, why: string, only?: string): Promise<Outcome> {
  const state = session.state();
  const envs = Object.values(state.environments).filter((env) => only === undefined || env.sha === only);
  if (envs.length === 0 && state.building === undefined) {
    if (session.has(TRACKED)) await relabel(deps, session, [], [TRACKED]);
    return { outcome: 'info', failed: false, message: 'Nothing to stop.' };
  }
  // Mark first, so a run building one of them sees the stop before it creates anything more.
  await relabel(
    deps,
    session,
    envs.map((env) => statusLabel(env.sha, 'destroying')),
    [
      ...envs.flatMap((env) =>
        statusLabelsOf(env).filter((label) => label !== statusLabel(env.sha, 'destroying')),
      ),
      ...(state.building && (only === undefined || only === state.building)
        ? [buildingLabel(state.building)]
        : []),
    ],
  );
  const leftovers: string[] = [];
  for (const env of envs)
    leftovers.push(...(await retire(deps, session, session.state().environments[env.sha] ?? env)));
  const after = session.state();
  if (Object.keys(after.environments).length === 0) {
    await relabel(
      deps,
      session,
      [],
      [TRACKED, ...after.legacyLabels].filter((label) => session.has(label)),
    );
  }
  return {
    outcome: leftovers.length > 0 ? 'failed' : 'done',
    failed: leftovers.length > 0,
    message:
      leftovers.length > 0 ? `${why} Some resources could not be deleted.` : `${why} Environments removed.`,
    details: leftovers,
  };
}

async function reconfigure(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const state = session.state();
  const sha7 = state.active;
  const env = sha7 ? state.environments[sha7] : undefined;
  if (sha7 === undefined || env === undefined || decision.config === undefined) {
    return { outcome: 'refused', failed: false, message: 'No running environment to configure.' };
  }
  await consume(deps, session, decision.consume);
  await setStatus(deps, session, sha7, 'configuring');
  try {
    const running = await deps.ecs.updateConfiguration({
      pr: session.number,
      sha: sha7,
      config: decision.config,
      size: decision.config.size ?? deps.settings.policy.defaultSize,
    });
    const current = env.labels.filter((label) => parseLabel(label).kind === 'config');
    const next = configLabels(sha7, decision.config);
    await relabel(
      deps,
      session,
      [...next, statusLabel(sha7, 'running'), addressLabel(sha7, running.address)],
      [
        ...current,
        statusLabel(sha7, 'configuring'),
        ...env.labels.filter((l) => parseLabel(l).kind === 'address'),
      ],
    );
    return {
      outcome: 'done',
      failed: false,
      message: `Configuration of \`${sha7}\` updated.`,
      url: running.url,
    };
  } catch (error) {
    await setStatus(deps, session, sha7, 'running');
    return {
      outcome: 'failed',
      failed: true,
      message: `Changing the configuration of \`${sha7}\` failed; the previous configuration keeps running.`,
      details: [error instanceof Error ? error.message : String(error)],
    };
  }
}

/** `extend` restarts the clock: the TTL is rewritten so that the deadline is now + the requested duration. */
async function extend(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const state = session.state();
  const sha7 = state.active ?? Object.keys(state.environments)[0];
  const env = sha7 ? state.environments[sha7] : undefined;
  if (sha7 === undefined || env === undefined || decision.ttl === undefined) {
    return { outcome: 'refused', failed: false, message: 'No environment to extend.' };
  }
  let ttl = decision.ttl;
  if (ttl.kind === 'duration' && env.createdAt) {
    const elapsed = Math.ceil((deps.clock().getTime() - env.createdAt.getTime()) / 3_600_000);
    const hours = Math.max(0, elapsed) + ttl.hours;
    if (hours > MAX_TTL_HOURS) {
      return {
        outcome: 'refused',
        failed: false,
        message: `An environment lives at most ${MAX_TTL_HOURS / 168} weeks; use \`/showtime keep-alive\` to keep it until the PR closes.`,
      };
    }
    ttl = { kind: 'duration', hours };
  }
  const label = ttlLabel(sha7, ttl);
  const old = env.labels.filter((name) => parseLabel(name).kind === 'ttl' && name !== label);
  await relabel(deps, session, [label], old);
  const shown =
    decision.ttl.kind === 'duration' ? `${formatTtl(decision.ttl)} from now` : formatTtl(decision.ttl);
  return { outcome: 'done', failed: false, message: `\`${sha7}\` now lives ${shown}.` };
}

async function setFrozen(deps: Deps, session: PrSession, decision: Decision): Promise<Outcome> {
  const freeze = decision.action === 'freeze';
  if (freeze && !session.has(FREEZE)) await relabel(deps, session, [FREEZE], []);
  if (!freeze && session.has(FREEZE)) await relabel(deps, session, [], [FREEZE]);
  return { outcome: 'done', failed: false, message: decision.message };
}

async function writeStatusComment(
  deps: Deps,
  session: PrSession,
  last: {
    message: string;
    outcome: 'done' | 'refused' | 'failed' | 'info';
    actor?: string;
    details: string[];
    urls?: Record<string, string>;
  },
): Promise<void> {
  const body = renderStatusComment({
    state: session.state(),
    lastEvent: { message: last.message, actor: last.actor, outcome: last.outcome },
    urls: last.urls,
    run: deps.run.url ? { url: deps.run.url } : undefined,
    now: deps.clock(),
    defaultSize: deps.settings.policy.defaultSize,
    costPerHour: deps.settings.costPerHour,
    details: last.details,
  });
  if (deps.settings.dryRun.github) {
    deps.log.info(`dry run: status comment would read:\n${body}`);
    return;
  }
  await deps.github.upsertComment(session.number, STATUS_MARKER, body).catch((error: unknown) => {
    deps.log.warning(`could not update the status comment: ${String(error)}`);
  });
}
