// The bench's time accounting: where a step's wall time goes, from timestamped events.
import fc from 'fast-check';
import type { Interval } from '../../bench/phases.js';
import { breakdown, runsOf, unionMs } from '../../bench/phases.js';

const gh = (start: number, end: number): Interval => ({ kind: 'github', start, end });
const aws = (start: number, end: number): Interval => ({ kind: 'aws', start, end });
const docker = (start: number, end: number): Interval => ({ kind: 'docker', start, end });

test.each<[string, Interval[], number]>([
  ['nothing', [], 0],
  ['one', [gh(0, 10)], 10],
  ['disjoint', [gh(0, 10), gh(20, 25)], 15],
  ['overlapping', [gh(0, 10), gh(5, 15)], 15],
  ['nested', [gh(0, 20), gh(5, 10)], 20],
  ['touching', [gh(0, 10), gh(10, 20)], 20],
  ['out of order', [gh(20, 30), gh(0, 10)], 20],
])('unionMs: %s', (_name, intervals, expected) => {
  expect(unionMs(intervals)).toBe(expected);
});

test('runsOf groups consecutive events of one kind, in start order', () => {
  expect(runsOf([aws(30, 31), gh(0, 1), gh(2, 3), aws(10, 11), gh(40, 41)])).toEqual([
    [gh(0, 1), gh(2, 3)],
    [aws(10, 11), aws(30, 31)],
    [gh(40, 41)],
  ]);
});

test.each<[string, Interval[], Partial<ReturnType<typeof breakdown>>]>([
  ['no event: all of it is start-up', [], { wallMs: 1000, startupMs: 1000, ownMs: 0 }],
  [
    'a run of AWS calls counts the waits between them',
    [gh(300, 310), aws(400, 410), aws(600, 610), aws(800, 810), gh(900, 920)],
    { startupMs: 300, githubMs: 30, awsMs: 410, dockerMs: 0, ownMs: 260 },
  ],
  [
    'a GitHub call between two AWS runs splits them',
    [aws(100, 110), gh(200, 210), aws(300, 310)],
    { startupMs: 100, githubMs: 10, awsMs: 20, ownMs: 870 },
  ],
  [
    'docker calls count by their own length',
    [docker(100, 200), docker(250, 300), gh(400, 450)],
    { startupMs: 100, dockerMs: 150, githubMs: 50, ownMs: 700 },
  ],
  [
    'events outside the step are ignored',
    [gh(-50, -10), gh(100, 110), gh(1500, 1600)],
    { startupMs: 100, githubMs: 10, ownMs: 890 },
  ],
])('breakdown: %s', (_name, events, expected) => {
  expect(breakdown(0, 1000, events)).toMatchObject({ wallMs: 1000, ...expected });
});

test('breakdown: the parts never exceed the wall time and own work is never negative', () => {
  const event = fc
    .record({
      kind: fc.constantFrom<Interval['kind']>('github', 'aws', 'docker'),
      start: fc.integer({ min: 0, max: 1000 }),
      length: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ kind, start, length }): Interval => ({ kind, start, end: Math.min(1000, start + length) }));
  fc.assert(
    fc.property(fc.array(event, { maxLength: 30 }), (events) => {
      const b = breakdown(0, 1000, events);
      expect(b.ownMs).toBeGreaterThanOrEqual(0);
      expect(b.startupMs + b.githubMs + b.awsMs + b.dockerMs).toBeLessThanOrEqual(1000 + 1e-9);
    }),
  );
});

test('breakdown: events of two kinds that overlap count once', () => {
  expect(breakdown(0, 1000, [gh(100, 600), aws(300, 700)])).toMatchObject({
    startupMs: 100,
    githubMs: 500,
    awsMs: 100,
    ownMs: 300,
  });
});
