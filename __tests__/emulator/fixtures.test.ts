// Conformance: replays requests recorded against the real api.github.com (npm @octokit/fixtures) and compares the
// emulator's answers with the recorded ones: status, the keys of every recorded object, and the fields that carry
// meaning. Ids, URLs and timestamps are not compared (the recordings normalise them).
//
// Differences by design (the recordings date from 2017 and were re-normalised in 2022):
// - the recorded `/repositories/1000/…` links address the repository by an id the emulator assigns differently: the
//   replay substitutes the emulator's id, and the emulator's own Link headers repeat the path the client used;
// - `author_association` is MEMBER in the recordings (organisation members); the emulator knows owners and
//   collaborators only, so it is not compared;
// - `comments` and `score` are normalised to 42 in the recordings; the emulator reports real values;
// - the search response gained `search_type` since; the emulator sends it (extra keys are allowed).
import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseLinkHeader, startEmulator } from '../../test-support/github-emulator/index.js';
import type { Emulator, Seed, SeedIssue, SeedLabel } from '../../test-support/github-emulator/index.js';
import { client } from './helpers.js';

interface Recording {
  method: string;
  path: string;
  body?: unknown;
  status: number;
  response: unknown;
  headers: Record<string, string>;
  reqheaders: Record<string, string | number>;
}

const FIXTURES = join(
  dirname(createRequire(import.meta.url).resolve('@octokit/fixtures/package.json')),
  'scenarios',
  'api.github.com',
);

function recordings(scenario: string): Recording[] {
  return JSON.parse(readFileSync(join(FIXTURES, scenario, 'normalized-fixture.json'), 'utf8')) as Recording[];
}

const RECORDED_TOKEN = '0000000000000000000000000000000000000001';
const ORG = 'octokit-fixture-org';

type Json = Record<string, unknown>;

/** Keys present in a recorded object but missing from the emulator's answer, as JSON paths. */
function missingKeys(recorded: unknown, actual: unknown, path = '$'): string[] {
  if (Array.isArray(recorded)) {
    if (!Array.isArray(actual)) return [`${path} (expected an array)`];
    return recorded.flatMap((item, i) => missingKeys(item, actual[i], `${path}[${i}]`));
  }
  if (recorded === null || typeof recorded !== 'object') return [];
  if (actual === null || typeof actual !== 'object') {
    // A null in either answer is a value, not a shape: `closed_by` is null when open, an object when closed.
    return actual === null || recorded === null ? [] : [`${path} (expected an object)`];
  }
  return Object.entries(recorded as Json).flatMap(([key, value]) =>
    key in (actual as Json)
      ? missingKeys(value, (actual as Json)[key], `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

function labelFields(label: unknown) {
  const l = label as Json;
  return { name: l['name'], color: l['color'], default: l['default'], description: l['description'] };
}

function issueFields(issue: unknown) {
  const i = issue as Json;
  return {
    number: i['number'],
    title: i['title'],
    state: i['state'],
    body: i['body'],
    user: (i['user'] as Json)['login'],
    labels: (i['labels'] as unknown[]).map(labelFields),
  };
}

/** The meaningful fields of a body: what the replay compares for equality. */
function keyFields(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(keyFields);
  if (body === null || typeof body !== 'object') return body;
  const b = body as Json;
  if ('items' in b) {
    return {
      total_count: b['total_count'],
      incomplete_results: b['incomplete_results'],
      items: keyFields(b['items']),
    };
  }
  if ('number' in b) return issueFields(b);
  if ('color' in b) return labelFields(b);
  return { message: b['message'], errors: b['errors'] };
}

function relPages(link: string | undefined | null): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(parseLinkHeader(link)).map(([rel, url]) => [rel, new URL(url).searchParams.get('page')]),
  );
}

let emu: Emulator | undefined;

afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function replay(scenario: string, seed: Seed): Promise<void> {
  emu = await startEmulator({ seed: { token: RECORDED_TOKEN, actor: 'octokit-fixture-user-a', ...seed } });
  const call = client(emu);
  const repoId = emu.store.repositories()[0]?.id ?? 0;
  for (const recording of recordings(scenario)) {
    expect(recording.reqheaders['authorization']).toBe(`token ${RECORDED_TOKEN}`);
    const path = recording.path.replace('/repositories/1000/', `/repositories/${repoId}/`);
    const body = recording.body === '' || recording.body === undefined ? undefined : recording.body;
    const res = await call(recording.method.toUpperCase(), path, body);
    const where = `${recording.method.toUpperCase()} ${recording.path}`;
    expect({ where, status: res.status }).toEqual({ where, status: recording.status });
    if (recording.status === 204) {
      expect(res.body).toBeUndefined();
      continue;
    }
    expect({ where, missing: missingKeys(recording.response, res.body) }).toEqual({ where, missing: [] });
    expect(keyFields(res.body)).toEqual(keyFields(recording.response));
    expect({ where, links: relPages(res.headers.get('link')) }).toEqual({
      where,
      links: relPages(recording.headers['link']),
    });
  }
}

function issuesFrom(scenario: string): SeedIssue[] {
  const byNumber = new Map<number, SeedIssue>();
  for (const recording of recordings(scenario)) {
    const body = recording.response as Json;
    const items = Array.isArray(body) ? body : ((body['items'] as Json[] | undefined) ?? []);
    for (const item of items as Json[]) {
      byNumber.set(item['number'] as number, {
        number: item['number'] as number,
        title: item['title'] as string,
        body: item['body'] as string | null,
        author: (item['user'] as Json)['login'] as string,
        state: item['state'] as 'open' | 'closed',
        createdAt: item['created_at'] as string,
        updatedAt: item['updated_at'] as string,
      });
    }
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

describe('replay of @octokit/fixtures recordings', () => {
  test('labels: list, create, get, rename, delete', async () => {
    const listed = recordings('labels')[0]?.response as Json[];
    const labels: SeedLabel[] = listed.map((l) => ({
      name: l['name'] as string,
      color: l['color'] as string,
      description: l['description'] as string | null,
      default: l['default'] as boolean,
    }));
    expect(labels).toHaveLength(9);
    await replay('labels', { repositories: [{ owner: ORG, name: 'labels', labels }] });
  });

  test('add-labels-to-issue: create an issue, add three new labels with mixed case', async () => {
    await replay('add-labels-to-issue', { repositories: [{ owner: ORG, name: 'add-labels-to-issue' }] });
  });

  test('search-issues: full-text search within a repository', async () => {
    const issues = issuesFrom('search-issues');
    expect(issues.map((i) => i.number)).toEqual([1, 2]);
    await replay('search-issues', { repositories: [{ owner: ORG, name: 'search-issues', issues }] });
  });

  test('paginate-issues: five pages of three, following the Link headers', async () => {
    const issues = issuesFrom('paginate-issues');
    expect(issues).toHaveLength(13);
    await replay('paginate-issues', { repositories: [{ owner: ORG, name: 'paginate-issues', issues }] });
  });

  test('errors: an invalid label colour is 422 with the field named', async () => {
    await replay('errors', { repositories: [{ owner: ORG, name: 'errors' }] });
  });
});

describe('the replay comparison', () => {
  test.each([
    ['a missing key', { a: 1, b: 2 }, { a: 1 }, ['$.b']],
    ['a missing nested key', { u: { login: 'x' } }, { u: {} }, ['$.u.login']],
    ['a missing key in an array item', [{ a: 1 }], [{}], ['$[0].a']],
    ['an object where an array was recorded', [{ a: 1 }], { a: 1 }, ['$ (expected an array)']],
    ['extra keys only', { a: 1 }, { a: 2, b: 3 }, []],
    ['null against an object', { closed_by: null }, { closed_by: { login: 'x' } }, []],
  ])('reports %s', (_what, recorded, actual, expected) => {
    expect(missingKeys(recorded, actual)).toEqual(expected);
  });
});
