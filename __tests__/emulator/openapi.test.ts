import { describe, expect, test } from '@jest/globals';
import {
  DEVIATIONS,
  hasOperation,
  matchRoute,
  validateResponse,
} from '../../test-support/github-emulator/openapi.js';

const LABEL = {
  id: 1,
  node_id: 'LA_x',
  url: 'https://api.github.com/repos/o/r/labels/bug',
  name: 'bug',
  color: 'ff0000',
  default: false,
  description: null,
};

const USER = {
  login: 'octocat',
  id: 1,
  node_id: 'U_x',
  avatar_url: 'https://avatars.githubusercontent.com/u/1',
  gravatar_id: '',
  url: 'https://api.github.com/users/octocat',
  html_url: 'https://github.com/octocat',
  followers_url: 'https://api.github.com/users/octocat/followers',
  following_url: 'https://api.github.com/users/octocat/following{/other_user}',
  gists_url: 'https://api.github.com/users/octocat/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/octocat/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/octocat/subscriptions',
  organizations_url: 'https://api.github.com/users/octocat/orgs',
  repos_url: 'https://api.github.com/users/octocat/repos',
  events_url: 'https://api.github.com/users/octocat/events{/privacy}',
  received_events_url: 'https://api.github.com/users/octocat/received_events',
  type: 'User',
  site_admin: false,
};

const STATUS = {
  url: 'https://api.github.com/repos/o/r/deployments/1/statuses/2',
  id: 2,
  node_id: 'DES_x',
  state: 'success',
  creator: USER,
  description: '',
  environment: 'pr-7',
  target_url: '',
  created_at: '2024-01-01T00:00:00Z',
  updated_at: '2024-01-01T00:00:00Z',
  deployment_url: 'https://api.github.com/repos/o/r/deployments/1',
  repository_url: 'https://api.github.com/repos/o/r',
  environment_url: '',
  log_url: '',
};

describe('matchRoute', () => {
  test.each([
    ['GET', '/repos/a/b/labels/bug', '/repos/{owner}/{repo}/labels/{name}'],
    [
      'DELETE',
      '/repos/a/b/issues/7/labels/%F0%9F%8E%AA',
      '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
    ],
    ['GET', '/repos/a/b/issues/comments/12', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
    ['GET', '/repos/a/b/issues/12', '/repos/{owner}/{repo}/issues/{issue_number}'],
    ['get', '/search/issues', '/search/issues'],
    [
      'GET',
      '/repos/a/b/collaborators/u/permission',
      '/repos/{owner}/{repo}/collaborators/{username}/permission',
    ],
  ])('%s %s → %s', (method, path, template) => {
    expect(matchRoute(method, path)).toBe(template);
  });

  test.each([
    ['GET', '/nope'],
    ['PATCH', '/search/issues'],
    ['GET', '/repos/a//labels'],
  ])('%s %s matches no operation', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });

  test('hasOperation', () => {
    expect(hasOperation('post', '/repos/{owner}/{repo}/labels')).toBe(true);
    expect(hasOperation('POST', '/repos/{owner}/{repo}/labels/{name}')).toBe(false);
  });
});

describe('validateResponse', () => {
  const createLabel = (status: number, body: unknown) =>
    validateResponse({ method: 'POST', route: '/repos/{owner}/{repo}/labels', status, body });

  test('a complete label is valid; a null description is allowed (OpenAPI nullable)', () => {
    expect(createLabel(201, LABEL)).toMatchObject({ valid: true, errors: [], schemaSource: 'operation' });
  });

  test.each([
    ['a missing node_id', { ...LABEL, node_id: undefined }, "must have required property 'node_id'"],
    ['a string id', { ...LABEL, id: '1' }, '/id must be integer'],
    ['a relative url', { ...LABEL, url: '/labels/bug' }, '/url must match format "uri"'],
    ['a numeric description', { ...LABEL, description: 3 }, '/description'],
  ])('a label with %s is invalid, and the error names the field', (_what, body, message) => {
    const result = createLabel(201, JSON.parse(JSON.stringify(body)));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain(message);
  });

  test.each([
    [null, true],
    ['completed', true],
    ['exploded', false],
  ])('a nullable enum (issue state_reason) given %p → valid %p', (stateReason, valid) => {
    const base = 'https://api.github.com/repos/o/r/issues/1';
    const issue = {
      id: 1,
      node_id: 'I_x',
      url: base,
      repository_url: 'https://api.github.com/repos/o/r',
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: 'https://github.com/o/r/issues/1',
      number: 1,
      state: 'closed',
      state_reason: stateReason,
      title: 't',
      user: USER,
      labels: [LABEL],
      assignee: null,
      milestone: null,
      locked: false,
      comments: 0,
      closed_at: null,
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    };
    const result = validateResponse({
      method: 'GET',
      route: '/repos/{owner}/{repo}/issues/{issue_number}',
      status: 200,
      body: issue,
    });
    expect(result.valid).toBe(valid);
  });

  test('a 2xx status the operation does not document is invalid', () => {
    const result = createLabel(200, LABEL);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toContain('status 200 is not documented for issues/create-label');
  });

  test.each([
    [502, { message: 'Bad Gateway' }, true],
    [
      401,
      { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
      true,
    ],
    [500, ['not', 'an', 'object'], false],
    [503, { message: 503 }, false],
  ])(
    'an undocumented error status %i is checked against GitHub’s generic error shape',
    (status, body, valid) => {
      const result = createLabel(status, body);
      expect(result).toMatchObject({ valid, schemaSource: 'error-fallback' });
    },
  );

  test('a documented error uses its own schema: 422 needs documentation_url', () => {
    expect(createLabel(422, { message: 'Validation Failed' }).valid).toBe(false);
    expect(createLabel(422, { message: 'Validation Failed', documentation_url: 'x', errors: [] }).valid).toBe(
      true,
    );
  });

  test('a response documented without content must have no body', () => {
    const del = (body: unknown) =>
      validateResponse({ method: 'DELETE', route: '/repos/{owner}/{repo}/labels/{name}', status: 204, body });
    expect(del(undefined)).toMatchObject({ valid: true, schemaSource: 'no-content' });
    expect(del({}).valid).toBe(false);
  });

  test('an operation GitHub does not have is reported', () => {
    const result = validateResponse({ method: 'GET', route: '/made/up', status: 200, body: {} });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toContain('not an operation');
  });
});

describe('documented deviations from the description', () => {
  test('each deviation names a real place in the description and says why', () => {
    expect(DEVIATIONS.length).toBeGreaterThan(0);
    for (const d of DEVIATIONS) expect(d.why.length).toBeGreaterThan(20);
  });

  const status = (body: unknown) =>
    validateResponse({
      method: 'POST',
      route: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      status: 201,
      body,
    });

  test.each([
    ['an empty target_url (what GitHub sends)', { ...STATUS, target_url: '' }, true],
    ['a URL', { ...STATUS, target_url: 'https://ci/log' }, true],
    ['any other non-URL text', { ...STATUS, target_url: 'not a url' }, false],
    ['null', { ...STATUS, target_url: null }, false],
  ])('deployment status target_url: %s', (_what, body, valid) => {
    expect(status(body).valid).toBe(valid);
  });
});
