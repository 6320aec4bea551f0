// The bench itself, on a small scale: it must keep running against the current bundles, and its figures must hold
// together (two independent counts of AWS calls agree; a sweep with nothing due writes nothing to a PR). No timing is
// asserted.
import { runBench } from '../../bench/run.js';
import { total } from '../../bench/report.js';

test('npm run bench, small: every figure is measured and consistent', async () => {
  const lines: string[] = [];
  const results = await runBench({
    out: (line) => lines.push(line),
    runs: 1,
    samples: 1,
    sweepSizes: [3],
    due: 1,
    pairs: 1,
  });

  const github = Object.fromEntries(results.github.map((figure) => [figure.name, total(figure.counts)]));
  expect(github['no-op event']).toBe(0);
  for (const name of ['first start', 'rolling update', 'comment command', 'live configuration', 'stop'])
    expect(github[name]).toBeGreaterThan(0);

  // Requests seen on the wire by the tracing proxy = commands counted by the ECS adapter inside the bundle.
  for (const figure of results.aws.filter((f) => f.adapterTotal !== undefined))
    expect(total(figure.counts)).toBe(figure.adapterTotal);

  const [steady, due] = results.sweeps;
  const prWrites = (counts: Record<string, number>) =>
    Object.entries(counts).filter(([route]) => !route.startsWith('GET ') && route.includes('/issues/'));
  expect(prWrites(steady!.counts)).toEqual([]);
  expect(steady!.outcome).toBe('cleaned 0');
  expect(prWrites(due!.counts).length).toBeGreaterThan(0);
  expect(due!.label).toBe('3 + 1 past their TTL');

  for (const figure of results.coldStarts) {
    expect(figure.samplesMs).toHaveLength(1);
    expect(figure.bytes).toBeGreaterThan(0);
  }
  const events = ['first start', 'rolling update', 'comment command', 'live configuration', 'stop'];
  expect(results.orchestration.map((figure) => `${figure.name}, pacing ${figure.pacing}`)).toEqual([
    ...events.map((name) => `${name}, pacing off`),
    ...events.map((name) => `${name}, pacing production`),
  ]);
  // A quiet sweep: its search page and one read of the label catalogue, no listing of the repository's labels.
  expect(steady!.counts).toEqual({
    'GET /search/issues': 1,
    'GET /repos/{owner}/{repo}/labels/{name}': 1,
  });
  // The cold start of each step, paired with the previous release's bundles.
  expect(results.pairedColdStarts?.steps.map((s) => [s.step, s.ratios.length])).toEqual([
    ['plan', 1],
    ['run', 1],
    ['cleanup', 1],
  ]);
  expect(lines.join('\n')).toContain('## Orchestration time (build and AWS waits excluded)');
}, 120_000);
