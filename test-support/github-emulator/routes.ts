// The REST operations the emulator serves, with GitHub's semantics. Each route names its template exactly as GitHub's
// OpenAPI description does, so request counts and response validation use the same keys.
import type {
  DeploymentState,
  IssueRecord,
  LabelRecord,
  ReactionContent,
  RepoRecord,
  Store,
} from './store.js';
import {
  DEPLOYMENT_STATES,
  MAX_LABEL_DESCRIPTION,
  MAX_LABEL_NAME,
  REACTIONS,
  labelKey,
  labelNameLength,
} from './store.js';
import type { RenderContext } from './render.js';
import {
  collaboratorPermissionJson,
  commentJson,
  commitJson,
  deploymentJson,
  deploymentStatusJson,
  fullRepoJson,
  issueJson,
  labelJson,
  pullJson,
  pullSimpleJson,
  reactionJson,
  searchItemJson,
} from './render.js';
import { lastPage, linkHeader, pageSlice, parsePageRequest } from './pagination.js';
import type { Reply } from './replies.js';
import { DOCS, errorReply, invalidRequest, notFound, validationFailed } from './replies.js';
import type { Searchable, SearchSort } from './search.js';
import { MAX_SEARCH_RESULTS, SEARCH_SORTS, matchesQuery, parseSearchQuery, sortResults } from './search.js';

/** What every handler gets. */
export interface BaseContext {
  store: Store;
  render: RenderContext;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body, undefined when there was none. */
  body: unknown;
  /** The request URL as the client sent it (absolute, on the emulator's host), for Link headers. */
  url: URL;
  docs: string;
}

/** Handlers of `/repos/{owner}/{repo}/…` routes also get the repository (the server answers 404 when it is unknown). */
export interface HandlerContext extends BaseContext {
  repo: RepoRecord;
}

interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  /** GitHub's documentation page, echoed in error bodies. */
  docs: string;
  /** Rate-limit bucket: GitHub counts search separately (30/min) from the rest (`core`). */
  resource: 'core' | 'search';
}

export interface Route extends RouteInfo {
  handle: (c: HandlerContext) => Reply | Promise<Reply>;
}

export interface GlobalRoute extends RouteInfo {
  handle: (c: BaseContext) => Reply | Promise<Reply>;
}

const ISSUE_LABELS_DOCS = 'https://docs.github.com/rest/issues/labels';
const LABELS_DOCS = 'https://docs.github.com/rest/issues/labels';
const HEX_COLOR = /^[0-9a-fA-F]{6}$/;

// ---------------------------------------------------------------- helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function paged<T>(c: BaseContext, items: readonly T[], render: (item: T) => unknown): Reply {
  const request = parsePageRequest(c.query);
  const last = lastPage(items.length, request.perPage);
  const link = linkHeader(c.url, request.page, last);
  return { status: 200, body: pageSlice(items, request).map(render), ...(link ? { headers: { link } } : {}) };
}

function issueNumber(c: HandlerContext): IssueRecord | undefined {
  const text = c.params['issue_number'] ?? c.params['pull_number'] ?? '';
  return /^\d+$/.test(text) ? c.repo.issues.get(Number(text)) : undefined;
}

function numericParam(c: HandlerContext, name: string): number | undefined {
  const text = c.params[name] ?? '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function labelsOf(c: HandlerContext, issue: IssueRecord): unknown[] {
  return c.store.issueLabels(c.repo, issue).map((l) => labelJson(c.render, c.repo, l));
}

function searchable(store: Store, repo: RepoRecord, issue: IssueRecord): Searchable & { issue: IssueRecord } {
  return {
    repo: repo.fullName,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    author: issue.author,
    state: issue.state,
    isPull: issue.pull !== undefined,
    labels: store.issueLabels(repo, issue).map((l) => l.name),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    comments: store.comments(repo.fullName, issue.number).length,
    issue,
  };
}

function sortIssues(items: IssueRecord[], sort: string | null, direction: string | null, c: HandlerContext) {
  const key = (i: IssueRecord): number =>
    sort === 'updated'
      ? Date.parse(i.updatedAt)
      : sort === 'comments'
        ? c.store.comments(c.repo.fullName, i.number).length
        : Date.parse(i.createdAt);
  const sign = direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
}

/**
 * Label names from an add/set body: `{labels: [...]}` or a bare array, items as strings or `{name}`. Returns the
 * names or a reply describing what is wrong.
 */
function labelNamesFromBody(c: HandlerContext, allowEmpty: boolean): string[] | Reply {
  const list = Array.isArray(c.body) ? c.body : isRecord(c.body) ? c.body['labels'] : undefined;
  if (!Array.isArray(list)) {
    return invalidRequest(
      c.docs,
      `For 'properties/labels', ${JSON.stringify(c.body ?? null)} is not an array.`,
    );
  }
  if (list.length === 0 && !allowEmpty) {
    return invalidRequest(c.docs, `For 'properties/labels', [] has fewer items than the minimum of 1.`);
  }
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === 'string' ? item : isRecord(item) ? item['name'] : undefined;
    if (typeof name !== 'string') {
      return invalidRequest(
        c.docs,
        `For 'items', ${JSON.stringify(item)} is not a string or an object with a name.`,
      );
    }
    names.push(name);
  }
  const bad = names.filter((n) => n.trim() === '' || labelNameLength(n) > MAX_LABEL_NAME);
  if (bad.length > 0) {
    return validationFailed(
      c.docs,
      bad.map((value) => ({ value, resource: 'Label', field: 'name', code: 'invalid' as const })),
    );
  }
  return names;
}

function attachAll(c: HandlerContext, issue: IssueRecord, names: string[]): void {
  for (const name of names) {
    const label = c.store.findLabel(c.repo.fullName, name) ?? c.store.createLabel(c.repo.fullName, { name });
    c.store.attachLabel(c.repo, issue, label);
  }
}

/** Checks name/color/description of a label create or update; undefined when acceptable. */
function labelFieldProblems(
  c: HandlerContext,
  fields: { name?: unknown; color?: unknown; description?: unknown },
  nameRequired: boolean,
): Reply | undefined {
  const { name, color, description } = fields;
  if (name === undefined || name === null) {
    if (nameRequired)
      return validationFailed(c.docs, [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
  } else if (typeof name !== 'string') {
    return invalidRequest(c.docs, `For 'properties/name', ${JSON.stringify(name)} is not a string.`);
  } else if (name.trim() === '') {
    return validationFailed(c.docs, [{ resource: 'Label', code: 'missing_field', field: 'name' }]);
  } else if (labelNameLength(name) > MAX_LABEL_NAME) {
    return validationFailed(c.docs, [
      {
        resource: 'Label',
        code: 'custom',
        field: 'name',
        message: `name is too long (maximum is ${MAX_LABEL_NAME} characters)`,
      },
    ]);
  }
  if (color !== undefined && (typeof color !== 'string' || !HEX_COLOR.test(color))) {
    return validationFailed(c.docs, [{ resource: 'Label', code: 'invalid', field: 'color' }]);
  }
  if (description !== undefined && description !== null) {
    if (typeof description !== 'string') {
      return invalidRequest(
        c.docs,
        `For 'properties/description', ${JSON.stringify(description)} is not a string.`,
      );
    }
    if ([...description].length > MAX_LABEL_DESCRIPTION) {
      return validationFailed(c.docs, [
        {
          resource: 'Label',
          code: 'custom',
          field: 'description',
          message: `description is too long (maximum is ${MAX_LABEL_DESCRIPTION} characters)`,
        },
      ]);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- repository and labels

const repoRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}',
    docs: 'https://docs.github.com/rest/repos/repos#get-a-repository',
    resource: 'core',
    handle: (c) => ({ status: 200, body: fullRepoJson(c.render, c.repo) }),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/labels',
    docs: `${LABELS_DOCS}#list-labels-for-a-repository`,
    resource: 'core',
    handle: (c) => paged(c, c.store.repoLabels(c.repo.fullName), (l) => labelJson(c.render, c.repo, l)),
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/labels',
    docs: `${LABELS_DOCS}#create-a-label`,
    resource: 'core',
    handle: (c) => {
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const fields = c.body;
      const problem = labelFieldProblems(c, fields, true);
      if (problem) return problem;
      const name = fields['name'] as string;
      if (c.store.findLabel(c.repo.fullName, name)) {
        return validationFailed(c.docs, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
      }
      const label = c.store.createLabel(c.repo.fullName, {
        name,
        ...(typeof fields['color'] === 'string' ? { color: fields['color'] } : {}),
        ...(typeof fields['description'] === 'string' ? { description: fields['description'] } : {}),
      });
      return { status: 201, body: labelJson(c.render, c.repo, label) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/labels/{name}',
    docs: `${LABELS_DOCS}#get-a-label`,
    resource: 'core',
    handle: (c) => {
      const label = c.store.findLabel(c.repo.fullName, c.params['name'] ?? '');
      return label ? { status: 200, body: labelJson(c.render, c.repo, label) } : notFound(c.docs);
    },
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/labels/{name}',
    docs: `${LABELS_DOCS}#update-a-label`,
    resource: 'core',
    handle: (c) => {
      const label = c.store.findLabel(c.repo.fullName, c.params['name'] ?? '');
      if (!label) return notFound(c.docs);
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const newName = c.body['new_name'] ?? c.body['name'];
      const problem = labelFieldProblems(
        c,
        { name: newName, color: c.body['color'], description: c.body['description'] },
        false,
      );
      if (problem) return problem;
      if (typeof newName === 'string') {
        const clash = c.store.findLabel(c.repo.fullName, newName);
        if (clash && clash !== label) {
          return validationFailed(c.docs, [{ resource: 'Label', code: 'already_exists', field: 'name' }]);
        }
      }
      const change: { name?: string; color?: string; description?: string | null } = {};
      if (typeof newName === 'string') change.name = newName;
      if (typeof c.body['color'] === 'string') change.color = c.body['color'];
      if (c.body['description'] !== undefined) change.description = c.body['description'] as string | null;
      const updated = c.store.updateLabel(c.repo.fullName, label.name, change);
      return { status: 200, body: labelJson(c.render, c.repo, updated) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/labels/{name}',
    docs: `${LABELS_DOCS}#delete-a-label`,
    resource: 'core',
    handle: (c) =>
      c.store.deleteLabel(c.repo.fullName, c.params['name'] ?? '') ? { status: 204 } : notFound(c.docs),
  },
];

// ---------------------------------------------------------------- issues and their labels

const issueRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues',
    docs: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
    resource: 'core',
    handle: (c) => {
      const state = c.query.get('state') ?? 'open';
      const wanted = (c.query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .map(labelKey);
      const creator = c.query.get('creator')?.toLowerCase();
      const items = [...c.repo.issues.values()].filter((i) => {
        if (state !== 'all' && i.state !== state) return false;
        if (creator && i.author.toLowerCase() !== creator) return false;
        const names = c.store.issueLabels(c.repo, i).map((l) => labelKey(l.name));
        return wanted.every((w) => names.includes(w));
      });
      const sorted = sortIssues(items, c.query.get('sort'), c.query.get('direction'), c);
      return paged(c, sorted, (i) => issueJson(c.render, c.repo, i));
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues',
    docs: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    resource: 'core',
    handle: (c) => {
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const title = c.body['title'];
      if (typeof title !== 'string' || title.trim() === '') {
        return validationFailed(c.docs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      }
      const body = typeof c.body['body'] === 'string' ? c.body['body'] : null;
      let names: string[] = [];
      if (c.body['labels'] !== undefined) {
        const parsed = labelNamesFromBody({ ...c, body: { labels: c.body['labels'] } }, true);
        if (!Array.isArray(parsed)) return parsed;
        names = parsed;
      }
      const issue = c.store.addIssue(c.repo.fullName, {
        number: c.repo.nextNumber,
        title,
        body,
        author: c.store.actor,
      });
      attachAll(c, issue, names);
      return { status: 201, body: issueJson(c.render, c.repo, issue, true) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: 'https://docs.github.com/rest/issues/issues#get-an-issue',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      return issue ? { status: 200, body: issueJson(c.render, c.repo, issue, true) } : notFound(c.docs);
    },
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/{issue_number}',
    docs: 'https://docs.github.com/rest/issues/issues#update-an-issue',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const { title, body, state } = c.body;
      if (state !== undefined && state !== 'open' && state !== 'closed') {
        return validationFailed(c.docs, [{ resource: 'Issue', code: 'invalid', field: 'state' }]);
      }
      if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
        return validationFailed(c.docs, [{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
      }
      let names: string[] | undefined;
      if (c.body['labels'] !== undefined) {
        const parsed = labelNamesFromBody({ ...c, body: { labels: c.body['labels'] } }, true);
        if (!Array.isArray(parsed)) return parsed;
        names = parsed;
      }
      if (typeof title === 'string') issue.title = title;
      if (typeof body === 'string' || body === null) issue.body = body;
      if (state === 'open' || state === 'closed') c.store.setState(c.repo.fullName, issue.number, state);
      if (names) {
        issue.labelIds = [];
        attachAll(c, issue, names);
      }
      issue.updatedAt = c.store.now();
      return { status: 200, body: issueJson(c.render, c.repo, issue, true) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    docs: `${ISSUE_LABELS_DOCS}#list-labels-for-an-issue`,
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      return paged(c, c.store.issueLabels(c.repo, issue), (l: LabelRecord) => labelJson(c.render, c.repo, l));
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    docs: `${ISSUE_LABELS_DOCS}#add-labels-to-an-issue`,
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      const names = labelNamesFromBody(c, false);
      if (!Array.isArray(names)) return names;
      attachAll(c, issue, names);
      return { status: 200, body: labelsOf(c, issue) };
    },
  },
  {
    method: 'PUT',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    docs: `${ISSUE_LABELS_DOCS}#set-labels-for-an-issue`,
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      const names = labelNamesFromBody(c, true);
      if (!Array.isArray(names)) return names;
      issue.labelIds = [];
      attachAll(c, issue, names);
      issue.updatedAt = c.store.now();
      return { status: 200, body: labelsOf(c, issue) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
    docs: `${ISSUE_LABELS_DOCS}#remove-all-labels-from-an-issue`,
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      issue.labelIds = [];
      issue.updatedAt = c.store.now();
      return { status: 204 };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    docs: `${ISSUE_LABELS_DOCS}#remove-a-label-from-an-issue`,
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      // Same answer whether the label is missing from the repository or only from this issue.
      if (!c.store.detachLabel(c.repo, issue, c.params['name'] ?? ''))
        return notFound(c.docs, 'Label does not exist');
      return { status: 200, body: labelsOf(c, issue) };
    },
  },
];

// ---------------------------------------------------------------- pull requests and commits

const pullRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls',
    docs: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
    resource: 'core',
    handle: (c) => {
      const state = c.query.get('state') ?? 'open';
      const items = [...c.repo.issues.values()].filter(
        (i) => i.pull && (state === 'all' || i.state === state),
      );
      const sorted = sortIssues(items, c.query.get('sort'), c.query.get('direction'), c);
      return paged(c, sorted, (i) => pullSimpleJson(c.render, c.repo, i));
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}',
    docs: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      return issue?.pull ? { status: 200, body: pullJson(c.render, c.repo, issue) } : notFound(c.docs);
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
    docs: 'https://docs.github.com/rest/pulls/pulls#list-commits-on-a-pull-request',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue?.pull) return notFound(c.docs);
      const commits = issue.pull.commits.flatMap((sha) => c.repo.commits.get(sha) ?? []);
      return paged(c, commits, (commit) => commitJson(c.render, c.repo, commit));
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/commits/{ref}',
    docs: 'https://docs.github.com/rest/commits/commits#get-a-commit',
    resource: 'core',
    handle: (c) => {
      const sha = c.store.resolveRef(c.repo.fullName, c.params['ref'] ?? '');
      const commit = sha ? c.repo.commits.get(sha) : undefined;
      if (!commit) return errorReply(422, `No commit found for SHA: ${c.params['ref'] ?? ''}`, c.docs);
      return { status: 200, body: commitJson(c.render, c.repo, commit) };
    },
  },
];

// ---------------------------------------------------------------- comments and reactions

function findComment(c: HandlerContext) {
  const id = numericParam(c, 'comment_id');
  return id === undefined ? undefined : c.repo.comments.get(id);
}

function commentBody(c: HandlerContext): string | Reply {
  const body = isRecord(c.body) ? c.body['body'] : undefined;
  if (typeof body !== 'string' || body === '') {
    return validationFailed(c.docs, [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
  }
  if (body.length > 65536) {
    return validationFailed(c.docs, [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ]);
  }
  return body;
}

const commentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      const since = c.query.get('since');
      const from = since ? Date.parse(since) : Number.NaN;
      const comments = c.store
        .comments(c.repo.fullName, issue.number)
        .filter((cm) => Number.isNaN(from) || Date.parse(cm.updatedAt) >= from)
        .sort((a, b) => a.id - b.id);
      return paged(c, comments, (cm) => commentJson(c.render, c.repo, cm));
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    docs: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const issue = issueNumber(c);
      if (!issue) return notFound(c.docs);
      const body = commentBody(c);
      if (typeof body !== 'string') return body;
      const comment = c.store.addComment(c.repo.fullName, issue.number, { body });
      return { status: 201, body: commentJson(c.render, c.repo, comment) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    docs: 'https://docs.github.com/rest/issues/comments#get-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      return comment ? { status: 200, body: commentJson(c.render, c.repo, comment) } : notFound(c.docs);
    },
  },
  {
    method: 'PATCH',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    docs: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      if (!comment) return notFound(c.docs);
      const body = commentBody(c);
      if (typeof body !== 'string') return body;
      comment.body = body;
      comment.updatedAt = c.store.now();
      return { status: 200, body: commentJson(c.render, c.repo, comment) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    docs: 'https://docs.github.com/rest/issues/comments#delete-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      if (!comment) return notFound(c.docs);
      c.repo.comments.delete(comment.id);
      c.repo.reactions = c.repo.reactions.filter((r) => r.commentId !== comment.id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    docs: 'https://docs.github.com/rest/reactions/reactions#list-reactions-for-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      if (!comment) return notFound(c.docs);
      const content = c.query.get('content');
      const reactions = c.store
        .reactions(c.repo.fullName, comment.id)
        .filter((r) => content === null || r.content === content);
      return paged(c, reactions, (r) => reactionJson(c.render, r));
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
    docs: 'https://docs.github.com/rest/reactions/reactions#create-reaction-for-an-issue-comment',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      if (!comment) return notFound(c.docs);
      const content = isRecord(c.body) ? c.body['content'] : undefined;
      if (typeof content !== 'string' || !(REACTIONS as readonly string[]).includes(content)) {
        return validationFailed(c.docs, [{ resource: 'Reaction', code: 'invalid', field: 'content' }]);
      }
      const { reaction, created } = c.store.react(c.repo.fullName, comment.id, content as ReactionContent);
      // GitHub answers 200 with the existing reaction when this user already reacted so.
      return { status: created ? 201 : 200, body: reactionJson(c.render, reaction) };
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}',
    docs: 'https://docs.github.com/rest/reactions/reactions#delete-an-issue-comment-reaction',
    resource: 'core',
    handle: (c) => {
      const comment = findComment(c);
      const id = numericParam(c, 'reaction_id');
      const before = c.repo.reactions.length;
      if (comment)
        c.repo.reactions = c.repo.reactions.filter((r) => !(r.commentId === comment.id && r.id === id));
      return comment && c.repo.reactions.length < before ? { status: 204 } : notFound(c.docs);
    },
  },
];

// ---------------------------------------------------------------- collaborators

const collaboratorRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/collaborators/{username}/permission',
    docs: 'https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user',
    resource: 'core',
    handle: (c) => {
      const login = c.params['username'] ?? '';
      const entry = c.repo.collaborators.get(login.toLowerCase());
      if (!entry) return notFound(c.docs);
      return { status: 200, body: collaboratorPermissionJson(c.render, entry.login, entry.role) };
    },
  },
];

// ---------------------------------------------------------------- deployments

const DEPLOYMENTS_DOCS = 'https://docs.github.com/rest/deployments';

function findDeployment(c: HandlerContext) {
  const id = numericParam(c, 'deployment_id');
  return id === undefined ? undefined : c.repo.deployments.get(id);
}

const deploymentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/deployments',
    docs: `${DEPLOYMENTS_DOCS}/deployments#list-deployments`,
    resource: 'core',
    handle: (c) => {
      const filters = ['sha', 'ref', 'task', 'environment'] as const;
      const items = c.store.deployments(c.repo.fullName).filter((d) =>
        filters.every((f) => {
          const wanted = c.query.get(f);
          return wanted === null || wanted === 'none' || d[f] === wanted;
        }),
      );
      return paged(c, items, (d) => deploymentJson(c.render, c.repo, d));
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/deployments',
    docs: `${DEPLOYMENTS_DOCS}/deployments#create-a-deployment`,
    resource: 'core',
    handle: (c) => {
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const b = c.body;
      if (typeof b['ref'] !== 'string' || b['ref'] === '')
        return invalidRequest(c.docs, `"ref" wasn't supplied.`);
      const sha = c.store.resolveRef(c.repo.fullName, b['ref']);
      if (!sha) return validationFailed(c.docs, [], `No ref found for: ${b['ref']}`);
      const environment =
        typeof b['environment'] === 'string' && b['environment'] !== '' ? b['environment'] : undefined;
      const payload = b['payload'];
      const deployment = c.store.createDeployment(c.repo.fullName, {
        sha,
        ref: b['ref'],
        ...(environment ? { environment } : {}),
        ...(typeof b['task'] === 'string' ? { task: b['task'] } : {}),
        ...(typeof b['description'] === 'string' ? { description: b['description'] } : {}),
        ...(isRecord(payload) || typeof payload === 'string' ? { payload } : {}),
        transient: b['transient_environment'] === true,
        ...(typeof b['production_environment'] === 'boolean'
          ? { production: b['production_environment'] }
          : {}),
      });
      return { status: 201, body: deploymentJson(c.render, c.repo, deployment) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/deployments/{deployment_id}',
    docs: `${DEPLOYMENTS_DOCS}/deployments#get-a-deployment`,
    resource: 'core',
    handle: (c) => {
      const d = findDeployment(c);
      return d ? { status: 200, body: deploymentJson(c.render, c.repo, d) } : notFound(c.docs);
    },
  },
  {
    method: 'DELETE',
    template: '/repos/{owner}/{repo}/deployments/{deployment_id}',
    docs: `${DEPLOYMENTS_DOCS}/deployments#delete-a-deployment`,
    resource: 'core',
    handle: (c) => {
      const d = findDeployment(c);
      if (!d) return notFound(c.docs);
      const active = c.store.latestDeploymentState(c.repo.fullName, d.id) === 'success';
      const others = [...c.repo.deployments.values()].filter(
        (o) => o.environment === d.environment && o.id !== d.id,
      );
      if (active && others.length > 0) {
        return errorReply(
          422,
          'We cannot delete an active deployment unless it is the only deployment in a given environment.',
          c.docs,
        );
      }
      c.repo.deployments.delete(d.id);
      c.repo.deploymentStatuses = c.repo.deploymentStatuses.filter((s) => s.deploymentId !== d.id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    docs: `${DEPLOYMENTS_DOCS}/statuses#list-deployment-statuses`,
    resource: 'core',
    handle: (c) => {
      const d = findDeployment(c);
      if (!d) return notFound(c.docs);
      return paged(c, c.store.deploymentStatuses(c.repo.fullName, d.id), (s) =>
        deploymentStatusJson(c.render, c.repo, s),
      );
    },
  },
  {
    method: 'POST',
    template: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    docs: `${DEPLOYMENTS_DOCS}/statuses#create-a-deployment-status`,
    resource: 'core',
    handle: (c) => {
      const d = findDeployment(c);
      if (!d) return notFound(c.docs);
      if (!isRecord(c.body))
        return invalidRequest(c.docs, `${JSON.stringify(c.body ?? null)} is not an object.`);
      const b = c.body;
      const state = b['state'];
      if (typeof state !== 'string' || !(DEPLOYMENT_STATES as readonly string[]).includes(state)) {
        return validationFailed(c.docs, [{ resource: 'DeploymentStatus', code: 'invalid', field: 'state' }]);
      }
      const text = (key: string): string => (typeof b[key] === 'string' ? (b[key] as string) : '');
      const description = text('description');
      if (description.length > 140) {
        return validationFailed(c.docs, [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'description',
            message: 'description is too long',
          },
        ]);
      }
      const status = c.store.addDeploymentStatus(c.repo.fullName, d.id, {
        state: state as DeploymentState,
        description,
        environment: text('environment'),
        environmentUrl: text('environment_url'),
        // target_url is the older name of log_url; GitHub keeps the two equal.
        logUrl: text('log_url') || text('target_url'),
        autoInactive: b['auto_inactive'] !== false,
      });
      return { status: 201, body: deploymentStatusJson(c.render, c.repo, status) };
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}',
    docs: `${DEPLOYMENTS_DOCS}/statuses#get-a-deployment-status`,
    resource: 'core',
    handle: (c) => {
      const d = findDeployment(c);
      const id = numericParam(c, 'status_id');
      const status = d
        ? c.store.deploymentStatuses(c.repo.fullName, d.id).find((s) => s.id === id)
        : undefined;
      return status
        ? { status: 200, body: deploymentStatusJson(c.render, c.repo, status) }
        : notFound(c.docs);
    },
  },
];

// ---------------------------------------------------------------- search

const SEARCH_DOCS = 'https://docs.github.com/rest/search/search#search-issues-and-pull-requests';

export const searchRoute: GlobalRoute = {
  method: 'GET',
  template: '/search/issues',
  docs: SEARCH_DOCS,
  resource: 'search',
  handle: (c) => {
    const q = c.query.get('q');
    if (q === null || q.trim() === '') {
      return validationFailed(c.docs, [{ resource: 'Search', field: 'q', code: 'missing' }]);
    }
    const parsed = parseSearchQuery(q);
    if (!parsed.ok) {
      return validationFailed(c.docs, [
        { message: parsed.message, resource: 'Search', field: 'q', code: 'invalid' },
      ]);
    }
    const sortParam = c.query.get('sort');
    if (sortParam !== null && !(SEARCH_SORTS as readonly string[]).includes(sortParam)) {
      return validationFailed(c.docs, [
        {
          message: `The emulator sorts search results by ${SEARCH_SORTS.join(', ')} or best match only, not "${sortParam}".`,
          resource: 'Search',
          field: 'sort',
          code: 'invalid',
        },
      ]);
    }
    const request = parsePageRequest(c.query);
    const start = (request.page - 1) * request.perPage;
    if (start >= MAX_SEARCH_RESULTS) {
      return errorReply(422, `Only the first ${MAX_SEARCH_RESULTS} search results are available`, c.docs);
    }
    const all = c.store.repositories().flatMap((repo) =>
      [...repo.issues.values()].flatMap((issue) => {
        // Search answers from its index, which may lag the database (search-index.ts).
        const seen = c.store.searchIndex.view(repo, issue);
        return seen === undefined ? [] : [{ repo, item: { ...searchable(c.store, repo, issue), ...seen } }];
      }),
    );
    const answer = c.store.searchIndex.answer(all.filter(({ item }) => matchesQuery(parsed.query, item)));
    const hits = answer.items;
    const order = c.query.get('order') === 'asc' ? 'asc' : 'desc';
    const sorted = sortResults(
      hits.map((h) => h.item),
      (sortParam ?? undefined) as SearchSort | undefined,
      order,
    );
    const reachable = sorted.slice(0, MAX_SEARCH_RESULTS);
    const page = reachable.slice(start, start + request.perPage);
    const repoOf = new Map(hits.map((h) => [h.item, h.repo]));
    const items = page.map((item) => {
      const repo = repoOf.get(item);
      return searchItemJson(c.render, repo as RepoRecord, item.issue);
    });
    const last = Math.min(
      lastPage(sorted.length, request.perPage),
      lastPage(MAX_SEARCH_RESULTS, request.perPage),
    );
    const link = linkHeader(c.url, request.page, last);
    return {
      status: 200,
      body: {
        total_count: sorted.length,
        incomplete_results: answer.incomplete,
        search_type: 'lexical',
        items,
      },
      ...(link ? { headers: { link } } : {}),
    };
  },
};

export const REPO_ROUTES: Route[] = [
  ...repoRoutes,
  ...issueRoutes,
  ...pullRoutes,
  ...commentRoutes,
  ...collaboratorRoutes,
  ...deploymentRoutes,
];

export const GLOBAL_ROUTES: GlobalRoute[] = [searchRoute];

export { DOCS };
