import { parsePayload } from '../../src/core/payload.js';
import { commentEvent, dispatchEvent, example, pullRequestEvent } from '../../test-support/payloads.js';

const repo = { owner: 'apache', repo: 'superset' };
const sha = 'abc123f0123456789abcdef0123456789abcdef0';

describe('parsePayload reads the facts the action needs from real payload shapes', () => {
  test.each([
    [
      'labeled',
      'pull_request_target',
      pullRequestEvent({
        action: 'labeled',
        repo,
        pr: 12,
        headSha: sha,
        sender: 'alice',
        label: 'testenv-up',
      }),
      { kind: 'labeled', pr: 12, headSha: sha, label: 'testenv-up', sender: 'alice' },
    ],
    [
      'unlabeled',
      'pull_request_target',
      pullRequestEvent({ action: 'unlabeled', repo, pr: 12, headSha: sha, sender: 'alice', label: 'x' }),
      { kind: 'unlabeled', pr: 12, headSha: sha, label: 'x', sender: 'alice' },
    ],
    [
      'synchronize from the base repository',
      'pull_request_target',
      pullRequestEvent({ action: 'synchronize', repo, pr: 3, headSha: sha, sender: 'bob' }),
      { kind: 'synchronize', pr: 3, headSha: sha, sender: 'bob', fromFork: false },
    ],
    [
      'synchronize from a fork',
      'pull_request_target',
      pullRequestEvent({ action: 'synchronize', repo, pr: 3, headSha: sha, sender: 'eve', fork: true }),
      { kind: 'synchronize', pr: 3, headSha: sha, sender: 'eve', fromFork: true },
    ],
    [
      'closed',
      'pull_request_target',
      pullRequestEvent({ action: 'closed', repo, pr: 4, headSha: sha, sender: 'bob' }),
      { kind: 'closed', pr: 4, headSha: sha, sender: 'bob' },
    ],
    [
      'reopened',
      'pull_request_target',
      pullRequestEvent({ action: 'reopened', repo, pr: 4, headSha: sha, sender: 'bob' }),
      { kind: 'reopened', pr: 4, headSha: sha, sender: 'bob' },
    ],
    [
      'a PR event the action does not need',
      'pull_request_target',
      pullRequestEvent({ action: 'edited', repo, pr: 4, headSha: sha, sender: 'bob' }),
      { kind: 'ignored', reason: "pull request 'edited' events need no action" },
    ],
    [
      'comment on a PR',
      'issue_comment',
      commentEvent({ repo, pr: 7, body: '/showtime start', sender: 'carol', commentId: 55 }),
      { kind: 'comment', pr: 7, body: '/showtime start', commentId: 55, sender: 'carol' },
    ],
    [
      'comment on an issue',
      'issue_comment',
      commentEvent({ repo, pr: 7, body: '/showtime start', sender: 'carol', onIssue: true }),
      { kind: 'ignored', reason: 'the comment is on an issue, not a pull request' },
    ],
    [
      'comment edited',
      'issue_comment',
      example('issue_comment', 'edited'),
      { kind: 'ignored', reason: "comment 'edited' events need no action" },
    ],
    [
      'dispatch with a PR number',
      'workflow_dispatch',
      dispatchEvent({ repo, sender: 'dave', inputs: { 'pr-number': '42' } }),
      { kind: 'dispatch', pr: 42, sender: 'dave' },
    ],
    [
      'dispatch with a PR number and a SHA',
      'workflow_dispatch',
      dispatchEvent({ repo, sender: 'dave', inputs: { pr_number: ' 42 ', sha } }),
      { kind: 'dispatch', pr: 42, sha, sender: 'dave' },
    ],
    ['schedule', 'schedule', { schedule: '0 * * * *' }, { kind: 'schedule' }],
    ['push', 'push', {}, { kind: 'ignored', reason: "'push' events are not handled by this action" }],
  ])('%s', (_name, event, payload, expected) => {
    expect(parsePayload(event, payload)).toEqual(expected);
  });
});

describe('bad payloads are refused with a message that names the field and the accepted form', () => {
  const labeled = () =>
    pullRequestEvent({
      action: 'labeled',
      repo,
      pr: 12,
      headSha: sha,
      sender: 'alice',
      label: 'x',
    }) as Record<
      string,
      any // eslint-disable-line @typescript-eslint/no-explicit-any
    >;
  test.each([
    ['not an object', 'pull_request_target', [], /not a JSON object/],
    ['no action', 'pull_request_target', {}, /lacks 'action'/],
    [
      'head SHA with a shell payload',
      'pull_request_target',
      (() => {
        const p = labeled();
        p.pull_request.head.sha = 'abc; rm -rf /';
        return p;
      })(),
      /'pull_request.head.sha' is "abc; rm -rf \/"; expected a full commit SHA: 40 lowercase/,
    ],
    [
      // GitHub sends the head whole; a prefix would pin nothing (more than one commit can share it).
      'head SHA shortened to 7',
      'pull_request_target',
      (() => {
        const p = labeled();
        p.pull_request.head.sha = p.pull_request.head.sha.slice(0, 7);
        return p;
      })(),
      /'pull_request.head.sha' is "[0-9a-f]{7}"; expected a full commit SHA: 40 lowercase/,
    ],
    [
      'PR number as text',
      'pull_request_target',
      (() => {
        const p = labeled();
        p.pull_request.number = '12a';
        return p;
      })(),
      /'pull_request.number' is "12a"; expected a pull request number/,
    ],
    [
      'sender that is not a login',
      'pull_request_target',
      (() => {
        const p = labeled();
        p.sender.login = '../evil';
        return p;
      })(),
      /'sender.login' is "..\/evil"; expected a GitHub login/,
    ],
    [
      'labeled without a label',
      'pull_request_target',
      (() => {
        const p = labeled();
        delete p.label;
        return p;
      })(),
      /lacks 'label.name'/,
    ],
    [
      'dispatch without a PR number',
      'workflow_dispatch',
      dispatchEvent({ repo, sender: 'dave', inputs: {} }),
      /input 'pr-number' is missing/,
    ],
    [
      'dispatch with a bad PR number',
      'workflow_dispatch',
      dispatchEvent({ repo, sender: 'dave', inputs: { 'pr-number': '$(id)' } }),
      /'inputs.pr-number' is "\$\(id\)"; expected a pull request number/,
    ],
    [
      'dispatch with a bad SHA',
      'workflow_dispatch',
      dispatchEvent({ repo, sender: 'dave', inputs: { 'pr-number': '1', sha: 'main' } }),
      /input 'sha' is "main"; expected 7 or 40/,
    ],
    [
      'comment without an id',
      'issue_comment',
      (() => {
        const p = commentEvent({ repo, pr: 7, body: 'x', sender: 'carol' }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        p.comment.id = 'x';
        return p;
      })(),
      /'comment.id' is "x"; expected a number/,
    ],
  ])('%s', (_name, event, payload, message) => {
    expect(() => parsePayload(event, payload)).toThrow(message);
  });
});
