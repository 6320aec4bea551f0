// The emulator's state. HTTP handlers and tests share this one object: tests read it to check what the action did and
// change it to play the people and other runs the action shares a repository with.
import { createHash } from 'node:crypto';
import type { Role, Seed, SeedIssue, SeedLabel, SeedPull, SeedRepository } from './seed.js';
import { SearchIndex } from './search-index.js';

export const DEFAULT_LABEL_COLOR = 'ededed';
export const MAX_LABEL_NAME = 50;
export const MAX_LABEL_DESCRIPTION = 100;

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface CommitRecord {
  sha: string;
  message: string;
  author: string;
  date: string;
  parents: string[];
}

export interface PullInfo {
  headSha: string;
  headRef: string;
  /** Owner of the head repository: the author for forks, the base owner otherwise. */
  headOwner: string;
  fork: boolean;
  baseRef: string;
  draft: boolean;
  /** SHAs of the PR's commits, oldest first; the last one is the head. */
  commits: string[];
}

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  author: string;
  state: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Login of whoever closed it last; null while open. */
  closedBy: string | null;
  labelIds: number[];
  /** Present on pull requests only. */
  pull?: PullInfo;
}

export interface CommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'] as const;
export type ReactionContent = (typeof REACTIONS)[number];

export interface ReactionRecord {
  id: number;
  commentId: number;
  content: ReactionContent;
  user: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  transient: boolean;
  production: boolean;
  creator: string;
  createdAt: string;
  updatedAt: string;
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

export interface DeploymentStatusRecord {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  targetUrl: string;
  creator: string;
  createdAt: string;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  createdAt: string;
  /** Keyed by labelKey(name): GitHub compares label names case-insensitively. */
  labels: Map<string, LabelRecord>;
  issues: Map<number, IssueRecord>;
  nextNumber: number;
  /** Keyed by lower-case login. */
  collaborators: Map<string, { login: string; role: Role }>;
  commits: Map<string, CommitRecord>;
  /** Branch name → head SHA. */
  branches: Map<string, string>;
  comments: Map<number, CommentRecord>;
  reactions: ReactionRecord[];
  deployments: Map<number, DeploymentRecord>;
  deploymentStatuses: DeploymentStatusRecord[];
}

/** Label identity: GitHub treats `Bug` and `bug` as the same label and keeps the first casing. */
export function labelKey(name: string): string {
  return name.toLowerCase();
}

/** GitHub's limit counts characters, not UTF-16 units: `🎪` is one of the 50. */
export function labelNameLength(name: string): number {
  return [...name].length;
}

/** GitHub timestamps: ISO 8601 in UTC without milliseconds. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function repoKey(fullName: string): string {
  return fullName.toLowerCase();
}

export class Store {
  /** Source of created_at/updated_at. Replace it to control timestamps. */
  clock: () => Date = () => new Date();
  /** Login the API token acts as. */
  actor: string;
  /** What search answers from: it can lag the writes and answer partially (search-index.ts). */
  readonly searchIndex: SearchIndex = new SearchIndex(this);
  private readonly repos = new Map<string, RepoRecord>();
  private readonly users = new Map<string, UserRecord>();
  private readonly counters = new Map<string, number>();

  constructor(seed: Seed = {}) {
    this.actor = seed.actor ?? 'github-actions[bot]';
    for (const repo of seed.repositories ?? []) this.addRepository(repo);
  }

  now(): string {
    return timestamp(this.clock());
  }

  /** Ids per kind of object, starting high like GitHub's so that they are never mistaken for issue numbers. */
  nextId(kind: string): number {
    const next = (this.counters.get(kind) ?? 1000) + 1;
    this.counters.set(kind, next);
    return next;
  }

  user(login: string): UserRecord {
    const key = login.toLowerCase();
    let user = this.users.get(key);
    if (!user) {
      user = { login, id: this.nextId('user'), type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      this.users.set(key, user);
    }
    return user;
  }

  // ---------------------------------------------------------------- repositories

  repositories(): RepoRecord[] {
    return [...this.repos.values()];
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(repoKey(`${owner}/${name}`));
  }

  repoById(id: number): RepoRecord | undefined {
    return this.repositories().find((r) => r.id === id);
  }

  /** The repository `owner/name`; throws when the test names one that was never seeded. */
  repo(fullName: string): RepoRecord {
    const repo = this.repos.get(repoKey(fullName));
    if (!repo) {
      const known = this.repositories().map((r) => r.fullName);
      throw new Error(
        `repository "${fullName}" is not in the emulator (known: ${known.join(', ') || 'none'})`,
      );
    }
    return repo;
  }

  addRepository(seed: SeedRepository): RepoRecord {
    const fullName = `${seed.owner}/${seed.name}`;
    if (this.repos.has(repoKey(fullName))) throw new Error(`repository "${fullName}" already exists`);
    const now = this.now();
    const defaultBranch = seed.defaultBranch ?? 'main';
    const repo: RepoRecord = {
      id: this.nextId('repo'),
      owner: seed.owner,
      name: seed.name,
      fullName,
      defaultBranch,
      private: seed.private ?? false,
      createdAt: now,
      labels: new Map(),
      issues: new Map(),
      nextNumber: 1,
      collaborators: new Map(),
      commits: new Map(),
      branches: new Map(),
      comments: new Map(),
      reactions: [],
      deployments: new Map(),
      deploymentStatuses: [],
    };
    this.repos.set(repoKey(fullName), repo);
    this.user(seed.owner);
    const baseSha = fakeSha(`${fullName}@${defaultBranch}`);
    repo.commits.set(baseSha, {
      sha: baseSha,
      message: 'Initial commit',
      author: seed.owner,
      date: now,
      parents: [],
    });
    repo.branches.set(defaultBranch, baseSha);
    repo.collaborators.set(seed.owner.toLowerCase(), { login: seed.owner, role: 'admin' });
    for (const [login, role] of Object.entries(seed.collaborators ?? {}))
      this.setPermission(fullName, login, role);
    for (const label of seed.labels ?? []) this.createLabel(fullName, label);
    for (const pull of seed.pulls ?? []) this.addPull(fullName, pull);
    for (const issue of seed.issues ?? []) this.addIssue(fullName, issue);
    return repo;
  }

  // ---------------------------------------------------------------- repository labels

  repoLabels(fullName: string): LabelRecord[] {
    return sortLabels([...this.repo(fullName).labels.values()]);
  }

  findLabel(fullName: string, name: string): LabelRecord | undefined {
    return this.repo(fullName).labels.get(labelKey(name));
  }

  /** Creates a repository label; throws when one of that name (in any casing) exists. */
  createLabel(fullName: string, label: SeedLabel): LabelRecord {
    const repo = this.repo(fullName);
    if (repo.labels.has(labelKey(label.name)))
      throw new Error(`label "${label.name}" already exists in ${fullName}`);
    const record: LabelRecord = {
      id: this.nextId('label'),
      name: label.name,
      color: label.color ?? DEFAULT_LABEL_COLOR,
      description: label.description ?? null,
      default: label.default ?? false,
    };
    repo.labels.set(labelKey(label.name), record);
    return record;
  }

  /** Deletes a repository label and takes it off every issue, as GitHub does. False when there was none. */
  deleteLabel(fullName: string, name: string): boolean {
    const repo = this.repo(fullName);
    const label = repo.labels.get(labelKey(name));
    if (!label) return false;
    repo.labels.delete(labelKey(name));
    for (const issue of repo.issues.values()) issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
    return true;
  }

  /** Renames/recolours a label in place; issues keep it because they refer to it by id. */
  updateLabel(
    fullName: string,
    name: string,
    change: { name?: string; color?: string; description?: string | null },
  ): LabelRecord {
    const repo = this.repo(fullName);
    const label = repo.labels.get(labelKey(name));
    if (!label) throw new Error(`label "${name}" is not in ${fullName}`);
    if (change.name !== undefined && change.name !== label.name) {
      const clash = repo.labels.get(labelKey(change.name));
      if (clash && clash !== label) throw new Error(`label "${change.name}" already exists in ${fullName}`);
      repo.labels.delete(labelKey(label.name));
      label.name = change.name;
      repo.labels.set(labelKey(label.name), label);
    }
    if (change.color !== undefined) label.color = change.color;
    if (change.description !== undefined) label.description = change.description;
    return label;
  }

  labelById(repo: RepoRecord, id: number): LabelRecord | undefined {
    for (const label of repo.labels.values()) if (label.id === id) return label;
    return undefined;
  }

  /** Finds the repository label or creates it with the default colour, as adding an unknown label to an issue does. */
  ensureLabel(fullName: string, name: string): LabelRecord {
    return this.findLabel(fullName, name) ?? this.createLabel(fullName, { name });
  }

  // ---------------------------------------------------------------- issues and pull requests

  addIssue(fullName: string, seed: SeedIssue): IssueRecord {
    return this.insertIssue(fullName, seed, undefined);
  }

  addPull(fullName: string, seed: SeedPull): IssueRecord {
    const repo = this.repo(fullName);
    const author = seed.author ?? 'octocat';
    const headSha = seed.headSha ?? fakeSha(`${fullName}#${seed.number}`);
    const fork = seed.fork ?? false;
    const headRef = seed.headRef ?? `pr-${seed.number}`;
    const baseSha = repo.branches.get(repo.defaultBranch) ?? '';
    const created = seed.createdAt ?? this.now();
    repo.commits.set(headSha, {
      sha: headSha,
      message: seed.title ?? `Pull request #${seed.number}`,
      author,
      date: created,
      parents: [baseSha],
    });
    if (!fork) repo.branches.set(headRef, headSha);
    return this.insertIssue(fullName, seed, {
      headSha,
      headRef,
      headOwner: fork ? author : repo.owner,
      fork,
      baseRef: repo.defaultBranch,
      draft: seed.draft ?? false,
      commits: [headSha],
    });
  }

  private insertIssue(fullName: string, seed: SeedIssue, pull: PullInfo | undefined): IssueRecord {
    const repo = this.repo(fullName);
    if (repo.issues.has(seed.number)) throw new Error(`#${seed.number} already exists in ${fullName}`);
    const created = seed.createdAt ?? this.now();
    const state = seed.state ?? 'open';
    const author = seed.author ?? 'octocat';
    this.user(author);
    const issue: IssueRecord = {
      id: this.nextId('issue'),
      number: seed.number,
      title: seed.title ?? (pull ? `Pull request #${seed.number}` : `Issue #${seed.number}`),
      body: seed.body ?? null,
      author,
      state,
      createdAt: created,
      updatedAt: seed.updatedAt ?? created,
      closedAt: state === 'closed' ? (seed.updatedAt ?? created) : null,
      closedBy: state === 'closed' ? author : null,
      labelIds: [],
      ...(pull ? { pull } : {}),
    };
    repo.issues.set(seed.number, issue);
    repo.nextNumber = Math.max(repo.nextNumber, seed.number + 1);
    for (const name of seed.labels ?? []) this.attachLabel(repo, issue, this.ensureLabel(fullName, name));
    return issue;
  }

  issue(fullName: string, number: number): IssueRecord {
    const issue = this.repo(fullName).issues.get(number);
    if (!issue) throw new Error(`#${number} is not in ${fullName}`);
    return issue;
  }

  /** The pull request; throws when #number is missing or is a plain issue. */
  pull(fullName: string, number: number): IssueRecord & { pull: PullInfo } {
    const issue = this.issue(fullName, number);
    if (!issue.pull) throw new Error(`#${number} in ${fullName} is an issue, not a pull request`);
    return issue as IssueRecord & { pull: PullInfo };
  }

  /** Names of the labels on an issue or PR, in the order GitHub lists them. */
  labelNames(fullName: string, number: number): string[] {
    return this.issueLabels(this.repo(fullName), this.issue(fullName, number)).map((l) => l.name);
  }

  issueLabels(repo: RepoRecord, issue: IssueRecord): LabelRecord[] {
    const labels: LabelRecord[] = [];
    for (const id of issue.labelIds) {
      const label = this.labelById(repo, id);
      if (label) labels.push(label);
    }
    return sortLabels(labels);
  }

  /** Attaches a label; false when the issue already had it. */
  attachLabel(repo: RepoRecord, issue: IssueRecord, label: LabelRecord): boolean {
    if (issue.labelIds.includes(label.id)) return false;
    issue.labelIds.push(label.id);
    issue.updatedAt = this.now();
    return true;
  }

  /** Detaches a label; false when the issue did not have it. */
  detachLabel(repo: RepoRecord, issue: IssueRecord, name: string): boolean {
    const label = repo.labels.get(labelKey(name));
    if (!label || !issue.labelIds.includes(label.id)) return false;
    issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
    issue.updatedAt = this.now();
    return true;
  }

  /** Adds labels the way a person does in the UI, creating unknown ones. Returns the issue's label names. */
  addLabels(fullName: string, number: number, names: string[]): string[] {
    const repo = this.repo(fullName);
    const issue = this.issue(fullName, number);
    for (const name of names) this.attachLabel(repo, issue, this.ensureLabel(fullName, name));
    return this.labelNames(fullName, number);
  }

  /** Removes one label as a person would; false when it was not on the issue. */
  removeLabel(fullName: string, number: number, name: string): boolean {
    return this.detachLabel(this.repo(fullName), this.issue(fullName, number), name);
  }

  /** Replaces all labels of an issue. */
  setLabels(fullName: string, number: number, names: string[]): string[] {
    const issue = this.issue(fullName, number);
    issue.labelIds = [];
    issue.updatedAt = this.now();
    return this.addLabels(fullName, number, names);
  }

  /** Closes or reopens an issue or PR; `by` defaults to the token's actor. */
  setState(fullName: string, number: number, state: 'open' | 'closed', by: string = this.actor): IssueRecord {
    const issue = this.issue(fullName, number);
    if (issue.state !== state) {
      issue.state = state;
      issue.updatedAt = this.now();
      issue.closedAt = state === 'closed' ? issue.updatedAt : null;
      issue.closedBy = state === 'closed' ? by : null;
    }
    return issue;
  }

  /** A push to the PR branch: records a commit whose parent is the previous head, and moves the head to it. */
  setHeadSha(
    fullName: string,
    number: number,
    sha: string,
    options: { message?: string; author?: string } = {},
  ): CommitRecord {
    if (!/^[0-9a-f]{40}$/.test(sha))
      throw new Error(`head SHA must be 40 lowercase hex digits, got "${sha}"`);
    const repo = this.repo(fullName);
    const pr = this.pull(fullName, number);
    const commit: CommitRecord = {
      sha,
      message: options.message ?? `Push ${sha.slice(0, 7)}`,
      author: options.author ?? pr.author,
      date: this.now(),
      parents: [pr.pull.headSha],
    };
    repo.commits.set(sha, commit);
    pr.pull.headSha = sha;
    pr.pull.commits.push(sha);
    if (!pr.pull.fork) repo.branches.set(pr.pull.headRef, sha);
    pr.updatedAt = commit.date;
    return commit;
  }

  commit(fullName: string, sha: string): CommitRecord | undefined {
    return this.repo(fullName).commits.get(sha);
  }

  // ---------------------------------------------------------------- collaborators

  /** Grants a role, or removes the collaborator with null. */
  setPermission(fullName: string, login: string, role: Role | null): void {
    const repo = this.repo(fullName);
    if (role === null) repo.collaborators.delete(login.toLowerCase());
    else {
      this.user(login);
      repo.collaborators.set(login.toLowerCase(), { login: this.user(login).login, role });
    }
  }

  permission(fullName: string, login: string): Role | undefined {
    return this.repo(fullName).collaborators.get(login.toLowerCase())?.role;
  }

  // ---------------------------------------------------------------- comments and reactions

  comments(fullName: string, number: number): CommentRecord[] {
    return [...this.repo(fullName).comments.values()].filter((c) => c.issueNumber === number);
  }

  /** Adds a comment; `author` defaults to the token's actor. */
  addComment(fullName: string, number: number, comment: { body: string; author?: string }): CommentRecord {
    const repo = this.repo(fullName);
    const issue = this.issue(fullName, number);
    const now = this.now();
    const author = comment.author ?? this.actor;
    this.user(author);
    const record: CommentRecord = {
      id: this.nextId('comment'),
      issueNumber: number,
      body: comment.body,
      author,
      createdAt: now,
      updatedAt: now,
    };
    repo.comments.set(record.id, record);
    issue.updatedAt = now;
    return record;
  }

  reactions(fullName: string, commentId: number): ReactionRecord[] {
    return this.repo(fullName).reactions.filter((r) => r.commentId === commentId);
  }

  /** Adds a reaction unless the user already reacted with that content; returns it and whether it is new. */
  react(
    fullName: string,
    commentId: number,
    content: ReactionContent,
    user: string = this.actor,
  ): { reaction: ReactionRecord; created: boolean } {
    const repo = this.repo(fullName);
    const existing = repo.reactions.find(
      (r) =>
        r.commentId === commentId && r.content === content && r.user.toLowerCase() === user.toLowerCase(),
    );
    if (existing) return { reaction: existing, created: false };
    this.user(user);
    const reaction: ReactionRecord = {
      id: this.nextId('reaction'),
      commentId,
      content,
      user,
      createdAt: this.now(),
    };
    repo.reactions.push(reaction);
    return { reaction, created: true };
  }

  // ---------------------------------------------------------------- deployments

  /** Newest first, as GitHub lists them. */
  deployments(fullName: string): DeploymentRecord[] {
    return [...this.repo(fullName).deployments.values()].sort((a, b) => b.id - a.id);
  }

  /** Newest first. */
  deploymentStatuses(fullName: string, deploymentId: number): DeploymentStatusRecord[] {
    return this.repo(fullName)
      .deploymentStatuses.filter((s) => s.deploymentId === deploymentId)
      .sort((a, b) => b.id - a.id);
  }

  /** Records a deployment of `sha`; the caller resolved the ref. Defaults follow GitHub's. */
  createDeployment(
    fullName: string,
    input: {
      sha: string;
      ref?: string;
      environment?: string;
      task?: string;
      description?: string | null;
      payload?: Record<string, unknown> | string;
      transient?: boolean;
      production?: boolean;
      creator?: string;
    },
  ): DeploymentRecord {
    const repo = this.repo(fullName);
    const environment = input.environment ?? 'production';
    const now = this.now();
    const deployment: DeploymentRecord = {
      id: this.nextId('deployment'),
      sha: input.sha,
      ref: input.ref ?? input.sha,
      task: input.task ?? 'deploy',
      environment,
      originalEnvironment: environment,
      description: input.description ?? '',
      payload: input.payload ?? {},
      transient: input.transient ?? false,
      production: input.production ?? environment === 'production',
      creator: input.creator ?? this.actor,
      createdAt: now,
      updatedAt: now,
    };
    repo.deployments.set(deployment.id, deployment);
    return deployment;
  }

  /**
   * Adds a status to a deployment. A `success` with `autoInactive` (default true) also marks earlier deployments of
   * the same environment inactive, as GitHub documents `auto_inactive`: only non-transient, non-production ones whose
   * latest state is success.
   */
  addDeploymentStatus(
    fullName: string,
    deploymentId: number,
    input: {
      state: DeploymentState;
      description?: string;
      environment?: string;
      environmentUrl?: string;
      logUrl?: string;
      autoInactive?: boolean;
      creator?: string;
    },
  ): DeploymentStatusRecord {
    const repo = this.repo(fullName);
    const deployment = repo.deployments.get(deploymentId);
    if (!deployment) throw new Error(`deployment ${deploymentId} is not in ${fullName}`);
    if (input.environment) deployment.environment = input.environment;
    const status = this.pushStatus(repo, deployment, {
      state: input.state,
      description: input.description ?? '',
      environmentUrl: input.environmentUrl ?? '',
      logUrl: input.logUrl ?? '',
      creator: input.creator ?? this.actor,
    });
    if (input.state === 'success' && input.autoInactive !== false) {
      for (const earlier of repo.deployments.values()) {
        if (earlier.id >= deployment.id || earlier.environment !== deployment.environment) continue;
        if (earlier.transient || earlier.production) continue;
        if (this.latestDeploymentState(fullName, earlier.id) !== 'success') continue;
        this.pushStatus(repo, earlier, {
          state: 'inactive',
          description: '',
          environmentUrl: '',
          logUrl: '',
          creator: status.creator,
        });
      }
    }
    return status;
  }

  private pushStatus(
    repo: RepoRecord,
    deployment: DeploymentRecord,
    input: {
      state: DeploymentState;
      description: string;
      environmentUrl: string;
      logUrl: string;
      creator: string;
    },
  ): DeploymentStatusRecord {
    const status: DeploymentStatusRecord = {
      id: this.nextId('deployment-status'),
      deploymentId: deployment.id,
      state: input.state,
      description: input.description,
      environment: deployment.environment,
      environmentUrl: input.environmentUrl,
      logUrl: input.logUrl,
      targetUrl: input.logUrl,
      creator: input.creator,
      createdAt: this.now(),
    };
    repo.deploymentStatuses.push(status);
    deployment.updatedAt = status.createdAt;
    return status;
  }

  latestDeploymentState(fullName: string, deploymentId: number): DeploymentState | undefined {
    return this.deploymentStatuses(fullName, deploymentId)[0]?.state;
  }

  /** Resolves a deployment ref (SHA, short SHA or branch) to a commit SHA the repository knows. */
  resolveRef(fullName: string, ref: string): string | undefined {
    const repo = this.repo(fullName);
    const branch = repo.branches.get(ref.replace(/^refs\/heads\//, ''));
    if (branch) return branch;
    if (repo.commits.has(ref)) return ref;
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      const matches = [...repo.commits.keys()].filter((sha) => sha.startsWith(ref));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }
}

/** GitHub lists labels by name. */
export function sortLabels(labels: LabelRecord[]): LabelRecord[] {
  return [...labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
