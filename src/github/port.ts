// The GitHub operations the action needs, as one small interface. The core never sees Octokit; entrypoints get a
// GitHubPort and tests can stand a fake behind it. Every operation is bound to one repository at construction.
import type { LabelDefinition } from '../core/labels.js';
import type { Permission } from '../core/types.js';
import type { Sha } from '../core/values.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  /** The head commit at the time of reading. */
  headSha: Sha;
  open: boolean;
  author: string;
  /** True when the head branch lives in another repository (or that repository was deleted). */
  fromFork: boolean;
  labels: string[];
  createdAt: Date;
}

export interface PullRequestSummary {
  number: number;
  open: boolean;
  labels: string[];
  createdAt: Date;
  author: string;
}

export interface LabelSync {
  created: string[];
  updated: string[];
}

export type SearchState = 'open' | 'closed' | 'all';

export interface SearchResult {
  pulls: PullRequestSummary[];
  /** GitHub said a page was partial (`incomplete_results: true`): PRs may be missing. */
  incomplete: boolean;
}

export interface LabelCarriers {
  /** Some issue or PR carries the label (false only on a consistent read that found none). */
  carried: boolean;
  /** The number of every issue and PR that carries it (the first page: more than one means more than one). */
  numbers: number[];
  pulls: PullRequestSummary[];
}

export interface PullRequestQuery {
  /** A pull request matches when it carries any one of these labels. */
  labels: string[];
  state: SearchState;
}

export interface IssueComment {
  id: number;
  body: string;
  author: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface UpsertedComment {
  id: number;
  /** `unchanged` when the comment already had this exact body: nothing was written. */
  outcome: 'created' | 'updated' | 'unchanged';
}

export const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'] as const;
export type Reaction = (typeof REACTIONS)[number];

export interface DeploymentRequest {
  /** The commit SHA to deploy. */
  ref: string;
  environment: string;
  description?: string;
  /** GitHub's `transient_environment`; true for per-PR environments. */
  transient: boolean;
  payload?: Record<string, unknown>;
}

export interface Deployment {
  id: number;
  ref: string;
  sha: string;
  environment: string;
  description: string | null;
  createdAt: Date;
}

export const DEPLOYMENT_STATES = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

export interface DeploymentStatusRequest {
  state: DeploymentState;
  environmentUrl?: string;
  logUrl?: string;
  description?: string;
}

/** The outcome of acquireLock: whether we hold the lock, and the lease in force (ours when acquired). */
export interface LockResult {
  acquired: boolean;
  /** Missing only when the lock's label could not be read back (it vanished, or its description is not a lease). */
  holder?: string;
  expiresAt?: Date;
}

export interface GitHubPort {
  readonly repo: RepoRef;
  getPullRequest(number: number): Promise<PullRequestInfo>;
  /** Full SHAs of the PR's commits, oldest first (GitHub lists at most 250). */
  listPullRequestCommits(number: number): Promise<string[]>;
  addLabels(number: number, names: string[]): Promise<string[] | undefined>;
  removeLabel(number: number, name: string): Promise<boolean>;
  ensureLabelDefinitions(definitions: LabelDefinition[]): Promise<LabelSync>;
  listRepoLabels(): Promise<LabelDefinition[]>;
  /** ONE request, a consistent read: the label's definition, or undefined when the repository has no such label. */
  getLabelDefinition(name: string): Promise<LabelDefinition | undefined>;
  deleteRepoLabel(name: string): Promise<boolean>;
  /** Search finds, it never proves absence: it lags label writes and may be partial (`incomplete`). */
  searchPullRequests(query: PullRequestQuery): Promise<SearchResult>;
  /**
   * Whether any issue or PR, open or closed, carries the label now, and the PRs among them: a consistent read (the
   * issues listing, not the search index), the one that may license deleting a label definition.
   */
  listLabelCarriers(name: string): Promise<LabelCarriers>;
  getPermission(login: string): Promise<Permission>;
  findComment(number: number, marker: string): Promise<IssueComment | undefined>;
  /**
   * `verifiedId`: a comment id this workflow run verified itself (found by marker and author, or created), never one
   * read from labels or anything else a person can write.
   */
  upsertComment(number: number, marker: string, body: string, verifiedId?: number): Promise<UpsertedComment>;
  createComment(number: number, body: string): Promise<{ id: number }>;
  reactToComment(commentId: number, content: Reaction): Promise<void>;
  createDeployment(request: DeploymentRequest): Promise<Deployment>;
  createDeploymentStatus(deploymentId: number, status: DeploymentStatusRequest): Promise<void>;
  listDeployments(filter: { environment: string }): Promise<Deployment[]>;
  acquireLock(name: string, holder: string, expiresAt: Date, now: Date): Promise<LockResult>;
  renewLock(name: string, holder: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** `heldUntil`: the expiry of the lease `holder` was granted, when the caller knows it (spares a read). */
  releaseLock(name: string, holder: string, heldUntil?: Date): Promise<boolean>;
}
