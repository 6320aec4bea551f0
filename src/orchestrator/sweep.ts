// The cleanup sweep: one pass over every PR with showtime state, the ECS services showtime manages and the
// repository's 🎪 labels. Everything is read once up front; a PR is read again (one GET) only when the sweep is
// about to act on it, because GitHub's search index lags behind label writes and a decision to destroy or warn must
// rest on the labels as they are now.
//
// GitHub requests per sweep (n = PRs found, L = repository labels, C = comments on a PR, D = deployments of a PR):
//   1. search: ceil(n/100) (one query: TRACKED and the legacy labels fit in 256 characters)
//   2. repository labels: ceil(L/100); ECS: ListServices per 10 services + DescribeServices per 10
//   3. per PR that needs action: 1 GET, then
//        stop:        a few label writes + ceil(D/100) + 1 per deployment of the SHA + status comment (ceil(C/100) + 1)
//        warn-expiry: ceil(C/100) to look for this deadline's warning, + 1 POST the first time
//        service gone: 2 label writes + status comment
//      per PR that needs nothing: 0
//   4. orphan services: 1 GET per PR that has an old unclaimed service, then the ECS deletion; leftover image tags
//      and admin passwords (ECR DescribeImages per 1000 tags, SSM per 10 parameters): 1 GET per PR that has one
//   5. labels: 0 when the catalogue is in shape (else ceil(L/100) + 1 per write); 1 consistent read (the issues
//      listing) per candidate label no PR the search found carries (each PR it shows gets TRACKED, 1 POST, once),
//      + 1 DELETE per label removed
// A sweep over 10 PRs with nothing to do therefore makes 2 GitHub requests.
import { Sweep, lower, summaryState } from './sweep-state.js';
import { sweepPr } from './sweep-pr.js';
import { sweepLeftovers, sweepOrphans } from './sweep-leftovers.js';
import { deleteUnusedLabels, syncCatalogue } from './sweep-labels.js';
import type { EnvironmentRow, SweepAction, SweepFailure } from '../core/dashboard.js';
import { environmentRows, renderDashboard } from '../core/dashboard.js';
import { CIRCUS, EMOJI, LEGACY_TRIGGER, TRACKED } from '../core/labels.js';
import { envKey, isQuiet } from '../core/reconcile.js';
import type { Address, Status } from '../core/types.js';
import type { PullRequestSummary } from '../github/port.js';
import type { Deps } from './context.js';
import { messageOf, phase } from './context.js';

/**
 * Global-form statuses the sweep searches for. The global form (`🎪 🚦 running`) predates per-SHA labels, and the
 * CLI of that time knew only this lifecycle; leaving out the later statuses keeps the search to a single query.
 */
export const LEGACY_GLOBAL_STATUSES: readonly Status[] = [
  'building',
  'built',
  'deploying',
  'running',
  'failed',
];

/** What the sweep searches for: the index label, plus the labels of PRs the earlier workflow labelled. */
export function sweepSearchLabels(): string[] {
  return [
    TRACKED,
    LEGACY_TRIGGER,
    ...LEGACY_GLOBAL_STATUSES.map((status) => `${CIRCUS} ${EMOJI.status} ${status}`),
  ];
}

export interface SweepResult {
  rows: EnvironmentRow[];
  actions: SweepAction[];
  failures: SweepFailure[];
  /** Environments destroyed, orphan services deleted and repository labels deleted (would be, in a dry run). */
  cleaned: number;
  /** The job summary. */
  dashboard: string;
}

export interface SweepOptions {
  /** `https://github.com/owner/name`; defaults to github.com. */
  repoUrl?: string;
  /**
   * List the repository's labels and collect leftovers even when nothing is due (a run started by hand,
   * workflow_dispatch). A scheduled sweep with nothing due skips both; its leftovers wait for the next sweep that
   * lists.
   */
  full?: boolean;
}

/**
 * Public-IP mode: where the tasks of the environments the search shows running answer now (about 3 AWS calls per
 * 100 of them), so that a task Fargate replaced reaches the 🌐 label within one sweep. Undefined when unreadable.
 */
async function taskAddresses(
  run: Sweep,
  summaries: readonly PullRequestSummary[],
): Promise<Map<string, Address> | undefined> {
  const running = new Set<string>();
  for (const summary of summaries) {
    const state = summaryState(summary);
    for (const env of Object.values(state.environments))
      if (env.status === 'running') running.add(envKey(state.number, env.sha));
  }
  const services = (run.services ?? []).filter(
    (service) =>
      service.pr !== undefined && service.sha !== undefined && running.has(envKey(service.pr, service.sha)),
  );
  if (services.length === 0) return new Map();
  try {
    const byName = await run.deps.ecs.currentAddresses(services);
    const addresses = new Map<string, Address>();
    for (const service of services) {
      const address = byName.get(service.serviceName);
      if (address && service.pr !== undefined && service.sha !== undefined)
        addresses.set(envKey(service.pr, service.sha), address);
    }
    return addresses;
  } catch (error) {
    run.fail({
      subject: 'task addresses',
      error: `could not read them, no address refreshed: ${messageOf(error)}`,
    });
    return undefined;
  }
}

export async function sweep(deps: Deps, options: SweepOptions = {}): Promise<SweepResult> {
  const run = new Sweep(deps);
  const { settings } = deps;

  // Step 1: every PR with showtime state, open and closed, from one search (its results embed the labels).
  const search = await deps.github.searchPullRequests({ labels: sweepSearchLabels(), state: 'all' });
  const summaries = search.pulls;
  deps.log.info(`found ${summaries.length} pull requests with showtime labels`);
  if (search.incomplete) {
    // Nothing destructive rests on the search (each is licensed by a fresh read), so this costs only the PRs missed,
    // which the next sweep finds.
    run.warn(
      'GitHub search returned partial results: PRs it missed are looked after by the next sweep; nothing was deleted on the strength of it.',
    );
  }

  // Step 2: the managed services and the repository's labels (locks with their leases), each listed once.
  try {
    run.services = await deps.ecs.listManagedServices();
  } catch (error) {
    // Without the list nothing can be reconciled; expiry still runs (its deletions report their own failures).
    run.fail({
      subject: 'ECS services',
      error: `could not list them, reconciliation skipped: ${messageOf(error)}`,
    });
  }
  if (run.services !== undefined && settings.aws.loadBalancer === undefined)
    run.addresses = await taskAddresses(run, summaries);
  // The repository's labels (locks with their leases, leftovers for the GC) are listed only when something may be
  // due: a quiet sweep costs its search pages and one catalogue read, whatever the number of labels (see isQuiet).
  const quiet =
    !options.full &&
    isQuiet(
      run.view(),
      summaries.map((summary) => ({ state: summaryState(summary), labels: summary.labels })),
    );
  if (!quiet) {
    run.repoLabels = await deps.github.listRepoLabels();
    run.labelsByName = new Map(run.repoLabels.map((label) => [lower(label.name), label]));
  }

  // Step 3: each PR on its own; one PR's failure does not stop the others.
  await phase(deps.log, 'Pull requests', async () => {
    for (const summary of summaries) {
      try {
        await sweepPr(run, summary);
      } catch (error) {
        run.fail({ pr: summary.number, subject: `PR #${summary.number}`, error: messageOf(error) });
      }
    }
  });

  // Step 4 and 5: what no PR claims.
  await phase(deps.log, 'Orphan services', () =>
    sweepOrphans(run).catch((error: unknown) => {
      run.fail({ subject: 'orphan services', error: messageOf(error) });
    }),
  );
  await phase(deps.log, 'Leftover images and passwords', () =>
    sweepLeftovers(run).catch((error: unknown) => {
      run.fail({ subject: 'leftover images and passwords', error: messageOf(error) });
    }),
  );
  await phase(deps.log, 'Label catalogue', () =>
    syncCatalogue(run, quiet).catch((error: unknown) => {
      run.fail({ subject: 'label catalogue', error: messageOf(error) });
    }),
  );
  // A teardown deletes the definitions it made unused; the GC only collects leftovers (of a teardown that failed, an
  // expired lock), and they wait for the next sweep that has something due.
  if (settings.deleteUnusedLabels && !quiet)
    await phase(deps.log, 'Unused labels', () => deleteUnusedLabels(run));

  const rows = environmentRows(
    [...run.prs.values()].map(({ state }) => state),
    {
      now: run.now,
      defaultTtl: settings.policy.defaultTtl,
      defaultSize: settings.policy.defaultSize,
      costPerHour: settings.costPerHour,
    },
  );
  const repo = deps.github.repo;
  const dashboard = renderDashboard({
    now: run.now,
    repoUrl: options.repoUrl ?? `https://github.com/${repo.owner}/${repo.repo}`,
    rows,
    actions: run.actions,
    failures: run.failures,
    warnings: run.warnings,
    dryRun: settings.dryRun,
    runUrl: deps.run.url,
  });
  return {
    rows,
    actions: run.actions,
    failures: run.failures,
    cleaned: run.cleaned,
    dashboard,
  };
}
