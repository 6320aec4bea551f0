// The bench's figures and their markdown: pure helpers.
import { adapterTotal, runningLabels, shaOf } from '../../bench/measure.js';
import type { BenchResults } from '../../bench/report.js';
import {
  median,
  medianBreakdown,
  reads,
  renderMarkdown,
  shortRoute,
  topEntries,
  total,
} from '../../bench/report.js';
import { awsOperation } from '../../bench/trace.js';
import { buildPrState } from '../../src/core/state.js';
import { requireSha } from '../../src/core/values.js';

test.each<[number[], number]>([
  [[], Number.NaN],
  [[5], 5],
  [[3, 1, 2], 2],
  [[4, 1, 3, 2], 2.5],
  [[10, 10, 1000, 10, 10], 10],
])('median of %j is %d', (values, expected) => {
  expect(median(values)).toBe(expected);
});

test('medianBreakdown takes each column’s median, and the median of each run’s orchestration', () => {
  const b = (wallMs: number, githubMs: number, awsMs: number) => ({
    wallMs,
    startupMs: 1,
    githubMs,
    awsMs,
    dockerMs: 0,
    ownMs: 2,
  });
  expect(medianBreakdown([b(10, 7, 9), b(30, 1, 0), b(20, 5, 1)])).toEqual({
    ...b(20, 5, 1),
    // 10−9, 30−0, 20−1: not 20 − 1, the difference of the medians.
    orchestrationMs: 19,
  });
  expect(medianBreakdown([b(100, 0, 90), b(50, 0, 0), b(60, 0, 55)]).orchestrationMs).toBe(10);
});

test.each<[Record<string, number>, number, string]>([
  [{}, 3, ''],
  [{ a: 1, b: 3, c: 2 }, 2, 'b ×3, c ×2, … 1 more'],
  [{ b: 2, a: 2 }, 5, 'a ×2, b ×2'],
  [{ a: 0, b: 1 }, 5, 'b ×1'],
])('topEntries(%j, %d)', (counts, n, expected) => {
  expect(topEntries(counts, n)).toBe(expected);
});

test('counts: totals, reads and short routes', () => {
  const counts = {
    'GET /repos/{owner}/{repo}/pulls/{pull_number}': 2,
    'POST /repos/{owner}/{repo}/issues/{issue_number}/labels': 3,
    'GET /search/issues': 1,
  };
  expect(total(counts)).toBe(6);
  expect(reads(counts)).toBe(3);
  expect(shortRoute('GET /repos/{owner}/{repo}/pulls/{pull_number}')).toBe('GET /pulls/{pull_number}');
  expect(shortRoute('GET /search/issues')).toBe('GET /search/issues');
});

test.each<[Record<string, string>, string, string]>([
  [{ 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.CreateService' }, '{}', 'ECS:CreateService'],
  [{}, 'Action=DescribeNetworkInterfaces&Version=2016-11-15', 'EC2:DescribeNetworkInterfaces'],
  [{}, '', 'AWS:unknown'],
])('awsOperation(%j, %s) is %s', (headers, body, expected) => {
  expect(awsOperation(headers, body)).toBe(expected);
});

test.each<[string, 'created' | 'deleted', number | undefined]>([
  ['registered x\ncreated environment pr-5-aaaaaaa with 8 AWS API calls\n', 'created', 8],
  ['deleted pr-5-aaaaaaa: 2 removed, 0 already gone, 0 failed, with 5 AWS API calls', 'deleted', 5],
  ['created environment pr-5-aaaaaaa with 8 AWS API calls', 'deleted', undefined],
  ['nothing here', 'created', undefined],
])('adapterTotal reads the ECS adapter’s own count', (stdout, verb, expected) => {
  expect(adapterTotal(stdout, verb)).toBe(expected);
});

test('the sweep’s seeded labels describe one running, active environment', () => {
  const sha = requireSha(shaOf('sweep-1'));
  expect(sha).toMatch(/^[0-9a-f]{40}$/);
  const state = buildPrState({ number: 1, headSha: sha, open: true, labels: runningLabels(sha, new Date()) });
  expect(state.problems).toEqual([]);
  expect(state.active).toBe(sha.slice(0, 7));
  expect(state.environments[sha.slice(0, 7)]).toMatchObject({
    status: 'running',
    ttl: { kind: 'duration', hours: 48 },
  });
});

test('renderMarkdown: one table per figure, pipes in cells escaped, missing values said so', () => {
  const breakdown = {
    wallMs: 900,
    startupMs: 300,
    githubMs: 200,
    awsMs: 250,
    dockerMs: 50,
    ownMs: 100,
    orchestrationMs: 600,
  };
  const results: BenchResults = {
    date: '2024-01-15',
    machine: '2 × test CPU',
    github: [{ name: 'no-op event', note: 'a | b', counts: {} }],
    sweeps: [
      {
        prs: 10,
        label: '10',
        counts: { 'GET /search/issues': 1, 'GET /repos/{owner}/{repo}/labels': 1 },
        aws: { 'ECS:ListServices': 1, 'ECS:DescribeServices': 1 },
        wallMs: 1234.5,
        outcome: 'cleaned 0',
      },
    ],
    sweepNote: 'note',
    aws: [{ name: 'create', counts: { 'ECS:CreateService': 1 }, adapterTotal: 1 }],
    coldStarts: [
      {
        bundle: 'dist/plan/index.js',
        bytes: 4_819_872,
        samplesMs: [300, 310, 290],
        firstCall: 'GET /pulls/1',
      },
      { bundle: 'dist/cleanup/index.js', samplesMs: [], note: 'no API call: exited 1' },
    ],
    orchestration: [{ name: 'first start', runs: 3, plan: breakdown, run: breakdown }],
  };
  const markdown = renderMarkdown(results);
  expect(markdown).not.toContain('paired with the previous release');
  expect(
    renderMarkdown({
      ...results,
      pairedColdStarts: {
        ref: 'main',
        pairs: 2,
        bareNodeMs: [40, 50],
        steps: [
          {
            step: 'plan',
            bytes: { current: 2_800_000, previous: 4_860_000 },
            entryBytes: { current: 580_000, previous: 4_860_000 },
            currentMs: [100, 110],
            previousMs: [300, 330],
            ratios: [1 / 3, 1 / 3],
          },
        ],
      },
    }),
  ).toContain('| plan | 580 kB (2.80 MB) | 4.86 MB | 105 ms | 315 ms | **0.33** (0.33–0.33) |');
  expect(markdown).toContain('| no-op event (a \\| b) | 0 | 0 | 0 | — |');
  expect(markdown).toContain(
    '| 10 | 2 | 0.20 | GET /labels ×1, GET /search/issues ×1 | 2 (ECS:DescribeServices ×1, ECS:ListServices ×1) | 1235 ms | cleaned 0 |',
  );
  expect(markdown).toContain('| create | 1 | 1 | ECS:CreateService ×1 |');
  expect(markdown).toContain('| dist/plan/index.js | 4.82 MB | 300 ms | 290 ms – 310 ms | GET /pulls/1 |');
  expect(markdown).toContain('| dist/cleanup/index.js | missing | no API call: exited 1 | — | — |');
  expect(markdown).toContain(
    '| first start (3 runs) | off | run | 900 ms | 50 ms | 250 ms | **600 ms** | 300 ms | 200 ms | 100 ms |',
  );
});
