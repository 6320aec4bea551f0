import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator, Seed } from '../../test-support/github-emulator/index.js';
import { REPO, client } from './helpers.js';
import type { Call, CommentJson, ErrorJson, IssueJson, PullJson, UserJson } from './helpers.js';

const HEAD = 'a'.repeat(40);
const FORK_HEAD = 'b'.repeat(40);

function seed(): Seed {
  return {
    actor: 'github-actions[bot]',
    repositories: [
      {
        owner: 'apache',
        name: 'superset',
        defaultBranch: 'master',
        collaborators: { maxime: 'maintain', tria: 'triage', writer: 'write', reader: 'read' },
        pulls: [
          { number: 7, title: 'Same-repo PR', author: 'maxime', headSha: HEAD, headRef: 'feature' },
          {
            number: 9,
            title: 'Fork PR',
            author: 'contributor',
            headSha: FORK_HEAD,
            fork: true,
            state: 'closed',
          },
        ],
        issues: [{ number: 8, title: 'Plain issue', body: 'text', author: 'reader' }],
      },
    ],
  };
}

let emu: Emulator;
let call: Call;

beforeEach(async () => {
  emu = await startEmulator({ seed: seed() });
  call = client(emu);
});

afterEach(async () => {
  await emu.stop();
});

describe('pull requests', () => {
  test('GET pull carries head.sha, head.repo.fork, user and embedded labels', async () => {
    emu.store.addLabels(REPO, 7, ['🎪 🎯 aaaaaaa']);
    const res = await call<PullJson>('GET', `/repos/${REPO}/pulls/7`);
    expect(res.status).toBe(200);
    expect(res.body.head).toMatchObject({ sha: HEAD, ref: 'feature', label: 'apache:feature' });
    expect(res.body.head.repo).toMatchObject({ fork: false, full_name: REPO });
    expect(res.body.base).toMatchObject({ ref: 'master' });
    expect(res.body.user.login).toBe('maxime');
    expect(res.body.labels.map((l) => l.name)).toEqual(['🎪 🎯 aaaaaaa']);
    expect(res.body.author_association).toBe('COLLABORATOR');
  });

  test('a fork PR has its head in the author’s fork', async () => {
    const res = await call<PullJson>('GET', `/repos/${REPO}/pulls/9`);
    expect(res.body.state).toBe('closed');
    expect(res.body.head.repo).toMatchObject({ fork: true, full_name: 'contributor/superset' });
    expect(res.body.head.user.login).toBe('contributor');
    expect(res.body.author_association).toBe('NONE');
  });

  test('an issue number on the pulls route is 404; the issues route serves both', async () => {
    expect((await call('GET', `/repos/${REPO}/pulls/8`)).status).toBe(404);
    const pr = await call<IssueJson>('GET', `/repos/${REPO}/issues/7`);
    expect(pr.body.pull_request?.url).toBe(`${emu.url}/repos/${REPO}/pulls/7`);
    const issue = await call<IssueJson>('GET', `/repos/${REPO}/issues/8`);
    expect(issue.body.pull_request).toBeUndefined();
  });

  test('a push (setHeadSha) records a commit: the pull reports the new head, commits lists both', async () => {
    const next = 'c'.repeat(40);
    emu.store.setHeadSha(REPO, 7, next, { message: 'second' });
    const pull = await call<PullJson>('GET', `/repos/${REPO}/pulls/7`);
    expect(pull.body.head.sha).toBe(next);
    expect(pull.body.commits).toBe(2);
    const commits = await call<{ sha: string; parents: { sha: string }[]; commit: { message: string } }[]>(
      'GET',
      `/repos/${REPO}/pulls/7/commits`,
    );
    expect(commits.body.map((c) => c.sha)).toEqual([HEAD, next]);
    expect(commits.body[1]?.parents.map((p) => p.sha)).toEqual([HEAD]);
    expect(commits.body[1]?.commit.message).toBe('second');
    const byRef = await call<{ sha: string }>('GET', `/repos/${REPO}/commits/feature`);
    expect(byRef.body.sha).toBe(next);
  });

  test('GET pulls lists open PRs by default, all with state=all', async () => {
    const open = await call<PullJson[]>('GET', `/repos/${REPO}/pulls`);
    expect(open.body.map((p) => p.number)).toEqual([7]);
    const all = await call<PullJson[]>('GET', `/repos/${REPO}/pulls?state=all`);
    expect(all.body.map((p) => p.number).sort()).toEqual([7, 9]);
  });

  test('an unknown commit is 422', async () => {
    expect((await call('GET', `/repos/${REPO}/commits/${'d'.repeat(40)}`)).status).toBe(422);
  });
});

describe('issues', () => {
  test('GET issues filters by state and labels and lists newest first', async () => {
    emu.store.addLabels(REPO, 8, ['bug']);
    const open = await call<IssueJson[]>('GET', `/repos/${REPO}/issues`);
    expect(open.body.map((i) => i.number).sort()).toEqual([7, 8]);
    const labelled = await call<IssueJson[]>('GET', `/repos/${REPO}/issues?labels=BUG&state=all`);
    expect(labelled.body.map((i) => i.number)).toEqual([8]);
  });

  test('POST creates an issue authored by the actor; PATCH closes it', async () => {
    const created = await call<IssueJson>('POST', `/repos/${REPO}/issues`, { title: 'New', labels: ['x'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 10, title: 'New', state: 'open' });
    expect(created.body.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const closed = await call<IssueJson>('PATCH', `/repos/${REPO}/issues/10`, { state: 'closed' });
    expect(closed.body.state).toBe('closed');
    expect(emu.store.issue(REPO, 10).closedAt).not.toBeNull();
    expect((await call('POST', `/repos/${REPO}/issues`, { body: 'no title' })).status).toBe(422);
    expect((await call('PATCH', `/repos/${REPO}/issues/10`, { state: 'merged' })).status).toBe(422);
  });

  test('a body that is not JSON is 400 "Problems parsing JSON"', async () => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/issues/7/comments`, undefined, {
      rawBody: '{nope',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Problems parsing JSON');
  });
});

describe('comments and reactions', () => {
  test('create, list, update, delete a comment', async () => {
    const created = await call<CommentJson>('POST', `/repos/${REPO}/issues/7/comments`, {
      body: '🎪 starting',
    });
    expect(created.status).toBe(201);
    expect(created.body.user.login).toBe('github-actions[bot]');
    emu.store.addComment(REPO, 7, { body: '/showtime start', author: 'maxime' });
    const list = await call<CommentJson[]>('GET', `/repos/${REPO}/issues/7/comments`);
    expect(list.body.map((c) => [c.body, c.author_association])).toEqual([
      ['🎪 starting', 'NONE'],
      ['/showtime start', 'COLLABORATOR'],
    ]);
    const patched = await call<CommentJson>('PATCH', `/repos/${REPO}/issues/comments/${created.body.id}`, {
      body: '🎪 running',
    });
    expect(patched.body.body).toBe('🎪 running');
    expect((await call('DELETE', `/repos/${REPO}/issues/comments/${created.body.id}`)).status).toBe(204);
    expect(emu.store.comments(REPO, 7).map((c) => c.body)).toEqual(['/showtime start']);
    expect((await call('GET', `/repos/${REPO}/issues/comments/${created.body.id}`)).status).toBe(404);
  });

  test('comments paginate', async () => {
    for (let i = 0; i < 31; i += 1) emu.store.addComment(REPO, 8, { body: `c${i}` });
    const first = await call<CommentJson[]>('GET', `/repos/${REPO}/issues/8/comments`);
    expect(first.body).toHaveLength(30);
    expect(first.headers.get('link')).toContain('rel="next"');
    const issue = await call<IssueJson>('GET', `/repos/${REPO}/issues/8`);
    expect(issue.body.comments).toBe(31);
  });

  test.each([
    ['an empty body', { body: '' }],
    ['no body', {}],
  ])('a comment with %s is 422', async (_what, body) => {
    expect((await call('POST', `/repos/${REPO}/issues/7/comments`, body)).status).toBe(422);
  });

  test('a reaction is 201 when new and 200 when the same user already reacted so', async () => {
    const comment = emu.store.addComment(REPO, 7, { body: '/showtime start', author: 'maxime' });
    const path = `/repos/${REPO}/issues/comments/${comment.id}/reactions`;
    const first = await call<{ id: number; content: string; user: UserJson }>('POST', path, {
      content: 'eyes',
    });
    const again = await call<{ id: number }>('POST', path, { content: 'eyes' });
    const other = await call('POST', path, { content: 'rocket' });
    expect([first.status, again.status, other.status]).toEqual([201, 200, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(emu.store.reactions(REPO, comment.id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
    const listed = await call<unknown[]>('GET', `${path}?content=eyes`);
    expect(listed.body).toHaveLength(1);
    const shown = await call<CommentJson>('GET', `/repos/${REPO}/issues/comments/${comment.id}`);
    expect(shown.body.reactions).toMatchObject({ total_count: 2, eyes: 1, rocket: 1 });
    expect((await call('POST', path, { content: 'thumbsup' })).status).toBe(422);
    expect((await call('DELETE', `${path}/${first.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `${path}/${first.body.id}`)).status).toBe(404);
  });
});

describe('collaborator permission', () => {
  test.each([
    ['apache', 'admin', 'admin'],
    ['maxime', 'write', 'maintain'],
    ['writer', 'write', 'write'],
    ['tria', 'read', 'triage'],
    ['reader', 'read', 'read'],
  ])('%s → permission %s, role_name %s', async (login, permission, role) => {
    const res = await call<{ permission: string; role_name: string; user: UserJson }>(
      'GET',
      `/repos/${REPO}/collaborators/${login}/permission`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ permission, role_name: role, user: { login } });
  });

  test('a non-collaborator is 404; setPermission changes the answer', async () => {
    expect((await call('GET', `/repos/${REPO}/collaborators/stranger/permission`)).status).toBe(404);
    emu.store.setPermission(REPO, 'stranger', 'triage');
    expect((await call('GET', `/repos/${REPO}/collaborators/stranger/permission`)).status).toBe(200);
    emu.store.setPermission(REPO, 'stranger', null);
    expect((await call('GET', `/repos/${REPO}/collaborators/stranger/permission`)).status).toBe(404);
  });
});

interface DeploymentJson {
  id: number;
  sha: string;
  environment: string;
  transient_environment: boolean;
  production_environment: boolean;
}

describe('deployments', () => {
  async function deploy(environment: string, extra: Record<string, unknown> = {}): Promise<DeploymentJson> {
    const res = await call<DeploymentJson>('POST', `/repos/${REPO}/deployments`, {
      ref: HEAD,
      environment,
      required_contexts: [],
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function setStatus(id: number, state: string, extra: Record<string, unknown> = {}) {
    return call<{ state: string; environment_url: string; log_url: string }>(
      'POST',
      `/repos/${REPO}/deployments/${id}/statuses`,
      { state, ...extra },
    );
  }

  test('create a deployment for a SHA, a branch or a short SHA', async () => {
    const bySha = await deploy('pr-7', { transient_environment: true });
    expect(bySha).toMatchObject({ sha: HEAD, environment: 'pr-7', transient_environment: true });
    expect(bySha.production_environment).toBe(false);
    const byBranch = await deploy('pr-7', { ref: 'feature' });
    expect(byBranch.sha).toBe(HEAD);
    const byShort = await deploy('pr-7', { ref: HEAD.slice(0, 7) });
    expect(byShort.sha).toBe(HEAD);
    const fork = await deploy('pr-9', { ref: FORK_HEAD });
    expect(fork.sha).toBe(FORK_HEAD);
    const prod = await call<DeploymentJson>('POST', `/repos/${REPO}/deployments`, { ref: 'master' });
    expect(prod.body).toMatchObject({ environment: 'production', production_environment: true });
  });

  test.each([
    ['an unknown ref', { ref: 'no-such-branch' }, 'No ref found for: no-such-branch'],
    ['no ref', { environment: 'x' }, 'ref'],
  ])('%s is 422', async (_what, body, message) => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/deployments`, body);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(message);
  });

  test('statuses are listed newest first and carry environment_url and log_url', async () => {
    const d = await deploy('pr-7');
    await setStatus(d.id, 'in_progress', { log_url: 'https://ci/log' });
    const ok = await setStatus(d.id, 'success', {
      environment_url: 'http://1.2.3.4:8080',
      log_url: 'https://ci/2',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      state: 'success',
      environment_url: 'http://1.2.3.4:8080',
      log_url: 'https://ci/2',
    });
    const list = await call<{ state: string }[]>('GET', `/repos/${REPO}/deployments/${d.id}/statuses`);
    expect(list.body.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect((await setStatus(d.id, 'exploded')).status).toBe(422);
    expect((await setStatus(99999, 'success')).status).toBe(404);
  });

  test.each([
    ['non-transient, same environment', 'pr-7', {}, {}, 'inactive'],
    ['auto_inactive: false', 'pr-7', {}, { auto_inactive: false }, 'success'],
    ['another environment', 'pr-8', {}, {}, 'success'],
    ['a transient earlier deployment', 'pr-7', { transient_environment: true }, {}, 'success'],
    ['a production earlier deployment', 'pr-7', { production_environment: true }, {}, 'success'],
  ])(
    'auto_inactive with %s leaves the earlier deployment %s',
    async (_what, env, earlierExtra, statusExtra, expected) => {
      const earlier = await deploy('pr-7', earlierExtra);
      await setStatus(earlier.id, 'success');
      const later = await deploy(env);
      await setStatus(later.id, 'success', statusExtra);
      expect(emu.store.latestDeploymentState(REPO, earlier.id)).toBe(expected);
    },
  );

  test('list filters by environment and sha; get one; delete only when inactive', async () => {
    const a = await deploy('pr-7');
    const b = await deploy('pr-8');
    const list = await call<DeploymentJson[]>('GET', `/repos/${REPO}/deployments?environment=pr-7`);
    expect(list.body.map((d) => d.id)).toEqual([a.id]);
    expect((await call<DeploymentJson[]>('GET', `/repos/${REPO}/deployments?sha=${HEAD}`)).body).toHaveLength(
      2,
    );
    expect((await call('GET', `/repos/${REPO}/deployments/${b.id}`)).status).toBe(200);
    const c = await deploy('pr-7');
    await setStatus(c.id, 'success', { auto_inactive: false });
    const refused = await call<ErrorJson>('DELETE', `/repos/${REPO}/deployments/${c.id}`);
    expect(refused.status).toBe(422);
    await setStatus(c.id, 'inactive');
    expect((await call('DELETE', `/repos/${REPO}/deployments/${c.id}`)).status).toBe(204);
    expect(emu.store.deployments(REPO).map((d) => d.id)).toEqual([b.id, a.id]);
  });
});

describe('repository and rate limit', () => {
  test('GET repo', async () => {
    const res = await call<{ full_name: string; default_branch: string; open_issues_count: number }>(
      'GET',
      `/repos/${REPO}`,
    );
    expect(res.body).toMatchObject({ full_name: REPO, default_branch: 'master', open_issues_count: 2 });
    expect((await call('GET', '/repos/apache/unknown')).status).toBe(404);
  });

  test('GET /rate_limit reports the budget without spending it', async () => {
    await call('GET', `/repos/${REPO}`);
    const a = await call<{ resources: { core: { used: number } } }>('GET', '/rate_limit');
    const b = await call<{ resources: { core: { used: number } } }>('GET', '/rate_limit');
    expect(a.body.resources.core.used).toBe(1);
    expect(b.body.resources.core.used).toBe(1);
  });
});
