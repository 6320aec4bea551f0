// GitHubPort on Octokit. Each operation makes the fewest requests GitHub allows (stated per method) and turns every
// failure into a GitHubError that names the operation, the status and, for 401/403, the permission to grant.
import type { Permission } from '../core/types.js';
import { PERMISSIONS } from '../core/types.js';
import { FORMS, parseFullSha, parseLogin } from '../core/values.js';
import type { Operation } from './errors.js';
import { isOwnComment } from './own-comment.js';
import { GitHubError, githubMessage, statusOf, toGitHubError, validationCodes } from './errors.js';
import { LABEL_DESCRIPTION_MAX_LENGTH, LABEL_MAX_LENGTH, characters } from '../core/labels.js';
import type { LabelDefinition } from '../core/labels.js';
import { DEFAULT_LOCK_CODEC, fenceDescription } from '../core/locks.js';
import type { LockCodec } from '../core/locks.js';
import type { ClientOptions, Octokit } from './octokit.js';
import { createOctokit } from './octokit.js';
import type {
  Deployment,
  DeploymentRequest,
  DeploymentStatusRequest,
  GitHubPort,
  IssueComment,
  LabelSync,
  LockResult,
  PullRequestInfo,
  PullRequestQuery,
  PullRequestSummary,
  SearchResult,
  LabelCarriers,
  Reaction,
  RepoRef,
  UpsertedComment,
} from './port.js';
import { DEPLOYMENT_STATES, REACTIONS } from './port.js';
import type { CreatedRange } from './search-query.js';
import {
  MAX_SEARCH_RESULTS,
  buildSearchQueries,
  floorToSecond,
  splitRange,
  withCreatedRange,
} from './search-query.js';

export interface AdapterOptions extends ClientOptions {
  repo: RepoRef;
  /** How lock labels carry their lease (core/locks.ts: LOCK_CODEC in production). */
  lockCodec?: LockCodec;
  /** Color of lock and fence labels. */
  lockColor?: string;
  /** Only the search's upper date bound reads it. */
  clock?: () => Date;
  /** The login the token comments as (e.g. `github-actions[bot]`), when known; see own-comment.ts. */
  identity?: string;
}

const PER_PAGE = 100;
const HEX_COLOR = /^[0-9a-fA-F]{6}$/;
const MARKER = /^<!--[\s\S]*\S[\s\S]*-->$/;
const MAX_DEPLOYMENT_STATUS_DESCRIPTION = 140;
/** How far from its expiry a lease must be for its holder to release it without reading it first. */
export const RELEASE_MARGIN_MS = 5 * 60_000;

interface RawLabel {
  name: string;
  color?: string;
  description?: string | null;
}

/** Issue and pull-request objects carry labels as objects; a few old payloads carry bare names. */
function labelNames(labels: ReadonlyArray<string | { name?: string }>): string[] {
  return labels.flatMap((label) => {
    const name = typeof label === 'string' ? label : label.name;
    return name === undefined ? [] : [name];
  });
}

function badInput(operation: Operation, message: string): GitHubError {
  return new GitHubError(operation, undefined, message);
}

export class OctokitGitHub implements GitHubPort {
  readonly repo: RepoRef;
  private readonly octokit: Octokit;
  private readonly codec: LockCodec;
  private readonly lockColor: string;
  private readonly clock: () => Date;
  private readonly log: (message: string) => void;
  /** Fences this instance created when taking over a lock, deleted again on release (see acquireLock). */
  private readonly fences = new Map<string, string>();
  /** Who this token comments as: given, or learnt from the first comment it created (see own-comment.ts). */
  private identity: string | undefined;
  /**
   * Comments this instance created, or found by marker and author: `pr marker` → id and last body. A comment's
   * author never changes, so an id verified once is the action's own for the life of the process.
   */
  private readonly ownComments = new Map<string, number>();

  constructor(options: AdapterOptions) {
    this.repo = { owner: options.repo.owner, repo: options.repo.repo };
    this.octokit = createOctokit(options);
    this.codec = options.lockCodec ?? DEFAULT_LOCK_CODEC;
    this.lockColor = options.lockColor ?? 'ededed';
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.identity = options.identity;
  }

  private get slug(): string {
    return `${this.repo.owner}/${this.repo.repo}`;
  }

  private prNotFound(number: number): string {
    return `pull request #${number} not found in ${this.slug}`;
  }

  /** Runs one operation, turning any failure into a GitHubError. */
  private async run<T>(operation: Operation, what: string, body: () => Promise<T>, pr?: number): Promise<T> {
    try {
      return await body();
    } catch (error) {
      throw toGitHubError(error, operation, what, pr === undefined ? undefined : this.prNotFound(pr));
    }
  }

  private checkNumber(operation: Operation, number: number, what = 'pull request number'): void {
    if (!Number.isSafeInteger(number) || number <= 0) {
      throw badInput(operation, `Invalid ${what} ${String(number)}: expected a positive whole number`);
    }
  }

  private checkLabelName(operation: Operation, name: string): void {
    if (name.trim() === '' || characters(name) > LABEL_MAX_LENGTH) {
      throw badInput(
        operation,
        `Invalid label name ${JSON.stringify(name)}: expected 1 to ${LABEL_MAX_LENGTH} characters`,
      );
    }
  }

  /** ONE request: GET pulls/{n} embeds the labels. */
  async getPullRequest(number: number): Promise<PullRequestInfo> {
    this.checkNumber('getPullRequest', number);
    return this.run(
      'getPullRequest',
      `reading pull request #${number} in ${this.slug}`,
      async () => {
        const { data } = await this.octokit.rest.pulls.get({ ...this.repo, pull_number: number });
        // A deleted head repository (null) can only have been a fork: a branch of this repository cannot outlive it.
        const headRepo = data.head.repo?.full_name;
        const headSha = parseFullSha(data.head.sha);
        if (headSha === undefined)
          throw new Error(
            `GitHub gave pull request #${number} the head SHA ${JSON.stringify(data.head.sha)}; expected ${FORMS.commit}`,
          );
        return {
          number: data.number,
          headSha,
          open: data.state === 'open',
          author: data.user?.login ?? '',
          fromFork:
            headRepo === undefined || headRepo.toLowerCase() !== data.base.repo.full_name.toLowerCase(),
          labels: labelNames(data.labels),
          createdAt: new Date(data.created_at),
        };
      },
      number,
    );
  }

  /** ceil(commits/100) requests, at most 3: GitHub lists the first 250 commits of a PR and no more. */
  async listPullRequestCommits(number: number): Promise<string[]> {
    this.checkNumber('listPullRequestCommits', number);
    return this.run(
      'listPullRequestCommits',
      `listing the commits of pull request #${number} in ${this.slug}`,
      async () => {
        const commits = await this.octokit.paginate(this.octokit.rest.pulls.listCommits, {
          ...this.repo,
          pull_number: number,
          per_page: PER_PAGE,
        });
        return commits.map((commit) => commit.sha);
      },
      number,
    );
  }

  /**
   * ONE request (POST with the whole array; GitHub creates unknown labels on the fly). Resolves to the labels of the
   * PR afterwards, or undefined without any request when `names` is empty.
   */
  async addLabels(number: number, names: string[]): Promise<string[] | undefined> {
    this.checkNumber('addLabels', number);
    names.forEach((name) => this.checkLabelName('addLabels', name));
    if (names.length === 0) return undefined;
    return this.run(
      'addLabels',
      `adding labels to pull request #${number} in ${this.slug}`,
      async () => {
        const { data } = await this.octokit.rest.issues.addLabels({
          ...this.repo,
          issue_number: number,
          labels: [...new Set(names)],
        });
        return labelNames(data);
      },
      number,
    );
  }

  /**
   * ONE request. True when this call removed the label; false when it was already gone. Of several concurrent
   * callers only one can get true, which makes this the compare-and-swap that consumes a trigger label.
   */
  async removeLabel(number: number, name: string): Promise<boolean> {
    this.checkNumber('removeLabel', number);
    this.checkLabelName('removeLabel', name);
    return this.run(
      'removeLabel',
      `removing label "${name}" from pull request #${number} in ${this.slug}`,
      async () => {
        try {
          await this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: number, name });
          return true;
        } catch (error) {
          // "Label does not exist" is GitHub's answer for a label that is not (or no longer) on the PR; any other 404
          // means the PR itself is missing.
          if (statusOf(error) === 404 && /label does not exist/i.test(githubMessage(error))) return false;
          throw error;
        }
      },
      number,
    );
  }

  /**
   * ceil(labels/100) requests to list, plus one POST per missing label and one PATCH per label whose color or
   * description differs. A 422 already_exists on POST means another run created it meanwhile: not an error.
   */
  async ensureLabelDefinitions(definitions: LabelDefinition[]): Promise<LabelSync> {
    for (const definition of definitions) this.checkDefinition('ensureLabelDefinitions', definition);
    const existing = new Map(
      (await this.listRepoLabelsAs('ensureLabelDefinitions')).map((label) => [
        label.name.toLowerCase(),
        label,
      ]),
    );
    const result: LabelSync = { created: [], updated: [] };
    for (const definition of definitions) {
      const current = existing.get(definition.name.toLowerCase());
      if (current === undefined) {
        if (await this.createLabel('ensureLabelDefinitions', definition))
          result.created.push(definition.name);
        existing.set(definition.name.toLowerCase(), definition);
      } else if (
        current.color.toLowerCase() !== definition.color.toLowerCase() ||
        current.description !== definition.description
      ) {
        await this.run('ensureLabelDefinitions', `updating label "${definition.name}" in ${this.slug}`, () =>
          this.octokit.rest.issues.updateLabel({
            ...this.repo,
            name: current.name,
            color: definition.color,
            description: definition.description,
          }),
        );
        result.updated.push(definition.name);
        existing.set(definition.name.toLowerCase(), definition);
      }
    }
    return result;
  }

  private checkDefinition(operation: Operation, definition: LabelDefinition): void {
    this.checkLabelName(operation, definition.name);
    if (!HEX_COLOR.test(definition.color)) {
      throw badInput(
        operation,
        `Invalid color ${JSON.stringify(definition.color)} for label "${definition.name}": ` +
          'expected 6 hexadecimal digits without #, e.g. f29513',
      );
    }
    if (characters(definition.description) > LABEL_DESCRIPTION_MAX_LENGTH) {
      throw badInput(
        operation,
        `Invalid description for label "${definition.name}": expected at most ${LABEL_DESCRIPTION_MAX_LENGTH} characters`,
      );
    }
  }

  /** True when created, false when the name already existed (422 already_exists). ONE request. */
  private async createLabel(operation: Operation, definition: LabelDefinition): Promise<boolean> {
    return this.run(operation, `creating label "${definition.name}" in ${this.slug}`, async () => {
      try {
        await this.octokit.rest.issues.createLabel({ ...this.repo, ...definition });
        return true;
      } catch (error) {
        if (statusOf(error) === 422 && validationCodes(error).includes('already_exists')) return false;
        throw error;
      }
    });
  }

  /** ceil(labels/100) requests. */
  async getLabelDefinition(name: string): Promise<LabelDefinition | undefined> {
    this.checkLabelName('getLabelDefinition', name);
    const label = await this.readLabel('getLabelDefinition', name);
    return label === undefined
      ? undefined
      : { name: label.name, color: label.color ?? '', description: label.description ?? '' };
  }

  async listRepoLabels(): Promise<LabelDefinition[]> {
    return this.listRepoLabelsAs('listRepoLabels');
  }

  private async listRepoLabelsAs(operation: Operation): Promise<LabelDefinition[]> {
    return this.run(operation, `listing the labels of ${this.slug}`, async () => {
      const labels: RawLabel[] = await this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, {
        ...this.repo,
        per_page: PER_PAGE,
      });
      return labels.map((label) => ({
        name: label.name,
        color: label.color ?? '',
        description: label.description ?? '',
      }));
    });
  }

  /** ONE request. True when deleted, false when it was already gone. */
  async deleteRepoLabel(name: string): Promise<boolean> {
    this.checkLabelName('deleteRepoLabel', name);
    return this.deleteLabelAs('deleteRepoLabel', name);
  }

  private async deleteLabelAs(operation: Operation, name: string): Promise<boolean> {
    return this.run(operation, `deleting label "${name}" from ${this.slug}`, async () => {
      try {
        await this.octokit.rest.issues.deleteLabel({ ...this.repo, name });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    });
  }

  /**
   * Per query (labels are packed into as few ≤256-character queries as fit): ceil(results/100) requests when at most
   * 1,000 PRs match; otherwise one more request, then the creation dates are bisected until each window holds at
   * most 1,000 (GitHub returns no more per query), so every PR is found. Results are deduplicated by number.
   */
  async searchPullRequests(query: PullRequestQuery): Promise<SearchResult> {
    let queries: string[];
    try {
      queries = buildSearchQueries(this.repo, query.labels, query.state);
    } catch (error) {
      throw badInput('searchPullRequests', (error as Error).message);
    }
    const found: Found = { pulls: new Map(), incomplete: false };
    await this.run('searchPullRequests', `searching pull requests in ${this.slug}`, async () => {
      for (const q of queries) await this.searchAll(q, undefined, found);
    });
    return {
      pulls: [...found.pulls.values()].sort((a, b) => a.number - b.number),
      incomplete: found.incomplete,
    };
  }

  /**
   * ONE request: the issues listing filtered by the label (served from the database, not the search index), first
   * page only: a per-SHA label is carried by one PR, and any carrier at all is what keeps the definition. A name with
   * a comma cannot be asked for (the filter is a comma-separated list), so it counts as carried: absence is never
   * assumed.
   */
  async listLabelCarriers(name: string): Promise<LabelCarriers> {
    this.checkLabelName('listLabelCarriers', name);
    if (name.includes(',')) return { carried: true, numbers: [], pulls: [] };
    return this.run('listLabelCarriers', `listing what carries "${name}" in ${this.slug}`, async () => {
      const { data } = await this.octokit.rest.issues.listForRepo({
        ...this.repo,
        labels: name,
        state: 'all',
        per_page: PER_PAGE,
      });
      return {
        carried: data.length > 0,
        numbers: data.map((item) => item.number),
        pulls: data.filter((item) => item.pull_request !== undefined).map((item) => summaryOf(item)),
      };
    });
  }

  /**
   * Every result of `q` within `range` (the whole history when undefined) into `found`. Pages are requested by
   * number rather than through octokit.paginate: its search normalisation takes the first remaining key of the body
   * for the items, which breaks when GitHub puts `search_type` before `items`.
   */
  private async searchAll(q: string, range: CreatedRange | undefined, found: Found): Promise<void> {
    const query = range === undefined ? q : withCreatedRange(q, range);
    const first = await this.searchPage(query, 1, found);
    if (first.total > MAX_SEARCH_RESULTS) {
      // Oldest first (see searchPage), so the first item is where this query's history starts.
      const window: CreatedRange = range ?? {
        from: floorToSecond(first.oldest ?? new Date(0)),
        to: floorToSecond(this.clock()),
      };
      const halves = splitRange(window);
      // A single second with more than 1,000 PRs cannot be split further: take the 1,000 GitHub serves.
      if (halves !== undefined) {
        for (const half of halves) await this.searchAll(q, half, found);
        return;
      }
    }
    const pages = Math.ceil(Math.min(first.total, MAX_SEARCH_RESULTS) / PER_PAGE);
    for (let page = 2; page <= pages; page++) await this.searchPage(query, page, found);
  }

  /** ONE request: page `page` of `query`, oldest first (stable as new PRs are opened), into `found`. */
  private async searchPage(
    query: string,
    page: number,
    found: Found,
  ): Promise<{ total: number; oldest?: Date }> {
    // q is encoded here because Octokit leaves `+` unescaped in query strings and GitHub would read it as a space
    // (a label such as `c++` would silently match nothing).
    const { data } = (await this.octokit.request(`GET /search/issues?q=${encodeURIComponent(query)}`, {
      sort: 'created',
      order: 'asc',
      per_page: PER_PAGE,
      page,
    })) as Awaited<ReturnType<Octokit['rest']['search']['issuesAndPullRequests']>>;
    if (data.incomplete_results) {
      found.incomplete = true;
      this.log(`GitHub search timed out and returned partial results (page ${page}) for: ${query}`);
    }
    for (const item of data.items) found.pulls.set(item.number, summaryOf(item));
    const oldest = data.items[0];
    return {
      total: data.total_count,
      ...(oldest === undefined ? {} : { oldest: new Date(oldest.created_at) }),
    };
  }

  /**
   * ONE request. `role_name` distinguishes maintain and triage, which the legacy `permission` field folds into
   * write and read; a custom role falls back to `permission`. Not a collaborator (404) is `none`; anything else
   * throws, so callers fail closed.
   */
  async getPermission(login: string): Promise<Permission> {
    if (parseLogin(login) === undefined) {
      throw badInput('getPermission', `Invalid login ${JSON.stringify(login)}: expected ${FORMS.login}`);
    }
    return this.run('getPermission', `reading the permission of ${login} on ${this.slug}`, async () => {
      try {
        const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
          ...this.repo,
          username: login,
        });
        const known = (value: unknown): value is Permission =>
          typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
        const role: unknown = (data as { role_name?: unknown }).role_name;
        if (known(role)) return role;
        if (known(data.permission)) return data.permission;
        throw new Error(`GitHub reported an unknown permission ${JSON.stringify(data.permission)}`);
      } catch (error) {
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    });
  }

  private checkMarker(operation: Operation, marker: string): void {
    if (!MARKER.test(marker)) {
      throw badInput(
        operation,
        `Invalid comment marker ${JSON.stringify(marker)}: expected a hidden HTML comment, e.g. <!-- showtime-status -->`,
      );
    }
  }

  /**
   * ceil(comments/100) requests: every page must be read because the newest comment bearing the marker is the one
   * we keep up to date (an older one is a leftover of a race or of a person quoting ours).
   */
  async findComment(number: number, marker: string): Promise<IssueComment | undefined> {
    this.checkNumber('findComment', number);
    this.checkMarker('findComment', marker);
    return this.findCommentAs('findComment', number, marker);
  }

  private async findCommentAs(
    operation: Operation,
    number: number,
    marker: string,
  ): Promise<IssueComment | undefined> {
    return this.run(
      operation,
      `reading the comments of pull request #${number} in ${this.slug}`,
      async () => {
        const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
          ...this.repo,
          issue_number: number,
          per_page: PER_PAGE,
        });
        let latest: IssueComment | undefined;
        for (const comment of comments) {
          if (!comment.body?.includes(marker)) continue;
          // A marker in anyone else's comment is ignored: only the action's own comment is ever edited.
          if (!isOwnComment({ login: comment.user?.login ?? '', type: comment.user?.type }, this.identity))
            continue;
          const candidate = commentOf(comment);
          if (latest === undefined || candidate.createdAt >= latest.createdAt) latest = candidate;
        }
        if (latest !== undefined) this.ownComments.set(`${number} ${marker}`, latest.id);
        return latest;
      },
      number,
    );
  }

  /**
   * findComment's requests, plus ONE: a POST when there is no such comment, a PATCH when its body differs, none
   * when it is already up to date. The marker is put first in the body when the body lacks it.
   *
   * ONE request (the PATCH) when the comment's id is already verified: this instance found or created it, or
   * `verifiedId` names one this workflow run's own earlier step found by marker and author or created (the plan
   * record carries it). Never an id read from anything a person can write, such as a label: editing by id edits
   * whatever comment has it. A verified comment deleted meanwhile is looked for again, then created.
   */
  async upsertComment(
    number: number,
    marker: string,
    body: string,
    verifiedId?: number,
  ): Promise<UpsertedComment> {
    this.checkNumber('upsertComment', number);
    this.checkMarker('upsertComment', marker);
    if (verifiedId !== undefined) this.checkNumber('upsertComment', verifiedId, 'comment id');
    const text = body.includes(marker) ? body : `${marker}\n${body}`;
    const key = `${number} ${marker}`;
    // Always written: another run may have changed the comment since this one last wrote it.
    const known = this.ownComments.get(key) ?? verifiedId;
    if (known !== undefined) {
      if (await this.updateOwnComment(number, known, text)) {
        this.ownComments.set(key, known);
        return { id: known, outcome: 'updated' };
      }
      this.ownComments.delete(key);
    }
    const existing = await this.findCommentAs('upsertComment', number, marker);
    if (existing !== undefined && existing.body === text) return { id: existing.id, outcome: 'unchanged' };
    const written = await this.run(
      'upsertComment',
      `writing the status comment on pull request #${number} in ${this.slug}`,
      async () => {
        if (existing === undefined) {
          const { data } = await this.octokit.rest.issues.createComment({
            ...this.repo,
            issue_number: number,
            body: text,
          });
          this.identity ??= data.user?.login;
          return { id: data.id, outcome: 'created' as const };
        }
        await this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: existing.id, body: text });
        return { id: existing.id, outcome: 'updated' as const };
      },
      number,
    );
    this.ownComments.set(key, written.id);
    return written;
  }

  /** ONE request: false when the comment is gone (404), so that the caller looks for it again. */
  private async updateOwnComment(number: number, id: number, text: string): Promise<boolean> {
    try {
      await this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: id, body: text });
      return true;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw toGitHubError(
        error,
        'upsertComment',
        `writing the status comment on pull request #${number} in ${this.slug}`,
      );
    }
  }

  /** ONE request. */
  async createComment(number: number, body: string): Promise<{ id: number }> {
    this.checkNumber('createComment', number);
    return this.run(
      'createComment',
      `commenting on pull request #${number} in ${this.slug}`,
      async () => {
        const { data } = await this.octokit.rest.issues.createComment({
          ...this.repo,
          issue_number: number,
          body,
        });
        this.identity ??= data.user?.login;
        return { id: data.id };
      },
      number,
    );
  }

  /** ONE request (GitHub answers 200 instead of 201 when the reaction was already there: same outcome). */
  async reactToComment(commentId: number, content: Reaction): Promise<void> {
    this.checkNumber('reactToComment', commentId, 'comment id');
    if (!(REACTIONS as readonly string[]).includes(content)) {
      throw badInput(
        'reactToComment',
        `Invalid reaction ${JSON.stringify(content)}: expected one of ${REACTIONS.join(', ')}`,
      );
    }
    await this.run('reactToComment', `reacting to comment ${commentId} in ${this.slug}`, () =>
      this.octokit.rest.reactions.createForIssueComment({ ...this.repo, comment_id: commentId, content }),
    );
  }

  /**
   * ONE request. `required_contexts: []` because the image is built from this SHA regardless of its checks;
   * `auto_merge: false` because a deployment must never merge the default branch into a PR.
   */
  async createDeployment(request: DeploymentRequest): Promise<Deployment> {
    if (request.ref.trim() === '' || request.environment.trim() === '') {
      throw badInput('createDeployment', 'Invalid deployment: expected a non-empty ref and environment');
    }
    return this.run(
      'createDeployment',
      `creating a deployment of ${request.ref} to ${request.environment} in ${this.slug}`,
      async () => {
        const { data } = await this.octokit.rest.repos.createDeployment({
          ...this.repo,
          ref: request.ref,
          environment: request.environment,
          description: request.description,
          transient_environment: request.transient,
          production_environment: false,
          required_contexts: [],
          auto_merge: false,
          payload: request.payload ?? {},
        });
        if (!('id' in data)) throw new Error(`GitHub did not create the deployment: ${data.message ?? ''}`);
        return deploymentOf(data);
      },
    );
  }

  /**
   * ONE request. `auto_inactive` stays GitHub's default: a new success marks the older successful deployments of
   * the environment inactive, the non-transient ones only (GitHub's rule).
   */
  async createDeploymentStatus(deploymentId: number, status: DeploymentStatusRequest): Promise<void> {
    this.checkNumber('createDeploymentStatus', deploymentId, 'deployment id');
    if (!(DEPLOYMENT_STATES as readonly string[]).includes(status.state)) {
      throw badInput(
        'createDeploymentStatus',
        `Invalid deployment state ${JSON.stringify(status.state)}: expected one of ${DEPLOYMENT_STATES.join(', ')}`,
      );
    }
    const description =
      status.description === undefined
        ? undefined
        : [...status.description].slice(0, MAX_DEPLOYMENT_STATUS_DESCRIPTION).join('');
    await this.run(
      'createDeploymentStatus',
      `setting deployment ${deploymentId} to ${status.state} in ${this.slug}`,
      () =>
        this.octokit.rest.repos.createDeploymentStatus({
          ...this.repo,
          deployment_id: deploymentId,
          state: status.state,
          environment_url: status.environmentUrl,
          log_url: status.logUrl,
          description,
        }),
    );
  }

  /** ceil(deployments/100) requests. */
  async listDeployments(filter: { environment: string }): Promise<Deployment[]> {
    return this.run(
      'listDeployments',
      `listing deployments to ${filter.environment} in ${this.slug}`,
      async () => {
        const deployments = await this.octokit.paginate(this.octokit.rest.repos.listDeployments, {
          ...this.repo,
          environment: filter.environment,
          per_page: PER_PAGE,
        });
        return deployments.map(deploymentOf);
      },
    );
  }

  /** ONE request: the label with its description, or undefined when it does not exist. */
  private async readLabel(operation: Operation, name: string): Promise<RawLabel | undefined> {
    return this.run(operation, `reading label "${name}" in ${this.slug}`, async () => {
      try {
        const { data } = await this.octokit.rest.issues.getLabel({ ...this.repo, name });
        return data;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    });
  }

  /** ONE request: false when the label no longer exists. */
  private async setDescription(operation: Operation, name: string, description: string): Promise<boolean> {
    return this.run(operation, `updating label "${name}" in ${this.slug}`, async () => {
      try {
        await this.octokit.rest.issues.updateLabel({ ...this.repo, name, description });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    });
  }

  private leaseOf(label: RawLabel | undefined): LockResult {
    const lease = label === undefined ? undefined : this.codec.parse(label.description ?? '');
    return lease === undefined ? { acquired: false } : { acquired: false, ...lease };
  }

  private describeLease(operation: Operation, holder: string, expiresAt: Date): string {
    try {
      return this.codec.describe({ holder, expiresAt });
    } catch (error) {
      throw badInput(operation, (error as Error).message);
    }
  }

  /**
   * A lock is a repository label whose description holds the lease. Requests:
   * - free: ONE (POST /labels; GitHub lets exactly one concurrent create of a name succeed);
   * - held by someone else, lease valid: 2 (POST 422, GET);
   * - held by us, lease valid: 3 (POST, GET, PATCH to the new expiry);
   * - lease expired (or unreadable): 4 (POST, GET, POST fence, then PATCH for the winner or GET for a loser).
   *
   * Taking over an expired lease is itself a compare-and-swap: every racer that read the same expired lease creates
   * the same fence label (named after that lease), and only the one that gets 201 rewrites the lease. Deleting and
   * re-creating the lock instead would let a racer that read the lease late delete the winner's fresh lock.
   */
  async acquireLock(name: string, holder: string, expiresAt: Date, now: Date): Promise<LockResult> {
    this.checkLabelName('acquireLock', name);
    const description = this.describeLease('acquireLock', holder, expiresAt);
    const mine: LockResult = { acquired: true, holder, expiresAt };
    const lock = { name, color: this.lockColor, description };
    if (await this.createLabel('acquireLock', lock)) return mine;

    const current = await this.readLabel('acquireLock', name);
    if (current === undefined) {
      // Released between our POST and GET: one more attempt at the plain create.
      return this.createOrReport(lock, mine);
    }
    const seen = current.description ?? '';
    const lease = this.codec.parse(seen);
    if (lease !== undefined && lease.expiresAt > now) {
      if (lease.holder !== holder) return { acquired: false, ...lease };
      if (seen !== description) await this.setDescription('acquireLock', name, description);
      return mine;
    }

    const fence = this.codec.fenceName(name, seen);
    if (
      !(await this.createLabel('acquireLock', {
        name: fence,
        color: this.lockColor,
        description: fenceDescription(name, seen),
      }))
    ) {
      return this.leaseOf(await this.readLabel('acquireLock', name));
    }
    this.fences.set(name, fence);
    if (await this.setDescription('acquireLock', name, description)) return mine;
    // The expired holder released the lock meanwhile: compete for it like any newcomer.
    return this.createOrReport(lock, mine);
  }

  /** Creates the lock label (ONE request), or reads who holds it when someone else created it first (one more). */
  private async createOrReport(lock: LabelDefinition, mine: LockResult): Promise<LockResult> {
    if (await this.createLabel('acquireLock', lock)) return mine;
    return this.leaseOf(await this.readLabel('acquireLock', lock.name));
  }

  /**
   * 2 requests (GET, PATCH). Only the holder of a lease still valid at `now` may renew it: once it has expired,
   * another run may be taking it over, and the holder must go through acquireLock like anyone else.
   */
  async renewLock(name: string, holder: string, expiresAt: Date, now: Date): Promise<boolean> {
    this.checkLabelName('renewLock', name);
    const description = this.describeLease('renewLock', holder, expiresAt);
    const lease = this.codec.parse((await this.readLabel('renewLock', name))?.description ?? '');
    if (lease === undefined || lease.holder !== holder || lease.expiresAt <= now) return false;
    return this.setDescription('renewLock', name, description);
  }

  /**
   * 2 requests (GET, DELETE), plus one to delete the fence when this instance took the lock over. True when we
   * held the lock and deleted it; false when someone else holds it or it is already gone.
   *
   * ONE request (the DELETE) when `heldUntil`, the expiry of the lease this holder was granted, is more than
   * RELEASE_MARGIN_MS away: nobody takes a lease over before it expires, so the lock is still ours and reading it
   * first tells nothing. The margin covers the clocks of two runners.
   */
  async releaseLock(name: string, holder: string, heldUntil?: Date): Promise<boolean> {
    this.checkLabelName('releaseLock', name);
    const surelyOurs =
      heldUntil !== undefined && heldUntil.getTime() - this.clock().getTime() > RELEASE_MARGIN_MS;
    if (!surelyOurs) {
      const lease = this.codec.parse((await this.readLabel('releaseLock', name))?.description ?? '');
      if (lease === undefined || lease.holder !== holder) return false;
    }
    const released = await this.deleteLabelAs('releaseLock', name);
    // Racers that read the expired lease we took over have long finished by now; the fence can go.
    const fence = this.fences.get(name);
    if (fence !== undefined) {
      this.fences.delete(name);
      await this.deleteLabelAs('releaseLock', fence);
    }
    return released;
  }
}

interface SearchItem {
  number: number;
  state: string;
  created_at: string;
  user?: { login?: string } | null;
  labels: Array<string | { name?: string }>;
}

/** What a search has found so far, and whether any page of it was partial. */
interface Found {
  pulls: Map<number, PullRequestSummary>;
  incomplete: boolean;
}

function summaryOf(item: SearchItem): PullRequestSummary {
  return {
    number: item.number,
    open: item.state === 'open',
    labels: labelNames(item.labels),
    createdAt: new Date(item.created_at),
    author: item.user?.login ?? '',
  };
}

function commentOf(comment: {
  id: number;
  body?: string;
  user?: { login?: string } | null;
  created_at: string;
  updated_at: string;
}): IssueComment {
  return {
    id: comment.id,
    body: comment.body ?? '',
    author: comment.user?.login ?? '',
    createdAt: new Date(comment.created_at),
    updatedAt: new Date(comment.updated_at),
  };
}

function deploymentOf(deployment: {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  description?: string | null;
  created_at: string;
}): Deployment {
  return {
    id: deployment.id,
    ref: deployment.ref,
    sha: deployment.sha,
    environment: deployment.environment,
    description: deployment.description ?? null,
    createdAt: new Date(deployment.created_at),
  };
}
