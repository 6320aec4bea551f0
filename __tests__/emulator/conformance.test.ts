// Every route the emulator serves, answered once with success and once with an error, each response checked against
// GitHub's OpenAPI description by the test client. The last test proves the table covers every route.
import { afterAll, describe, expect, test } from '@jest/globals';
import { emulatedRoutes, startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator } from '../../test-support/github-emulator/index.js';
import { hasOperation } from '../../test-support/github-emulator/openapi.js';
import { REPO, client, enc, validated } from './helpers.js';

const HEAD = 'a'.repeat(40);

interface Ids {
  comment: number;
  reaction: number;
  deployment: number;
  inactiveDeployment: number;
  status: number;
}

/** A fresh emulator per case, so that each case sees the same state whatever ran before. */
async function world(): Promise<{ emu: Emulator; ids: Ids }> {
  const emu = await startEmulator({
    seed: {
      repositories: [
        {
          owner: 'apache',
          name: 'superset',
          collaborators: { maxime: 'maintain' },
          labels: [{ name: 'bug', color: 'ff0000', description: 'Broken' }],
          pulls: [
            { number: 7, title: 'PR', author: 'maxime', headSha: HEAD, labels: ['bug', '🎪 ⚡ start'] },
          ],
          issues: [{ number: 8, title: 'Issue', body: null }],
        },
      ],
    },
  });
  const comment = emu.store.addComment(REPO, 7, { body: '/showtime start', author: 'maxime' });
  // Reacted by the token's actor, so that the API repeating it gets 200.
  const { reaction } = emu.store.react(REPO, comment.id, 'eyes');
  const deployment = emu.store.createDeployment(REPO, { sha: HEAD, environment: 'pr-7', transient: true });
  const status = emu.store.addDeploymentStatus(REPO, deployment.id, {
    state: 'success',
    environmentUrl: 'http://x',
  });
  const inactive = emu.store.createDeployment(REPO, { sha: HEAD, environment: 'pr-7' });
  emu.store.addDeploymentStatus(REPO, inactive.id, { state: 'inactive' });
  return {
    emu,
    ids: {
      comment: comment.id,
      reaction: reaction.id,
      deployment: deployment.id,
      inactiveDeployment: inactive.id,
      status: status.id,
    },
  };
}

type Case = [
  description: string,
  method: string,
  path: (ids: Ids) => string,
  body: unknown,
  status: number,
  options?: { authorization?: null; fault?: (emu: Emulator) => void },
];

const R = `/repos/${REPO}`;
const GONE = '/repos/apache/nope';

const CASES: Case[] = [
  ['get repo', 'GET', () => R, undefined, 200],
  ['get unknown repo', 'GET', () => GONE, undefined, 404],
  ['list labels', 'GET', () => `${R}/labels`, undefined, 200],
  ['list labels of unknown repo', 'GET', () => `${GONE}/labels`, undefined, 404],
  ['create label', 'POST', () => `${R}/labels`, { name: 'new', color: '00ff00' }, 201],
  ['create existing label', 'POST', () => `${R}/labels`, { name: 'BUG' }, 422],
  ['get label', 'GET', () => `${R}/labels/bug`, undefined, 200],
  ['get missing label', 'GET', () => `${R}/labels/none`, undefined, 404],
  ['update label', 'PATCH', () => `${R}/labels/bug`, { description: null }, 200],
  ['update label to a long name', 'PATCH', () => `${R}/labels/bug`, { new_name: 'n'.repeat(51) }, 422],
  ['delete label', 'DELETE', () => `${R}/labels/bug`, undefined, 204],
  ['delete missing label', 'DELETE', () => `${R}/labels/none`, undefined, 404],
  ['list issues', 'GET', () => `${R}/issues?state=all`, undefined, 200],
  ['list issues of unknown repo', 'GET', () => `${GONE}/issues`, undefined, 404],
  ['create issue', 'POST', () => `${R}/issues`, { title: 'T', body: 'B', labels: ['bug'] }, 201],
  ['create issue without title', 'POST', () => `${R}/issues`, { body: 'B' }, 422],
  ['get issue', 'GET', () => `${R}/issues/8`, undefined, 200],
  ['get PR as issue', 'GET', () => `${R}/issues/7`, undefined, 200],
  ['get missing issue', 'GET', () => `${R}/issues/99`, undefined, 404],
  ['close issue', 'PATCH', () => `${R}/issues/8`, { state: 'closed' }, 200],
  ['update issue with a bad state', 'PATCH', () => `${R}/issues/8`, { state: 'gone' }, 422],
  ['list issue labels', 'GET', () => `${R}/issues/7/labels`, undefined, 200],
  ['list labels of missing issue', 'GET', () => `${R}/issues/99/labels`, undefined, 404],
  ['add issue labels', 'POST', () => `${R}/issues/7/labels`, { labels: ['x'] }, 200],
  ['add a too long label', 'POST', () => `${R}/issues/7/labels`, { labels: ['x'.repeat(51)] }, 422],
  ['set issue labels', 'PUT', () => `${R}/issues/7/labels`, { labels: ['y'] }, 200],
  ['set labels with a bad body', 'PUT', () => `${R}/issues/7/labels`, { labels: 'y' }, 422],
  ['remove all labels', 'DELETE', () => `${R}/issues/7/labels`, undefined, 204],
  ['remove all labels of missing issue', 'DELETE', () => `${R}/issues/99/labels`, undefined, 404],
  ['remove issue label', 'DELETE', () => `${R}/issues/7/labels/${enc('🎪 ⚡ start')}`, undefined, 200],
  ['remove absent issue label', 'DELETE', () => `${R}/issues/8/labels/bug`, undefined, 404],
  ['list pulls', 'GET', () => `${R}/pulls`, undefined, 200],
  ['list pulls of unknown repo', 'GET', () => `${GONE}/pulls`, undefined, 404],
  ['get pull', 'GET', () => `${R}/pulls/7`, undefined, 200],
  ['get issue as pull', 'GET', () => `${R}/pulls/8`, undefined, 404],
  ['list pull commits', 'GET', () => `${R}/pulls/7/commits`, undefined, 200],
  ['list commits of an issue', 'GET', () => `${R}/pulls/8/commits`, undefined, 404],
  ['get commit', 'GET', () => `${R}/commits/${HEAD}`, undefined, 200],
  ['get unknown commit', 'GET', () => `${R}/commits/${'f'.repeat(40)}`, undefined, 422],
  ['list comments', 'GET', () => `${R}/issues/7/comments`, undefined, 200],
  ['list comments of missing issue', 'GET', () => `${R}/issues/99/comments`, undefined, 404],
  ['create comment', 'POST', () => `${R}/issues/7/comments`, { body: 'hi' }, 201],
  ['create empty comment', 'POST', () => `${R}/issues/7/comments`, { body: '' }, 422],
  ['get comment', 'GET', (i) => `${R}/issues/comments/${i.comment}`, undefined, 200],
  ['get missing comment', 'GET', () => `${R}/issues/comments/1`, undefined, 404],
  ['update comment', 'PATCH', (i) => `${R}/issues/comments/${i.comment}`, { body: 'edited' }, 200],
  ['update comment to empty', 'PATCH', (i) => `${R}/issues/comments/${i.comment}`, { body: '' }, 422],
  ['delete comment', 'DELETE', (i) => `${R}/issues/comments/${i.comment}`, undefined, 204],
  ['delete missing comment', 'DELETE', () => `${R}/issues/comments/1`, undefined, 404],
  ['list reactions', 'GET', (i) => `${R}/issues/comments/${i.comment}/reactions`, undefined, 200],
  ['list reactions of missing comment', 'GET', () => `${R}/issues/comments/1/reactions`, undefined, 404],
  [
    'create reaction',
    'POST',
    (i) => `${R}/issues/comments/${i.comment}/reactions`,
    { content: 'rocket' },
    201,
  ],
  ['repeat reaction', 'POST', (i) => `${R}/issues/comments/${i.comment}/reactions`, { content: 'eyes' }, 200],
  [
    'create bad reaction',
    'POST',
    (i) => `${R}/issues/comments/${i.comment}/reactions`,
    { content: 'x' },
    422,
  ],
  [
    'delete reaction',
    'DELETE',
    (i) => `${R}/issues/comments/${i.comment}/reactions/${i.reaction}`,
    undefined,
    204,
  ],
  [
    'delete missing reaction',
    'DELETE',
    (i) => `${R}/issues/comments/${i.comment}/reactions/1`,
    undefined,
    404,
  ],
  ['get permission', 'GET', () => `${R}/collaborators/maxime/permission`, undefined, 200],
  ['get permission of a stranger', 'GET', () => `${R}/collaborators/stranger/permission`, undefined, 404],
  ['list deployments', 'GET', () => `${R}/deployments`, undefined, 200],
  ['list deployments of unknown repo', 'GET', () => `${GONE}/deployments`, undefined, 404],
  ['create deployment', 'POST', () => `${R}/deployments`, { ref: HEAD, environment: 'pr-7' }, 201],
  ['create deployment of unknown ref', 'POST', () => `${R}/deployments`, { ref: 'nope' }, 422],
  ['get deployment', 'GET', (i) => `${R}/deployments/${i.deployment}`, undefined, 200],
  ['get missing deployment', 'GET', () => `${R}/deployments/1`, undefined, 404],
  ['delete inactive deployment', 'DELETE', (i) => `${R}/deployments/${i.inactiveDeployment}`, undefined, 204],
  ['delete active deployment', 'DELETE', (i) => `${R}/deployments/${i.deployment}`, undefined, 422],
  ['list statuses', 'GET', (i) => `${R}/deployments/${i.deployment}/statuses`, undefined, 200],
  ['list statuses of missing deployment', 'GET', () => `${R}/deployments/1/statuses`, undefined, 404],
  [
    'create status',
    'POST',
    (i) => `${R}/deployments/${i.deployment}/statuses`,
    { state: 'in_progress' },
    201,
  ],
  ['create bad status', 'POST', (i) => `${R}/deployments/${i.deployment}/statuses`, { state: 'x' }, 422],
  ['get status', 'GET', (i) => `${R}/deployments/${i.deployment}/statuses/${i.status}`, undefined, 200],
  ['get missing status', 'GET', (i) => `${R}/deployments/${i.deployment}/statuses/1`, undefined, 404],
  ['search', 'GET', () => `/search/issues?q=${enc('repo:apache/superset label:bug')}`, undefined, 200],
  ['search without q', 'GET', () => '/search/issues', undefined, 422],
  ['rate limit', 'GET', () => '/rate_limit', undefined, 200],
  ['rate limit without a token', 'GET', () => '/rate_limit', undefined, 401, { authorization: null }],
  ['any route without a token', 'GET', () => `${R}/pulls/7`, undefined, 401, { authorization: null }],
  [
    'a secondary rate limit',
    'POST',
    () => `${R}/labels`,
    { name: 'z' },
    403,
    { fault: (e) => e.faults.rateLimitNext(1) },
  ],
  [
    'a server error',
    'DELETE',
    () => `${R}/issues/7/labels/bug`,
    undefined,
    502,
    { fault: (e) => e.faults.failNext(1) },
  ],
  [
    'a primary rate limit',
    'GET',
    () => `${R}/issues/7/labels`,
    undefined,
    429,
    { fault: (e) => e.faults.rateLimitNext(1, { status: 429, kind: 'primary' }) },
  ],
];

const opened: Emulator[] = [];

afterAll(async () => {
  await Promise.all(opened.map((e) => e.stop()));
});

describe('every response validates against GitHub’s OpenAPI description', () => {
  test.each(CASES)('%s (%s)', async (_what, method, path, body, status, options = {}) => {
    const { emu, ids } = await world();
    opened.push(emu);
    options.fault?.(emu);
    const call = client(emu);
    const authorization = options.authorization === null ? { authorization: null } : {};
    const res = await call(method, path(ids), body, authorization);
    expect(res.status).toBe(status);
    expect(res.route).toBeDefined();
    await emu.stop();
    opened.pop();
  });

  test('every emulated route is a GitHub operation', () => {
    const unknown = emulatedRoutes().filter((r) => {
      const [method = '', template = ''] = r.split(' ');
      return !hasOperation(method, template);
    });
    expect(unknown).toEqual([]);
  });

  test('the table above covered every route with a success and an error', () => {
    const missing: string[] = [];
    for (const route of emulatedRoutes()) {
      const statuses = [...validated]
        .filter((v) => v.startsWith(`${route} `))
        .map((v) => Number(v.split(' ')[2]));
      if (!statuses.some((s) => s < 300)) missing.push(`${route}: no success`);
      if (!statuses.some((s) => s >= 400)) missing.push(`${route}: no error`);
    }
    expect(missing).toEqual([]);
  });
});
