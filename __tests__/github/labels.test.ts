// The adapter's pull-request and label operations against the GitHub emulator over HTTP.
import { GitHubError } from '../../src/github/errors.js';
import type { World } from './world.js';
import { FULL, sha, startWorld } from './world.js';

const GET_PULL = 'GET /repos/{owner}/{repo}/pulls/{pull_number}';
const ADD_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';
const REMOVE_LABEL = 'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}';
const LIST_LABELS = 'GET /repos/{owner}/{repo}/labels';
const CREATE_LABEL = 'POST /repos/{owner}/{repo}/labels';
const UPDATE_LABEL = 'PATCH /repos/{owner}/{repo}/labels/{name}';
const DELETE_LABEL = 'DELETE /repos/{owner}/{repo}/labels/{name}';

const TRIGGER = '🎪 ⚡ showtime-trigger-start';

let world: World;

beforeEach(async () => {
  world = await startWorld({
    labels: [{ name: TRIGGER, color: 'fbca04', description: 'start' }],
    pulls: [
      {
        number: 12,
        author: 'alice',
        headSha: sha(12),
        labels: [TRIGGER, 'bug'],
        createdAt: '2024-05-01T10:00:00Z',
      },
      { number: 13, author: 'mallory', fork: true, state: 'closed', createdAt: '2024-05-02T10:00:00Z' },
    ],
  });
});

afterEach(() => world.stop());

describe('getPullRequest', () => {
  test('reads number, head SHA, state, author, fork and labels in one request', async () => {
    const github = world.adapter();
    expect(await github.getPullRequest(12)).toEqual({
      number: 12,
      headSha: sha(12),
      open: true,
      author: 'alice',
      fromFork: false,
      labels: expect.arrayContaining([TRIGGER, 'bug']),
      createdAt: new Date('2024-05-01T10:00:00Z'),
    });
    expect(await github.getPullRequest(13)).toMatchObject({
      number: 13,
      open: false,
      fromFork: true,
      labels: [],
    });
    expect(world.requests()).toEqual({ [GET_PULL]: 2 });
  });

  test('a missing PR is named in the error', async () => {
    const error = await world
      .adapter()
      .getPullRequest(999)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({
      message: 'pull request #999 not found in apache/superset',
      status: 404,
      operation: 'getPullRequest',
    });
    expect(world.requests()).toEqual({ [GET_PULL]: 1 });
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses PR number %p before any request', async (n) => {
    await expect(world.adapter().getPullRequest(n)).rejects.toThrow(/expected a positive whole number/);
    expect(world.requests()).toEqual({});
  });
});

describe('addLabels', () => {
  test('adds several labels with one POST and returns all labels of the PR', async () => {
    const labels = await world.adapter().addLabels(12, ['🎪 🚦 abc123f building', '🎪 🎯 abc123f', 'bug']);
    expect(labels?.sort()).toEqual(['bug', TRIGGER, '🎪 🎯 abc123f', '🎪 🚦 abc123f building'].sort());
    expect(world.emulator.store.labelNames(FULL, 12).sort()).toEqual(labels?.sort());
    expect(world.requests()).toEqual({ [ADD_LABELS]: 1 });
  });

  test('nothing to add: no request', async () => {
    expect(await world.adapter().addLabels(12, [])).toBeUndefined();
    expect(world.requests()).toEqual({});
  });

  test.each([['x'.repeat(51)], [''], ['   ']])('refuses label name %j before any request', async (name) => {
    await expect(world.adapter().addLabels(12, ['ok', name])).rejects.toThrow(/expected 1 to 50 characters/);
    expect(world.requests()).toEqual({});
  });

  test('a 50-character emoji label is accepted (GitHub counts characters, not UTF-16 units)', async () => {
    const name = `🎪${'x'.repeat(49)}`;
    expect(await world.adapter().addLabels(12, [name])).toContain(name);
  });

  test('a missing PR is named in the error', async () => {
    await expect(world.adapter().addLabels(404, ['x'])).rejects.toThrow(
      'pull request #404 not found in apache/superset',
    );
  });
});

describe('removeLabel', () => {
  test('true when it removed the label, false when already gone: one request each', async () => {
    const github = world.adapter();
    expect(await github.removeLabel(12, TRIGGER)).toBe(true);
    expect(await github.removeLabel(12, TRIGGER)).toBe(false);
    expect(await github.removeLabel(12, 'never-existed')).toBe(false);
    expect(world.emulator.store.labelNames(FULL, 12)).toEqual(['bug']);
    expect(world.requests()).toEqual({ [REMOVE_LABEL]: 3 });
  });

  test('a missing PR is an error naming it, not "already removed"', async () => {
    await expect(world.adapter().removeLabel(404, TRIGGER)).rejects.toThrow(
      'pull request #404 not found in apache/superset',
    );
  });

  test('of 20 concurrent consumers of the same trigger label exactly one gets true', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => world.adapter().removeLabel(12, TRIGGER)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(world.emulator.store.labelNames(FULL, 12)).toEqual(['bug']);
    expect(world.requests()).toEqual({ [REMOVE_LABEL]: 20 });
  });
});

describe('repository labels', () => {
  const many = Array.from({ length: 130 }, (_, i) => ({
    name: `label-${String(i).padStart(3, '0')}`,
    color: '00ff00',
    description: `number ${i}`,
  }));

  test('listRepoLabels reads every page (130 labels: 2 requests of 100)', async () => {
    world.emulator.resetCounts();
    for (const label of many) world.emulator.store.createLabel(FULL, label);
    const labels = await world.adapter().listRepoLabels();
    expect(labels).toHaveLength(many.length + 2);
    expect(labels).toEqual(expect.arrayContaining(many));
    expect(labels).toContainEqual({ name: TRIGGER, color: 'fbca04', description: 'start' });
    expect(world.requests()).toEqual({ [LIST_LABELS]: 2 });
  });

  test('ensureLabelDefinitions creates the missing, fixes the different, leaves the rest: fewest requests', async () => {
    for (const label of many) world.emulator.store.createLabel(FULL, label);
    const github = world.adapter();
    const definitions = [
      { name: TRIGGER, color: 'FBCA04', description: 'start' },
      { name: 'label-007', color: 'ff0000', description: 'number 7' },
      { name: 'label-008', color: '00ff00', description: 'changed' },
      { name: '🎪 🛑 showtime-trigger-stop', color: 'b60205', description: 'stop' },
      { name: '🎪 🧊 showtime-freeze', color: '0e8a16', description: '' },
    ];
    expect(await github.ensureLabelDefinitions(definitions)).toEqual({
      created: ['🎪 🛑 showtime-trigger-stop', '🎪 🧊 showtime-freeze'],
      updated: ['label-007', 'label-008'],
    });
    expect(world.requests()).toEqual({ [LIST_LABELS]: 2, [CREATE_LABEL]: 2, [UPDATE_LABEL]: 2 });
    expect(world.emulator.store.findLabel(FULL, 'label-007')).toMatchObject({ color: 'ff0000' });
    expect(world.emulator.store.findLabel(FULL, 'label-008')).toMatchObject({ description: 'changed' });
    expect(world.emulator.store.findLabel(FULL, '🎪 🛑 showtime-trigger-stop')).toMatchObject({
      color: 'b60205',
    });

    world.emulator.resetCounts();
    expect(await github.ensureLabelDefinitions(definitions)).toEqual({ created: [], updated: [] });
    expect(world.requests()).toEqual({ [LIST_LABELS]: 2 });
  });

  test('a label another run creates between our list and our create is fine', async () => {
    world.emulator.faults.beforeNext({ method: 'POST', route: '/repos/{owner}/{repo}/labels' }, (store) => {
      store.createLabel(FULL, { name: 'racy', color: '123456', description: 'theirs' });
    });
    const result = await world
      .adapter()
      .ensureLabelDefinitions([{ name: 'racy', color: '123456', description: 'x' }]);
    expect(result).toEqual({ created: [], updated: [] });
    expect(world.emulator.store.findLabel(FULL, 'racy')).toMatchObject({ description: 'theirs' });
  });

  test.each([
    [{ name: 'a', color: '#ff0000', description: '' }, /expected 6 hexadecimal digits without #/],
    [{ name: 'a', color: 'ff00', description: '' }, /expected 6 hexadecimal digits/],
    [{ name: 'a', color: 'ff0000', description: 'd'.repeat(101) }, /at most 100 characters/],
    [{ name: 'n'.repeat(51), color: 'ff0000', description: '' }, /expected 1 to 50 characters/],
  ])('refuses definition %j before any request', async (definition, message) => {
    await expect(world.adapter().ensureLabelDefinitions([definition])).rejects.toThrow(message);
    expect(world.requests()).toEqual({});
  });

  test('deleteRepoLabel: true when deleted (and gone from PRs), false when already gone', async () => {
    const github = world.adapter();
    expect(await github.deleteRepoLabel(TRIGGER)).toBe(true);
    expect(await github.deleteRepoLabel(TRIGGER)).toBe(false);
    expect(world.emulator.store.labelNames(FULL, 12)).toEqual(['bug']);
    expect(world.requests()).toEqual({ [DELETE_LABEL]: 2 });
  });
});
