// Turns a GitHub event (name + payload JSON) into the few facts the action needs, validating each one. Pure: the
// entrypoint reads the file and adds the sender's permission, which needs an API call.
import { FORMS, parseFullSha, parseLogin, parseSha } from './values.js';
import type { Sha, Sha7 } from './values.js';

export type PayloadFacts =
  | {
      kind: 'labeled' | 'unlabeled';
      pr: number;
      headSha: Sha;
      label: string;
      sender: string;
    }
  | { kind: 'synchronize'; pr: number; headSha: Sha; sender: string; fromFork: boolean }
  | { kind: 'closed' | 'reopened'; pr: number; headSha: Sha; sender: string }
  | { kind: 'comment'; pr: number; body: string; commentId: number; sender: string }
  | { kind: 'dispatch'; pr: number; sha?: Sha | Sha7; sender: string }
  | { kind: 'schedule' }
  /** An event the action is not for (e.g. a comment on an issue, a pull_request_target `edited`). */
  | { kind: 'ignored'; reason: string };

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `path` (dotted) from the payload, failing with a message that names the field and the expected form. */
function field(payload: Json, path: string, expected: string): unknown {
  let current: unknown = payload;
  for (const key of path.split('.')) {
    if (!isObject(current) || !(key in current)) {
      throw new PayloadError(`event payload lacks '${path}'; expected ${expected}`);
    }
    current = current[key];
  }
  return current;
}

function prNumber(value: unknown, path: string): number {
  const number = typeof value === 'string' && /^[0-9]{1,9}$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new PayloadError(
      `event payload '${path}' is ${JSON.stringify(value)}; expected a pull request number`,
    );
  }
  return number;
}

// GitHub always sends the head commit whole; a shortened one would pin nothing.
function sha(payload: Json, path: string): Sha {
  const value = field(payload, path, FORMS.commit);
  const parsed = typeof value === 'string' ? parseFullSha(value) : undefined;
  if (parsed === undefined) {
    throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${FORMS.commit}`);
  }
  return parsed;
}

function login(payload: Json, path: string): string {
  const value = field(payload, path, FORMS.login);
  const parsed = typeof value === 'string' ? parseLogin(value) : undefined;
  if (parsed === undefined) {
    throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${FORMS.login}`);
  }
  return parsed;
}

function text(payload: Json, path: string, expected: string): string {
  const value = field(payload, path, expected);
  if (typeof value !== 'string') {
    throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${expected}`);
  }
  return value;
}

const PULL_REQUEST_ACTIONS = ['labeled', 'unlabeled', 'synchronize', 'closed', 'reopened'] as const;

export function parsePayload(eventName: string, payload: unknown): PayloadFacts {
  if (!isObject(payload)) throw new PayloadError('event payload is not a JSON object');
  switch (eventName) {
    case 'pull_request_target':
    case 'pull_request': {
      const action = text(payload, 'action', 'a pull_request action such as labeled');
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action)) {
        return { kind: 'ignored', reason: `pull request '${action}' events need no action` };
      }
      const pr = prNumber(field(payload, 'pull_request.number', 'a number'), 'pull_request.number');
      const headSha = sha(payload, 'pull_request.head.sha');
      const sender = login(payload, 'sender.login');
      if (action === 'labeled' || action === 'unlabeled') {
        return { kind: action, pr, headSha, sender, label: text(payload, 'label.name', 'a label name') };
      }
      if (action === 'synchronize') {
        // A deleted fork has head.repo null: treat it as a fork, the cautious reading.
        const headRepo = field(payload, 'pull_request.head.repo', 'the head repository or null');
        const fromFork =
          !isObject(headRepo) || headRepo.fork === true || headRepo.full_name !== repoName(payload);
        return { kind: 'synchronize', pr, headSha, sender, fromFork };
      }
      return { kind: action as 'closed' | 'reopened', pr, headSha, sender };
    }
    case 'issue_comment': {
      const action = text(payload, 'action', 'created, edited or deleted');
      if (action !== 'created')
        return { kind: 'ignored', reason: `comment '${action}' events need no action` };
      const issue = field(payload, 'issue', 'the issue the comment is on');
      if (!isObject(issue) || !isObject(issue.pull_request)) {
        return { kind: 'ignored', reason: 'the comment is on an issue, not a pull request' };
      }
      const id = field(payload, 'comment.id', 'a comment id');
      if (typeof id !== 'number' || !Number.isInteger(id)) {
        throw new PayloadError(`event payload 'comment.id' is ${JSON.stringify(id)}; expected a number`);
      }
      return {
        kind: 'comment',
        pr: prNumber(field(payload, 'issue.number', 'a number'), 'issue.number'),
        body: text(payload, 'comment.body', 'the comment text'),
        commentId: id,
        sender: login(payload, 'sender.login'),
      };
    }
    case 'workflow_dispatch': {
      const inputs = isObject(payload.inputs) ? payload.inputs : {};
      // Dispatch inputs are free text (GitHub does not enforce an input's pattern), so validate both.
      const rawPr = inputs['pr-number'] ?? inputs.pr_number ?? inputs.pr;
      if (rawPr === undefined) {
        throw new PayloadError(
          "workflow_dispatch input 'pr-number' is missing; expected a pull request number",
        );
      }
      const pr = prNumber(rawPr, 'inputs.pr-number');
      const rawSha = inputs.sha;
      if (rawSha === undefined || rawSha === '')
        return { kind: 'dispatch', pr, sender: login(payload, 'sender.login') };
      const parsed = typeof rawSha === 'string' ? parseSha(rawSha.trim()) : undefined;
      if (parsed === undefined) {
        throw new PayloadError(
          `workflow_dispatch input 'sha' is ${JSON.stringify(rawSha)}; expected ${FORMS.sha}`,
        );
      }
      return { kind: 'dispatch', pr, sha: parsed, sender: login(payload, 'sender.login') };
    }
    case 'schedule':
      return { kind: 'schedule' };
    default:
      return { kind: 'ignored', reason: `'${eventName}' events are not handled by this action` };
  }
}

function repoName(payload: Json): unknown {
  return isObject(payload.repository) ? payload.repository.full_name : undefined;
}
