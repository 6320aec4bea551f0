import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { parseLinkHeader, startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator, Seed } from '../../test-support/github-emulator/index.js';
import { REPO, client, enc, pathOf } from './helpers.js';
import type { Call, ErrorJson, LabelJson } from './helpers.js';

const TENT = '🎪 ⚡ showtime-trigger-start';

function seed(): Seed {
  return {
    repositories: [
      {
        owner: 'apache',
        name: 'superset',
        labels: [
          { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
          { name: 'size/M', color: '00ff00' },
        ],
        pulls: [{ number: 7, title: 'Add a chart', author: 'alice', labels: ['bug', TENT] }],
        issues: [{ number: 8, title: 'Broken' }],
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

describe('issue labels', () => {
  test('POST adds labels, creates unknown ones with the default colour and returns all labels of the issue', async () => {
    const res = await call<LabelJson[]>('POST', `/repos/${REPO}/issues/7/labels`, {
      labels: ['new one', 'bug'],
    });
    expect(res.status).toBe(200);
    expect(res.body.map((l) => l.name)).toEqual(['bug', 'new one', TENT]);
    expect(res.body.find((l) => l.name === 'new one')?.color).toBe('ededed');
    expect(emu.store.findLabel(REPO, 'new one')?.color).toBe('ededed');
  });

  test('POST accepts a bare array and {name} objects, as GitHub does', async () => {
    const bare = await call<LabelJson[]>('POST', `/repos/${REPO}/issues/8/labels`, ['a']);
    const objects = await call<LabelJson[]>('POST', `/repos/${REPO}/issues/8/labels`, {
      labels: [{ name: 'b' }],
    });
    expect([bare.status, objects.status]).toEqual([200, 200]);
    expect(objects.body.map((l) => l.name)).toEqual(['a', 'b']);
  });

  test.each([
    ['an empty list', { labels: [] }, 'fewer items than the minimum'],
    ['a string', { labels: 'bug' }, 'is not an array'],
    ['a number item', { labels: [3] }, 'is not a string'],
  ])('POST with %s is rejected with 422', async (_what, body, message) => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/issues/7/labels`, body);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain(message);
    expect(emu.store.labelNames(REPO, 7)).toEqual(['bug', TENT]);
  });

  test('POST with a name over 50 characters is 422 code invalid and adds nothing (all or nothing)', async () => {
    const long = 'x'.repeat(51);
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/issues/7/labels`, { labels: ['fine', long] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ value: long, resource: 'Label', field: 'name', code: 'invalid' }]);
    expect(emu.store.labelNames(REPO, 7)).toEqual(['bug', TENT]);
    expect(emu.store.findLabel(REPO, 'fine')).toBeUndefined();
  });

  test('DELETE one label returns 200 with the labels that remain', async () => {
    const res = await call<LabelJson[]>('DELETE', `/repos/${REPO}/issues/7/labels/${enc(TENT)}`);
    expect(res.status).toBe(200);
    expect(res.body.map((l) => l.name)).toEqual(['bug']);
    expect(emu.store.labelNames(REPO, 7)).toEqual(['bug']);
  });

  test.each([
    ['missing from the issue only', 'size/M'],
    ['missing from the repository too', 'never-created'],
  ])('DELETE of a label %s is 404 "Label does not exist"', async (_what, name) => {
    const res = await call<ErrorJson>('DELETE', `/repos/${REPO}/issues/7/labels/${enc(name)}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ message: 'Label does not exist', status: '404' });
  });

  test('PUT replaces the whole set, dropping labels added in between', async () => {
    emu.store.addLabels(REPO, 7, ['added by a person']);
    const res = await call<LabelJson[]>('PUT', `/repos/${REPO}/issues/7/labels`, {
      labels: ['bug', 'other'],
    });
    expect(res.status).toBe(200);
    expect(emu.store.labelNames(REPO, 7)).toEqual(['bug', 'other']);
  });

  test('PUT with an empty list and DELETE all both clear the labels', async () => {
    expect((await call('PUT', `/repos/${REPO}/issues/7/labels`, { labels: [] })).status).toBe(200);
    expect(emu.store.labelNames(REPO, 7)).toEqual([]);
    emu.store.addLabels(REPO, 8, ['bug']);
    expect((await call('DELETE', `/repos/${REPO}/issues/8/labels`)).status).toBe(204);
    expect(emu.store.labelNames(REPO, 8)).toEqual([]);
  });

  test('labels of an unknown issue or repository are 404', async () => {
    expect((await call('GET', `/repos/${REPO}/issues/999/labels`)).status).toBe(404);
    expect((await call('GET', `/repos/apache/nope/issues/7/labels`)).status).toBe(404);
  });

  test('adding labels bumps updated_at of the issue', async () => {
    emu.store.clock = () => new Date('2030-01-02T03:04:05.678Z');
    await call('POST', `/repos/${REPO}/issues/8/labels`, { labels: ['bug'] });
    expect(emu.store.issue(REPO, 8).updatedAt).toBe('2030-01-02T03:04:05Z');
  });
});

describe('label names in paths', () => {
  test.each([
    ['an emoji name', TENT, `%F0%9F%8E%AA%20%E2%9A%A1%20showtime-trigger-start`],
    ['a name with a slash', 'size/M', 'size%2FM'],
    ['a name with spaces', 'good first issue', 'good%20first%20issue'],
  ])('%s is percent-encoded UTF-8', async (_what, name, encoded) => {
    expect(enc(name)).toBe(encoded);
    emu.store.addLabels(REPO, 8, [name]);
    const res = await call<LabelJson[]>('DELETE', `/repos/${REPO}/issues/8/labels/${encoded}`);
    expect(res.status).toBe(200);
    expect(emu.store.labelNames(REPO, 8)).toEqual([]);
  });

  test('a + in a path is a plus, not a space', async () => {
    emu.store.addLabels(REPO, 8, ['a b', 'a+b']);
    const res = await call<LabelJson[]>('DELETE', `/repos/${REPO}/issues/8/labels/a+b`);
    expect(res.status).toBe(200);
    expect(emu.store.labelNames(REPO, 8)).toEqual(['a b']);
  });

  test('invalid percent-encoding is 404, not a crash', async () => {
    const res = await call<ErrorJson>('DELETE', `/repos/${REPO}/issues/8/labels/%E0%A4%A`);
    expect(res.status).toBe(404);
  });

  test('label URLs in bodies are percent-encoded and can be followed', async () => {
    const res = await call<LabelJson[]>('GET', `/repos/${REPO}/issues/7/labels`);
    const tent = res.body.find((l) => l.name === TENT);
    expect(tent?.url).toBe(`${emu.url}/repos/${REPO}/labels/${enc(TENT)}`);
    const followed = await call<LabelJson>('GET', pathOf(tent?.url));
    expect(followed.body.name).toBe(TENT);
  });
});

describe('case-insensitive identity', () => {
  test('adding BUG to an issue attaches the existing "bug" label, keeping its first casing', async () => {
    const res = await call<LabelJson[]>('POST', `/repos/${REPO}/issues/8/labels`, { labels: ['BUG'] });
    expect(res.body.map((l) => l.name)).toEqual(['bug']);
    expect(emu.store.repoLabels(REPO).filter((l) => l.name.toLowerCase() === 'bug')).toHaveLength(1);
  });

  test.each([
    ['DELETE issue label', 'DELETE', `/repos/${REPO}/issues/7/labels/BuG`, 200],
    ['GET repo label', 'GET', `/repos/${REPO}/labels/BUG`, 200],
    ['POST repo label', 'POST', `/repos/${REPO}/labels`, 422],
  ])('%s matches regardless of case', async (_what, method, path, status) => {
    const res = await call<LabelJson | ErrorJson>(
      method,
      path,
      method === 'POST' ? { name: 'Bug' } : undefined,
    );
    expect(res.status).toBe(status);
  });

  test('labels given in two casings in one request are added once', async () => {
    const res = await call<LabelJson[]>('POST', `/repos/${REPO}/issues/8/labels`, {
      labels: ['Fresh', 'fresh'],
    });
    expect(res.body.map((l) => l.name)).toEqual(['Fresh']);
  });
});

describe('repository labels', () => {
  test('POST creates a label: 201 with the label', async () => {
    const name = '🎪 🛑 showtime-trigger-stop';
    const res = await call<LabelJson>('POST', `/repos/${REPO}/labels`, {
      name,
      color: 'ABCDEF',
      description: 'stop',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, color: 'ABCDEF', description: 'stop', default: false });
  });

  test('POST of an existing name is 422 already_exists', async () => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/labels`, { name: 'bug', color: '000000' });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe('Validation Failed');
    expect(res.body.errors).toEqual([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  });

  test.each([
    ['50 ASCII characters', 'x'.repeat(50), 201],
    ['51 ASCII characters', 'x'.repeat(51), 422],
    ['50 emoji (100 UTF-16 units, 50 characters)', '🎪'.repeat(50), 201],
    ['51 emoji', '🎪'.repeat(51), 422],
  ])('a name of %s → %s', async (_what, name, status) => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/labels`, { name });
    expect(res.status).toBe(status);
    if (status === 422) {
      expect(res.body.errors?.[0]).toMatchObject({ code: 'custom', field: 'name' });
      expect(res.body.errors?.[0]?.message).toContain('maximum is 50 characters');
    }
  });

  test.each([
    ['a colour with #', { name: 'a', color: '#ffffff' }, 'invalid', 'color'],
    ['a 3-digit colour', { name: 'a', color: 'fff' }, 'invalid', 'color'],
    ['no name', { color: 'ffffff' }, 'missing_field', 'name'],
    ['a blank name', { name: '  ' }, 'missing_field', 'name'],
    ['a description of 101 characters', { name: 'a', description: 'd'.repeat(101) }, 'custom', 'description'],
  ])('POST with %s is 422', async (_what, body, code, field) => {
    const res = await call<ErrorJson>('POST', `/repos/${REPO}/labels`, body);
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]).toMatchObject({ code, field });
  });

  test('GET one label; unknown is 404', async () => {
    const found = await call<LabelJson>('GET', `/repos/${REPO}/labels/${enc('size/M')}`);
    expect(found.body).toMatchObject({ name: 'size/M', color: '00ff00', description: null });
    expect((await call('GET', `/repos/${REPO}/labels/missing`)).status).toBe(404);
  });

  test('PATCH renames and recolours; issues keep the renamed label', async () => {
    const res = await call<LabelJson>('PATCH', `/repos/${REPO}/labels/bug`, {
      new_name: 'defect',
      color: '111111',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'defect', color: '111111' });
    expect(emu.store.labelNames(REPO, 7)).toEqual(['defect', TENT]);
  });

  test('PATCH to a name another label has is 422; a change of case only is fine', async () => {
    const clash = await call<ErrorJson>('PATCH', `/repos/${REPO}/labels/bug`, { new_name: 'SIZE/m' });
    expect(clash.status).toBe(422);
    const recase = await call<LabelJson>('PATCH', `/repos/${REPO}/labels/bug`, { new_name: 'Bug' });
    expect(recase.body.name).toBe('Bug');
    expect((await call('PATCH', `/repos/${REPO}/labels/missing`, { color: '000000' })).status).toBe(404);
  });

  test('DELETE removes the label from the repository and from every issue', async () => {
    expect((await call('DELETE', `/repos/${REPO}/labels/bug`)).status).toBe(204);
    expect(emu.store.labelNames(REPO, 7)).toEqual([TENT]);
    expect((await call('DELETE', `/repos/${REPO}/labels/bug`)).status).toBe(404);
  });
});

describe('pagination', () => {
  const names = Array.from({ length: 35 }, (_, i) => `label-${String(i).padStart(2, '0')}`);

  test('issue labels beyond 30: two pages, Link headers with next/last then prev/first', async () => {
    emu.store.addLabels(REPO, 8, names);
    const first = await call<LabelJson[]>('GET', `/repos/${REPO}/issues/8/labels`);
    expect(first.body).toHaveLength(30);
    const links = parseLinkHeader(first.headers.get('link'));
    expect(Object.keys(links)).toEqual(['next', 'last']);
    expect(links['next']).toBe(`${emu.url}/repos/${REPO}/issues/8/labels?page=2`);
    const second = await call<LabelJson[]>('GET', pathOf(links['next']));
    expect(second.body.map((l) => l.name)).toEqual(names.slice(30));
    expect(Object.keys(parseLinkHeader(second.headers.get('link')))).toEqual(['prev', 'first']);
  });

  test('per_page above 100 is clamped to 100; a middle page links all four ways', async () => {
    const many = Array.from({ length: 250 }, (_, i) => `l${String(i).padStart(3, '0')}`);
    for (const name of many) emu.store.createLabel(REPO, { name });
    const all = emu.store.repoLabels(REPO).length;
    expect(all).toBe(253);
    const clamped = await call<LabelJson[]>('GET', `/repos/${REPO}/labels?per_page=1000`);
    expect(clamped.body).toHaveLength(100);
    const middle = await call<LabelJson[]>('GET', `/repos/${REPO}/labels?per_page=100&page=2`);
    const links = parseLinkHeader(middle.headers.get('link'));
    expect(Object.keys(links)).toEqual(['prev', 'next', 'last', 'first']);
    expect(links['last']).toBe(`${emu.url}/repos/${REPO}/labels?per_page=100&page=${Math.ceil(all / 100)}`);
  });

  test('a list that fits on one page has no Link header', async () => {
    const res = await call<LabelJson[]>('GET', `/repos/${REPO}/issues/7/labels`);
    expect(res.headers.get('link')).toBeNull();
  });

  test.each([
    ['per_page=0', 'per_page=0', 30],
    ['per_page=abc', 'per_page=abc', 30],
    ['page=0', 'page=0', 30],
    ['per_page=5', 'per_page=5', 5],
  ])('%s falls back like GitHub', async (_what, query, expected) => {
    emu.store.addLabels(REPO, 8, names);
    const res = await call<LabelJson[]>('GET', `/repos/${REPO}/issues/8/labels?${query}`);
    expect(res.body).toHaveLength(expected);
  });
});
