// Event payloads for tests, derived from GitHub's own examples (@octokit/webhooks-examples) so that their shape is
// the real one; only the fields a scenario cares about are replaced.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

type Json = Record<string, unknown>;

export function example(event: string, action?: string): Json {
  const found = EXAMPLES.find((entry) => entry.name === event)?.examples.find(
    (payload) => action === undefined || payload.action === action,
  );
  if (found === undefined) throw new Error(`no example payload for ${event} ${action ?? ''}`);
  return structuredClone(found);
}

export interface Repo {
  owner: string;
  repo: string;
}

function repository(example: Json, { owner, repo }: Repo): Json {
  const base = example as { owner?: Json };
  return {
    ...example,
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { ...(base.owner ?? {}), login: owner },
  };
}

export function pullRequestEvent(options: {
  action: 'labeled' | 'unlabeled' | 'synchronize' | 'closed' | 'reopened' | 'opened' | 'edited';
  repo: Repo;
  pr: number;
  headSha: string;
  sender: string;
  label?: string;
  fork?: boolean;
  author?: string;
}): Json {
  const payload = example('pull_request', options.action === 'edited' ? 'opened' : options.action);
  payload.action = options.action;
  const baseRepo = repository(payload.repository as Json, options.repo);
  payload.repository = baseRepo;
  const pull = payload.pull_request as Json & { head: Json; base: Json; user: Json };
  pull.number = options.pr;
  pull.state = options.action === 'closed' ? 'closed' : 'open';
  pull.user = { ...pull.user, login: options.author ?? options.sender };
  const headRepo = options.fork
    ? { ...baseRepo, full_name: `${options.author ?? options.sender}/${options.repo.repo}`, fork: true }
    : baseRepo;
  pull.head = { ...pull.head, sha: options.headSha, repo: headRepo };
  pull.base = { ...pull.base, repo: baseRepo };
  payload.sender = { ...(payload.sender as Json), login: options.sender };
  if (options.label !== undefined) payload.label = { ...(payload.label as Json), name: options.label };
  else delete payload.label;
  return payload;
}

export function commentEvent(options: {
  repo: Repo;
  pr: number;
  body: string;
  sender: string;
  commentId?: number;
  onIssue?: boolean;
}): Json {
  const payload = example('issue_comment', 'created');
  payload.repository = repository(payload.repository as Json, options.repo);
  const issue = payload.issue as Json;
  issue.number = options.pr;
  if (options.onIssue) delete issue.pull_request;
  else
    issue.pull_request = {
      url: `https://api.github.com/repos/${options.repo.owner}/${options.repo.repo}/pulls/${options.pr}`,
    };
  const comment = payload.comment as Json;
  comment.body = options.body;
  comment.id = options.commentId ?? 9001;
  comment.user = { ...(comment.user as Json), login: options.sender };
  payload.sender = { ...(payload.sender as Json), login: options.sender };
  return payload;
}

export function dispatchEvent(options: { repo: Repo; sender: string; inputs: Record<string, string> }): Json {
  const payload = example('workflow_dispatch');
  payload.repository = repository(payload.repository as Json, options.repo);
  payload.inputs = options.inputs;
  payload.sender = { ...(payload.sender as Json), login: options.sender };
  return payload;
}
