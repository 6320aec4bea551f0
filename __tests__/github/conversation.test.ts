// Permissions, the sticky status comment, reactions and deployments, against the emulator.
import { GitHubError } from '../../src/github/errors.js';
import type { World } from './world.js';
import { FULL, sha, startWorld } from './world.js';

const LIST_COMMENTS = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE_COMMENT = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';
const REACT = 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions';
const PERMISSION = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission';
const CREATE_DEPLOYMENT = 'POST /repos/{owner}/{repo}/deployments';
const CREATE_STATUS = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses';
const LIST_DEPLOYMENTS = 'GET /repos/{owner}/{repo}/deployments';

const MARKER = '<!-- showtime-status -->';

let world: World;

beforeEach(async () => {
  world = await startWorld({
    pulls: [{ number: 7, headSha: sha(7) }],
    collaborators: { mara: 'maintain', wes: 'write', tia: 'triage', rey: 'read', ada: 'admin' },
  });
});

afterEach(() => world.stop());

describe('getPermission', () => {
  test.each([
    ['ada', 'admin'],
    ['mara', 'maintain'],
    ['wes', 'write'],
    ['tia', 'triage'],
    ['rey', 'read'],
    ['stranger', 'none'],
    ['apache', 'admin'],
  ])('%s → %s in one request', async (login, permission) => {
    expect(await world.adapter().getPermission(login)).toBe(permission);
    expect(world.requests()).toEqual({ [PERMISSION]: 1 });
  });

  test.each(['', 'has space', '-dash', 'a'.repeat(40)])(
    'refuses login %j before any request',
    async (login) => {
      await expect(world.adapter().getPermission(login)).rejects.toThrow(/expected a GitHub login/);
      expect(world.requests()).toEqual({});
    },
  );

  test('fails closed: a refused request throws and names the permission to grant', async () => {
    world.emulator.faults.failNext(10, { status: 500 });
    const error = await world
      .adapter({ retries: 1 })
      .getPermission('wes')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ operation: 'getPermission', status: 500 });
    expect(world.requests()).toEqual({ [PERMISSION]: 2 });
  });
});

describe('sticky comment', () => {
  test('findComment reads every page and returns the newest comment bearing the marker', async () => {
    const store = world.emulator.store;
    let clock = Date.parse('2024-01-01T00:00:00Z');
    store.clock = () => new Date((clock += 1000));
    const older = store.addComment(FULL, 7, { body: `${MARKER}\nold status` });
    for (let i = 0; i < 60; i++) store.addComment(FULL, 7, { body: `chatter ${i}`, author: 'someone' });
    const newer = store.addComment(FULL, 7, { body: `${MARKER}\nnew status` });
    for (let i = 0; i < 60; i++) store.addComment(FULL, 7, { body: `more ${i}`, author: 'someone' });

    const found = await world.adapter().findComment(7, MARKER);
    expect(found).toMatchObject({
      id: newer.id,
      body: `${MARKER}\nnew status`,
      author: 'github-actions[bot]',
    });
    expect(found?.id).not.toBe(older.id);
    expect(world.requests()).toEqual({ [LIST_COMMENTS]: 2 });
  });

  test("a marker in someone else's comment is ignored: findComment skips it, upsertComment writes its own", async () => {
    const store = world.emulator.store;
    const planted = store.addComment(FULL, 7, { body: `${MARKER}\nplanted`, author: 'someone' });
    expect(await world.adapter().findComment(7, MARKER)).toBeUndefined();
    const written = await world.adapter().upsertComment(7, MARKER, 'Environment building');
    expect(written.outcome).toBe('created');
    expect(written.id).not.toBe(planted.id);
    expect(store.comments(FULL, 7).find((c) => c.id === planted.id)?.body).toBe(`${MARKER}\nplanted`);
  });

  test("once the adapter knows its identity, another bot's marker is ignored too", async () => {
    const store = world.emulator.store;
    const other = store.addComment(FULL, 7, { body: `${MARKER}\nother app`, author: 'other-app[bot]' });
    const github = world.adapter({ identity: 'github-actions[bot]' });
    expect(await github.findComment(7, MARKER)).toBeUndefined();
    const own = store.addComment(FULL, 7, { body: `${MARKER}\nours` });
    expect((await github.findComment(7, MARKER))?.id).toBe(own.id);
    expect(other.id).not.toBe(own.id);
  });

  test('findComment: undefined when no comment bears the marker', async () => {
    world.emulator.store.addComment(FULL, 7, { body: 'hello', author: 'someone' });
    expect(await world.adapter().findComment(7, MARKER)).toBeUndefined();
  });

  test('upsertComment creates, then updates by the id it verified, and a new instance leaves an identical comment alone', async () => {
    const github = world.adapter();
    const created = await github.upsertComment(7, MARKER, 'Environment building');
    expect(created.outcome).toBe('created');
    expect(world.requests()).toEqual({ [LIST_COMMENTS]: 1, [CREATE_COMMENT]: 1 });
    expect(world.emulator.store.comments(FULL, 7)).toMatchObject([
      { body: `${MARKER}\nEnvironment building` },
    ]);

    // The comment this instance created is its own for good: no listing of the PR's comments again.
    world.emulator.resetCounts();
    expect(await github.upsertComment(7, MARKER, `${MARKER}\nEnvironment running`)).toEqual({
      id: created.id,
      outcome: 'updated',
    });
    expect(world.requests()).toEqual({ [UPDATE_COMMENT]: 1 });

    world.emulator.resetCounts();
    expect(await world.adapter().upsertComment(7, MARKER, 'Environment running')).toEqual({
      id: created.id,
      outcome: 'unchanged',
    });
    expect(world.requests()).toEqual({ [LIST_COMMENTS]: 1 });
    expect(world.emulator.store.comments(FULL, 7)).toMatchObject([
      { body: `${MARKER}\nEnvironment running` },
    ]);
  });

  test('upsertComment with the id an earlier step of the run verified: one PATCH, no listing', async () => {
    const first = await world.adapter().upsertComment(7, MARKER, 'Environment building');
    world.emulator.resetCounts();
    const next = world.adapter();
    expect(await next.upsertComment(7, MARKER, 'Environment running', first.id)).toEqual({
      id: first.id,
      outcome: 'updated',
    });
    expect(world.requests()).toEqual({ [UPDATE_COMMENT]: 1 });
    expect(world.emulator.store.comments(FULL, 7)).toMatchObject([
      { body: `${MARKER}\nEnvironment running` },
    ]);
  });

  test('a verified comment deleted meanwhile is looked for again, then created', async () => {
    const github = world.adapter();
    const first = await github.upsertComment(7, MARKER, 'Environment building');
    world.emulator.store.repo(FULL).comments.delete(first.id);
    world.emulator.resetCounts();
    const again = await github.upsertComment(7, MARKER, 'Environment running');
    expect(again.outcome).toBe('created');
    expect(again.id).not.toBe(first.id);
    expect(world.requests()).toEqual({ [UPDATE_COMMENT]: 1, [LIST_COMMENTS]: 1, [CREATE_COMMENT]: 1 });
  });

  test.each(['showtime-status', '<!-- -->', '<!-- x --> trailing'])('refuses marker %j', async (marker) => {
    await expect(world.adapter().upsertComment(7, marker, 'x')).rejects.toThrow(
      /expected a hidden HTML comment/,
    );
    expect(world.requests()).toEqual({});
  });

  test('comments on a missing PR name the PR', async () => {
    await expect(world.adapter().findComment(404, MARKER)).rejects.toThrow(
      'pull request #404 not found in apache/superset',
    );
    await expect(world.adapter().createComment(404, 'x')).rejects.toThrow(
      'pull request #404 not found in apache/superset',
    );
  });

  test('createComment and reactToComment: one request each; reacting twice is harmless', async () => {
    const github = world.adapter();
    const { id } = await github.createComment(7, '/showtime start');
    await github.reactToComment(id, 'eyes');
    await github.reactToComment(id, 'rocket');
    await github.reactToComment(id, 'eyes');
    expect(world.emulator.store.reactions(FULL, id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
    expect(world.requests()).toEqual({ [CREATE_COMMENT]: 1, [REACT]: 3 });
  });

  test('refuses an unknown reaction before any request', async () => {
    await expect(world.adapter().reactToComment(1, 'clap' as never)).rejects.toThrow(
      /expected one of \+1, -1, laugh/,
    );
    expect(world.requests()).toEqual({});
  });
});

describe('deployments', () => {
  test('createDeployment: transient, no required contexts, no auto-merge, one request', async () => {
    const deployment = await world.adapter().createDeployment({
      ref: sha(7),
      environment: 'pr-7',
      description: 'showtime abc123f',
      transient: true,
      payload: { pr: 7 },
    });
    expect(deployment).toMatchObject({
      ref: sha(7),
      sha: sha(7),
      environment: 'pr-7',
      description: 'showtime abc123f',
    });
    expect(world.emulator.store.deployments(FULL)).toMatchObject([
      { id: deployment.id, transient: true, production: false, payload: { pr: 7 } },
    ]);
    expect(world.requests()).toEqual({ [CREATE_DEPLOYMENT]: 1 });
  });

  test('createDeploymentStatus: one request carrying the URLs', async () => {
    const github = world.adapter();
    const { id } = await github.createDeployment({ ref: sha(7), environment: 'pr-7', transient: true });
    world.emulator.resetCounts();
    await github.createDeploymentStatus(id, {
      state: 'success',
      environmentUrl: 'http://52.1.2.3:8080',
      logUrl: 'https://github.com/apache/superset/actions/runs/1',
      description: 'd'.repeat(200),
    });
    expect(world.emulator.store.deploymentStatuses(FULL, id)).toMatchObject([
      {
        state: 'success',
        environmentUrl: 'http://52.1.2.3:8080',
        logUrl: 'https://github.com/apache/superset/actions/runs/1',
        description: 'd'.repeat(140),
      },
    ]);
    expect(world.requests()).toEqual({ [CREATE_STATUS]: 1 });
  });

  test('listDeployments reads every page of one environment', async () => {
    const github = world.adapter();
    for (let i = 0; i < 105; i++)
      await github.createDeployment({ ref: sha(7), environment: 'pr-7', transient: true });
    await github.createDeployment({ ref: sha(7), environment: 'pr-8', transient: true });
    world.emulator.resetCounts();
    const listed = await github.listDeployments({ environment: 'pr-7' });
    expect(listed).toHaveLength(105);
    expect(new Set(listed.map((d) => d.environment))).toEqual(new Set(['pr-7']));
    expect(world.requests()).toEqual({ [LIST_DEPLOYMENTS]: 2 });
  });

  test.each([
    [{ ref: '', environment: 'pr-7', transient: true }, /non-empty ref and environment/],
    [{ ref: sha(7), environment: ' ', transient: true }, /non-empty ref and environment/],
  ])('refuses %j before any request', async (request, message) => {
    await expect(world.adapter().createDeployment(request)).rejects.toThrow(message);
    expect(world.requests()).toEqual({});
  });

  test('refuses an unknown deployment state', async () => {
    await expect(world.adapter().createDeploymentStatus(1, { state: 'done' as never })).rejects.toThrow(
      /expected one of error, failure, inactive, in_progress, queued, pending, success/,
    );
  });
});

describe('listPullRequestCommits', () => {
  test("the PR's commits, oldest first, in one request per 100", async () => {
    const next = 'e'.repeat(40);
    world.emulator.store.setHeadSha(FULL, 7, next);
    expect(await world.adapter().listPullRequestCommits(7)).toEqual([sha(7), next]);
    expect(world.requests()).toEqual({ 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': 1 });
  });

  test('an unknown PR names itself', async () => {
    await expect(world.adapter().listPullRequestCommits(404)).rejects.toThrow(/#404/);
  });
});
