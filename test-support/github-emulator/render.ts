// Turns store records into the JSON objects GitHub sends. Objects carry every field GitHub's OpenAPI description marks
// as required, so clients generated from it (Octokit's types) see the same shapes they would in production.
import { createHash } from 'node:crypto';
import type {
  CommentRecord,
  CommitRecord,
  DeploymentRecord,
  DeploymentStatusRecord,
  IssueRecord,
  LabelRecord,
  ReactionRecord,
  RepoRecord,
  Store,
} from './store.js';
import { REACTIONS } from './store.js';
import type { Role } from './seed.js';

export interface RenderContext {
  /** The emulator's base URL: API URLs in bodies point back at it, so clients can follow them. */
  api: string;
  store: Store;
}

const WEB = 'https://github.com';

type Json = Record<string, unknown>;

function nodeId(kind: string, id: number | string): string {
  return `${kind}_${Buffer.from(`emulator:${kind}:${id}`).toString('base64').replace(/=+$/, '')}`;
}

function stableNumber(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

export function userJson(ctx: RenderContext, login: string): Json {
  const user = ctx.store.user(login);
  // Bot logins end in `[bot]`; GitHub percent-encodes the brackets so the URLs stay valid.
  const path = encodeURIComponent(user.login);
  const url = `${ctx.api}/users/${path}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: user.type === 'Bot' ? `${WEB}/apps/${path.replace(/%5Bbot%5D$/, '')}` : `${WEB}/${path}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

interface RepoShape {
  id: number;
  owner: string;
  name: string;
  fork: boolean;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
}

function repositoryJson(ctx: RenderContext, repo: RepoShape): Json {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${ctx.api}/repos/${fullName}`;
  const html = `${WEB}/${fullName}`;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: fullName,
    owner: userJson(ctx, repo.owner),
    private: repo.private,
    html_url: html,
    description: null,
    fork: repo.fork,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://github.com/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@github.com:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    allow_forking: true,
    web_commit_signoff_required: false,
  };
}

export function repoJson(ctx: RenderContext, repo: RepoRecord): Json {
  const openIssues = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  return {
    ...repositoryJson(ctx, { ...repo, fork: false }),
    open_issues_count: openIssues,
    open_issues: openIssues,
  };
}

/** `GET /repos/{owner}/{repo}` adds a few counters to the repository object. */
export function fullRepoJson(ctx: RenderContext, repo: RepoRecord): Json {
  return { ...repoJson(ctx, repo), network_count: 0, subscribers_count: 0 };
}

/** The head repository of a PR from a fork: the author's copy, same name. */
function forkJson(ctx: RenderContext, repo: RepoRecord, owner: string): Json {
  return repositoryJson(ctx, {
    id: stableNumber(`${owner}/${repo.name}`),
    owner,
    name: repo.name,
    fork: true,
    private: false,
    defaultBranch: repo.defaultBranch,
    createdAt: repo.createdAt,
  });
}

export function labelJson(ctx: RenderContext, repo: RepoRecord, label: LabelRecord): Json {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${ctx.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

export function authorAssociation(ctx: RenderContext, repo: RepoRecord, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  return ctx.store.permission(repo.fullName, login) ? 'COLLABORATOR' : 'NONE';
}

function reactionRollup(url: string, reactions: ReactionRecord[]): Json {
  const rollup: Json = { url, total_count: reactions.length };
  for (const content of REACTIONS) rollup[content] = reactions.filter((r) => r.content === content).length;
  return rollup;
}

/** An issue (or a PR seen as an issue). `detail` adds what only the single-issue endpoints send (`closed_by`). */
export function issueJson(ctx: RenderContext, repo: RepoRecord, issue: IssueRecord, detail = false): Json {
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const json: Json = {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.fullName}/${kind}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.state === 'closed' ? 'completed' : null,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.author),
    labels: ctx.store.issueLabels(repo, issue).map((l) => labelJson(ctx, repo, l)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: ctx.store.comments(repo.fullName, issue.number).length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(ctx, repo, issue.author),
    reactions: reactionRollup(`${url}/reactions`, []),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
  };
  if (detail) json['closed_by'] = issue.closedBy === null ? null : userJson(ctx, issue.closedBy);
  if (issue.pull) {
    json['draft'] = issue.pull.draft;
    json['pull_request'] = {
      url: `${repoUrl}/pulls/${issue.number}`,
      html_url: `${WEB}/${repo.fullName}/pull/${issue.number}`,
      diff_url: `${WEB}/${repo.fullName}/pull/${issue.number}.diff`,
      patch_url: `${WEB}/${repo.fullName}/pull/${issue.number}.patch`,
      merged_at: null,
    };
  }
  return json;
}

function pullBase(ctx: RenderContext, repo: RepoRecord, issue: IssueRecord): Json {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${repoUrl}/pulls/${issue.number}`;
  const html = `${WEB}/${repo.fullName}/pull/${issue.number}`;
  const issueUrl = `${repoUrl}/issues/${issue.number}`;
  const statuses = `${repoUrl}/statuses/${pull.headSha}`;
  const baseSha = repo.branches.get(pull.baseRef) ?? '';
  const link = (href: string): Json => ({ href });
  return {
    url,
    id: issue.id,
    node_id: nodeId('PR', issue.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statuses,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(ctx, issue.author),
    body: issue.body,
    labels: ctx.store.issueLabels(repo, issue).map((l) => labelJson(ctx, repo, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${pull.headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: userJson(ctx, pull.headOwner),
      repo: pull.fork ? forkJson(ctx, repo, pull.headOwner) : repoJson(ctx, repo),
    },
    base: {
      label: `${repo.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: baseSha,
      user: userJson(ctx, repo.owner),
      repo: repoJson(ctx, repo),
    },
    _links: {
      self: link(url),
      html: link(html),
      issue: link(issueUrl),
      comments: link(`${issueUrl}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repoUrl}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(statuses),
    },
    author_association: authorAssociation(ctx, repo, issue.author),
    auto_merge: null,
    draft: pull.draft,
  };
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`: the full pull request. */
export function pullJson(ctx: RenderContext, repo: RepoRecord, issue: IssueRecord): Json {
  return {
    ...pullBase(ctx, repo, issue),
    merged: false,
    mergeable: issue.state === 'open' ? true : null,
    rebaseable: issue.state === 'open' ? true : null,
    mergeable_state: issue.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: ctx.store.comments(repo.fullName, issue.number).length,
    review_comments: 0,
    maintainer_can_modify: issue.pull?.fork ?? false,
    commits: issue.pull?.commits.length ?? 0,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `GET /repos/{owner}/{repo}/pulls`: the list form. */
export function pullSimpleJson(ctx: RenderContext, repo: RepoRecord, issue: IssueRecord): Json {
  return pullBase(ctx, repo, issue);
}

export function commitJson(ctx: RenderContext, repo: RepoRecord, commit: CommitRecord): Json {
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const gitUser = {
    name: commit.author,
    email: `${commit.author}@users.noreply.github.com`,
    date: commit.date,
  };
  return {
    url: `${repoUrl}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    html_url: `${WEB}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${repoUrl}/commits/${commit.sha}/comments`,
    commit: {
      url: `${repoUrl}/git/commits/${commit.sha}`,
      author: gitUser,
      committer: gitUser,
      message: commit.message,
      comment_count: 0,
      tree: {
        sha: createHash('sha1').update(`tree:${commit.sha}`).digest('hex'),
        url: `${repoUrl}/git/trees/x`,
      },
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: userJson(ctx, commit.author),
    committer: userJson(ctx, commit.author),
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${repoUrl}/commits/${sha}`,
      html_url: `${WEB}/${repo.fullName}/commit/${sha}`,
    })),
  };
}

export function commentJson(ctx: RenderContext, repo: RepoRecord, comment: CommentRecord): Json {
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${repoUrl}/issues/comments/${comment.id}`;
  const issue = repo.issues.get(comment.issueNumber);
  const kind = issue?.pull ? 'pull' : 'issues';
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url,
    html_url: `${WEB}/${repo.fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userJson(ctx, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(ctx, repo, comment.author),
    reactions: reactionRollup(`${url}/reactions`, ctx.store.reactions(repo.fullName, comment.id)),
    performed_via_github_app: null,
  };
}

/** An item of `GET /search/issues`: the issue plus a relevance score. */
export function searchItemJson(ctx: RenderContext, repo: RepoRecord, issue: IssueRecord): Json {
  return { ...issueJson(ctx, repo, issue), score: 1 };
}

export function reactionJson(ctx: RenderContext, reaction: ReactionRecord): Json {
  return {
    id: reaction.id,
    node_id: nodeId('REA', reaction.id),
    user: userJson(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}

export function deploymentJson(ctx: RenderContext, repo: RepoRecord, d: DeploymentRecord): Json {
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const url = `${repoUrl}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId('DE', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: userJson(ctx, d.creator),
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoUrl,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: null,
  };
}

export function deploymentStatusJson(ctx: RenderContext, repo: RepoRecord, s: DeploymentStatusRecord): Json {
  const repoUrl = `${ctx.api}/repos/${repo.fullName}`;
  const deploymentUrl = `${repoUrl}/deployments/${s.deploymentId}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: userJson(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.targetUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: repoUrl,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}

/** The legacy base role GitHub reports in `permission`: maintain counts as write, triage as read. */
export function basePermission(role: Role): 'admin' | 'write' | 'read' {
  if (role === 'admin') return 'admin';
  return role === 'maintain' || role === 'write' ? 'write' : 'read';
}

export function collaboratorPermissionJson(ctx: RenderContext, login: string, role: Role): Json {
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role);
  return {
    permission: basePermission(role),
    role_name: role,
    user: {
      ...userJson(ctx, login),
      permissions: {
        pull: rank >= 0,
        triage: rank >= 1,
        push: rank >= 2,
        maintain: rank >= 3,
        admin: rank >= 4,
      },
      role_name: role,
    },
  };
}
