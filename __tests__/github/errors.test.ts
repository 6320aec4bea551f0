import type { Failure } from '../../src/github/errors.js';
import {
  GitHubError,
  explainFailure,
  failureOf,
  isRateLimit,
  toGitHubError,
  validationCodes,
} from '../../src/github/errors.js';

const failure = (
  status: number | undefined,
  detail: string,
  headers: Record<string, string> = {},
): Failure => ({
  status,
  detail,
  headers,
});

describe('isRateLimit', () => {
  test.each([
    [failure(403, 'Resource not accessible by integration'), false],
    [failure(403, 'x', { 'retry-after': '3' }), true],
    [failure(429, 'x', { 'retry-after': '3' }), true],
    [failure(403, 'x', { 'x-ratelimit-remaining': '0' }), true],
    [failure(403, 'x', { 'x-ratelimit-remaining': '12' }), false],
    [failure(403, 'You have exceeded a secondary rate limit'), true],
    [failure(500, 'rate limit'), false],
    [failure(401, 'Bad credentials', { 'retry-after': '1' }), false],
  ])('%j → %s', (f, expected) => {
    expect(isRateLimit(f)).toBe(expected);
  });
});

describe('explainFailure', () => {
  const what = 'adding labels to pull request #7 in o/r';
  test.each([
    ['addLabels', failure(401, 'Bad credentials'), /GitHub rejected the token \(401 Bad credentials\)/],
    [
      'addLabels',
      failure(403, 'Resource not accessible by integration'),
      /token lacks permission .*`permissions: issues: write \(or pull-requests: write\)`/,
    ],
    ['createDeployment', failure(403, 'Forbidden'), /`permissions: deployments: write`/],
    ['getPermission', failure(403, 'Forbidden'), /`permissions: metadata: read`/],
    ['createComment', failure(403, 'Forbidden'), /`permissions: issues: write/],
    [
      'addLabels',
      failure(403, 'secondary rate limit', { 'retry-after': '60' }),
      /rate limit was still exceeded/,
    ],
    ['addLabels', failure(429, 'Too many', { 'retry-after': '60' }), /rate limit was still exceeded/],
    ['addLabels', failure(502, 'Bad Gateway'), /answered 502 Bad Gateway and kept failing/],
    ['addLabels', failure(422, 'Validation Failed'), /refused the request \(422 Validation Failed\)/],
    ['addLabels', failure(404, 'Not Found'), /not found \(404 Not Found\)/],
    ['addLabels', failure(undefined, 'socket hang up'), /failed: socket hang up$/],
  ] as const)('%s %j', (operation, f, message) => {
    const text = explainFailure(operation, what, f);
    expect(text).toMatch(message);
    expect(text).toContain(`GitHub ${operation} (${what}) failed`);
  });

  test('a 404 with a known subject says exactly which object is missing', () => {
    expect(
      explainFailure('getPullRequest', 'x', failure(404, 'Not Found'), 'pull request #9 not found in o/r'),
    ).toBe('pull request #9 not found in o/r');
    expect(
      explainFailure('getPullRequest', 'x', failure(403, 'Forbidden'), 'pull request #9 not found in o/r'),
    ).toMatch(/pull-requests: read/);
  });
});

describe('reading Octokit errors', () => {
  const requestError = Object.assign(new Error('Validation Failed'), {
    status: 422,
    response: {
      headers: { 'Retry-After': '5', 'x-other': 3 },
      data: {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }, { code: 7 }, 'odd'],
      },
    },
  });

  test('failureOf takes GitHub’s message and lower-cases header names', () => {
    expect(failureOf(requestError)).toEqual({
      status: 422,
      detail: 'Validation Failed',
      headers: { 'retry-after': '5', 'x-other': '3' },
    });
  });

  test.each([
    [requestError, ['already_exists']],
    [new Error('plain'), []],
    [{ response: { data: 'text' } }, []],
    [null, []],
  ])('validationCodes(%#)', (error, codes) => {
    expect(validationCodes(error)).toEqual(codes);
  });

  test('toGitHubError keeps the operation, the status and the cause, and passes GitHubErrors through', () => {
    const wrapped = toGitHubError(requestError, 'ensureLabelDefinitions', 'creating label "x" in o/r');
    expect(wrapped).toBeInstanceOf(GitHubError);
    expect(wrapped).toMatchObject({ operation: 'ensureLabelDefinitions', status: 422, name: 'GitHubError' });
    expect(wrapped.cause).toBe(requestError);
    expect(toGitHubError(wrapped, 'addLabels', 'y')).toBe(wrapped);
    expect(toGitHubError('boom', 'addLabels', 'y')).toMatchObject({
      status: undefined,
      message: expect.stringMatching(/boom$/),
    });
  });
});
