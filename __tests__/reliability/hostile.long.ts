// Hostile input, end to end through the bundles: label names, comment bodies, dispatch inputs, mutated real payloads,
// action inputs and labels set by hand to lie. No crash (a failure is a clear message naming the input), no request
// touching another PR, no hostile value on docker's command line, and the URL a run reports comes from ECS.
import fc from 'fast-check';
import { parsePayload } from '../../src/core/payload.js';
import { activeLabel, addressLabel, statusLabel, TRACKED, TRIGGER_START } from '../../src/core/labels.js';
import type { ActionWorld, StepResult } from '../../test-support/action-world.js';
import { createManagedService, FULL, REPO, TASK_IP } from '../../test-support/action-world.js';
import { commentEvent, dispatchEvent, pullRequestEvent } from '../../test-support/payloads.js';
import type { RecordingProxy, ReliabilityWorld } from './helpers.js';
import {
  commented,
  freshPr,
  labeled,
  ok,
  PEOPLE,
  seconds,
  startRecordingProxy,
  startReliabilityWorld,
  writeFigures,
} from './helpers.js';
import { describeTruth, managedServices, observeTruth } from './truth.js';

let rig: ReliabilityWorld;
let world: ActionWorld;
let proxy: RecordingProxy;
let bystander: { pr: number; head: string; service: string };
const figures: string[] = [];
let runs = 0;
const started = Date.now();

beforeAll(async () => {
  rig = await startReliabilityWorld();
  world = rig.world;
  proxy = await startRecordingProxy(world.github.url);
  // Another PR with a running environment of its own: nothing any run below does may touch it.
  const { pr, head } = freshPr(world, { base: 900 });
  const sha = head.slice(0, 7);
  world.github.store.addLabels(FULL, pr, [
    TRACKED,
    statusLabel(sha, 'running'),
    activeLabel(sha),
    addressLabel(sha, { host: TASK_IP, port: rig.port }),
  ]);
  bystander = {
    pr,
    head,
    service: await createManagedService(world, { pr, sha7: sha, createdAt: new Date() }),
  };
}, 120_000);

afterAll(async () => {
  writeFigures('hostile (hostile.long.ts)', [
    '## Hostile input end to end (`hostile.long.ts`)',
    '',
    `- ${runs} bundle runs with hostile label names, comment bodies, dispatch inputs, mutated payloads, action ` +
      `inputs and lying labels, ${seconds(Date.now() - started)}`,
    ...figures,
  ]);
  await proxy?.stop();
  await rig?.stop();
});

/** PR numbers in the paths of the requests recorded since `from`. */
function touched(from: number): number[] {
  return proxy.requests
    .slice(from)
    .flatMap((request) => {
      const match = /\/(?:issues|pulls)\/(\d+)(?:\/|$|\?)/.exec(request.url);
      return match ? [Number(match[1])] : [];
    })
    .filter((n, i, all) => all.indexOf(n) === i);
}

/** One bundle step with GitHub seen through the recording proxy. */
async function step(
  kind: 'plan' | 'run',
  event: string,
  payload: unknown,
  extra: { inputs?: Record<string, string>; planFile?: string; runId?: string } = {},
): Promise<StepResult> {
  runs += 1;
  return world.runStep(kind, event, payload, { ...extra, env: { GITHUB_API_URL: proxy.url } });
}

/** A failure must be one line naming what was wrong, never a stack trace. */
function expectClearFailure(result: StepResult, mentions: RegExp): void {
  expect(result.code).toBe(1);
  const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors.join('\n')).toMatch(mentions);
  expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

function bystanderUntouched(): void {
  expect(world.labels(bystander.pr)).toEqual(
    expect.arrayContaining([statusLabel(bystander.head, 'running'), activeLabel(bystander.head)]),
  );
  expect(world.github.store.comments(FULL, bystander.pr)).toEqual([]);
}

const HOSTILE_LABELS = [
  '🎪 ⚡ showtime-trigger-start; rm -rf /',
  '🎪 conf-enable-$(touch /tmp/pwned)',
  '$(id)',
  '🎪 🎯 deadbee && curl evil.example',
  '🎪 🔐 lock-pr-1-aaaaaaa',
];

describe('hostile input through the bundles', () => {
  test.each(HOSTILE_LABELS)(
    'label %j: nothing to do, not one API call',
    async (label) => {
      const { pr, head } = freshPr(world);
      const from = proxy.requests.length;
      const plan = ok(
        await step('plan', 'pull_request_target', labeled(world, pr, label, PEOPLE.maintain, head)),
      );
      expect(plan.outputs.action).toBe('nothing');
      expect(proxy.requests.length).toBe(from);
    },
    30_000,
  );

  test('comment bodies with shell, markdown and out-of-range values: errors answered, nothing deployed', async () => {
    const { pr } = freshPr(world);
    const builds = world.docker.calls().length;
    const services = (await managedServices(world)).length;
    const from = proxy.requests.length;
    const body = [
      '/showtime start $(touch /tmp/pwned)',
      '/showtime enable ALERTS;rm -rf /',
      '/showtime extend 99999h',
      '/showtime size `id`',
      '/showtime start ../../etc/passwd',
    ].join('\n');
    const event = commented(world, pr, body, PEOPLE.maintain);
    const plan = ok(await step('plan', 'issue_comment', event));
    ok(await step('run', 'issue_comment', event, { planFile: plan.outputs['plan-file'], runId: undefined }));
    expect(plan.outputs['build-needed']).toBe('false');
    expect(world.docker.calls().length).toBe(builds);
    expect((await managedServices(world)).length).toBe(services);
    expect(touched(from)).toEqual([pr]);
    const reply = world.github.store
      .comments(FULL, pr)
      .map((c) => c.body)
      .join('\n');
    expect(reply).toContain('Accepted form');
    bystanderUntouched();
    figures.push(
      '- a comment of five hostile commands: each answered with its accepted form, nothing built or deployed',
    );
  }, 60_000);

  test.each([
    [{ 'pr-number': '1; rm -rf /' }, /pr-number/],
    [{ 'pr-number': '$(id)' }, /pr-number/],
    [{ 'pr-number': '', sha: 'abc' }, /pr-number/],
    // A JSON number past 2^53 gets through parsePayload; the adapter refuses it before any request.
    [{ 'pr-number': 9007199254740992 as unknown as string }, /pull request number/],
  ])(
    'dispatch inputs %j: refused with a message naming the input',
    async (inputs, mentions) => {
      const from = proxy.requests.length;
      const result = await step(
        'plan',
        'workflow_dispatch',
        dispatchEvent({ repo: REPO, sender: PEOPLE.maintain, inputs }),
      );
      expectClearFailure(result, mentions);
      expect(proxy.requests.length).toBe(from);
    },
    30_000,
  );

  test('a hostile sha in a dispatch is refused before anything is written', async () => {
    const { pr } = freshPr(world);
    const from = proxy.requests.length;
    const result = await step(
      'plan',
      'workflow_dispatch',
      dispatchEvent({
        repo: REPO,
        sender: PEOPLE.maintain,
        inputs: { 'pr-number': String(pr), sha: '$(id)' },
      }),
    );
    expectClearFailure(result, /'sha'/);
    expect(proxy.requests.length).toBe(from);
  }, 30_000);

  test('mutated real payloads: a decision or a clear failure, and requests only for the PR the payload names', async () => {
    const { pr, head } = freshPr(world);
    const bases: [string, Record<string, unknown>][] = [
      [
        'pull_request_target',
        pullRequestEvent({
          action: 'labeled',
          repo: REPO,
          pr,
          headSha: head,
          sender: PEOPLE.maintain,
          label: TRIGGER_START,
        }),
      ],
      ['issue_comment', commentEvent({ repo: REPO, pr, body: '/showtime status', sender: PEOPLE.maintain })],
    ];
    const hostile = fc.oneof(
      fc.constantFrom('$(id)', '`id`', "'; rm -rf /", 'x'.repeat(500), -1, 1e21, null, {}, []),
      fc.anything(),
    );
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.constantFrom('number', 'sender', 'head', 'label', 'body', 'action'),
        hostile,
        async (which, field, value) => {
          const [name, base] = bases[which]!;
          const payload = structuredClone(base) as Record<string, Record<string, unknown>>;
          const target = payload.pull_request ?? payload.issue ?? {};
          if (field === 'number') target.number = value;
          if (field === 'sender') payload.sender = { login: value } as Record<string, unknown>;
          if (field === 'head' && payload.pull_request) payload.pull_request.head = { sha: value };
          if (field === 'label') payload.label = { name: value } as Record<string, unknown>;
          if (field === 'body' && payload.comment) payload.comment.body = value;
          if (field === 'action') (payload as Record<string, unknown>).action = value;
          let expectedPr: number | undefined;
          try {
            const facts = parsePayload(name, payload);
            expectedPr = 'pr' in facts ? facts.pr : undefined;
          } catch {
            expectedPr = undefined;
          }
          const from = proxy.requests.length;
          const result = await step('plan', name, payload);
          if (result.code !== 0) {
            failures += 1;
            expectClearFailure(result, /showtime plan: /);
          }
          for (const n of touched(from)) expect(n).toBe(expectedPr);
        },
      ),
      { numRuns: 10, seed: 4242 },
    );
    bystanderUntouched();
    figures.push(
      `- 10 mutated real payloads through the plan bundle: ${failures} refused with a clear message, no stray request`,
    );
  }, 90_000);

  test.each([
    [{ 'feature-flags': 'ALERTS;$(id)' }, /feature-flags/],
    [{ 'default-ttl': '99y' }, /default-ttl/],
    [{ 'lease-minutes': '-1' }, /lease-minutes/],
  ])(
    'action inputs %j: the run stops with a message naming the input',
    async (inputs, mentions) => {
      const { pr, head } = freshPr(world);
      const result = await step(
        'plan',
        'pull_request_target',
        labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head),
        { inputs },
      );
      expectClearFailure(result, mentions);
    },
    30_000,
  );

  test('a hostile image repository is refused before docker runs', async () => {
    const { pr, head } = freshPr(world);
    const inputs = { 'image-repository': 'apache/superset; rm -rf /' };
    const event = labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head);
    const plan = ok(await step('plan', 'pull_request_target', event, { inputs }));
    const builds = world.docker.calls().filter((argv) => argv[1] === 'build').length;
    const run = await step('run', 'pull_request_target', event, {
      inputs,
      planFile: plan.outputs['plan-file'],
    });
    expectClearFailure(run, /showtime/);
    expect(world.docker.calls().filter((argv) => argv[1] === 'build').length).toBe(builds);
    expect(
      world.github.store
        .comments(FULL, pr)
        .map((c) => c.body)
        .join('\n'),
    ).toMatch(/image-repository/);
    expect((await managedServices(world)).filter((s) => s.pr === pr)).toEqual([]);
  }, 60_000);

  test('labels set by hand to lie redirect neither the URL nor the deletes, and the argv is exactly the expected', async () => {
    const { pr, head } = freshPr(world);
    const victim = bystander.head.slice(0, 7);
    // A 🌐 pointing elsewhere, a second 🎯, a status for a SHA that never ran, and one naming another PR's SHA.
    world.github.store.addLabels(FULL, pr, [
      TRACKED,
      statusLabel('deadbee', 'running'),
      activeLabel('deadbee'),
      addressLabel('deadbee', { host: '6.6.6.6', port: 80 }),
      statusLabel(victim, 'running'),
      activeLabel(victim),
      addressLabel(victim, { host: '6.6.6.6', port: 443 }),
    ]);
    const before = world.docker.calls().length;
    const event = labeled(world, pr, TRIGGER_START, PEOPLE.maintain, head);
    const plan = ok(await step('plan', 'pull_request_target', event));
    const run = ok(await step('run', 'pull_request_target', event, { planFile: plan.outputs['plan-file'] }));
    expect(run.outputs['environment-url']).toBe(`http://${TASK_IP}:${rig.port}`);
    const services = await managedServices(world);
    expect(services.filter((s) => s.pr === pr).map((s) => s.sha)).toEqual([head.slice(0, 7)]);
    expect(services.map((s) => s.name)).toContain(bystander.service);
    bystanderUntouched();
    const builds = world.docker
      .calls()
      .slice(before)
      .filter((argv) => argv[1] === 'build');
    expect(builds).toHaveLength(1);
    const argv = builds[0] ?? [];
    expect(argv.slice(0, -1)).toEqual([
      'buildx',
      'build',
      '--push',
      '--platform',
      'linux/amd64',
      '--target',
      'ci',
      '--build-arg',
      'INCLUDE_CHROMIUM=false',
      '--build-arg',
      'LOAD_EXAMPLES_DUCKDB=true',
      '--tag',
      `apache/superset:pr-${pr}-${head.slice(0, 7)}-ci`,
    ]);
    expect(argv.at(-1)).toMatch(/\/workspace\/\.showtime\/checkout$/);
    const truth = await observeTruth(world, { prs: [pr, bystander.pr], atRest: true, port: rig.port });
    if (truth.lies.length + truth.leaks.length > 0) throw new Error(describeTruth(truth));
    figures.push(
      '- lying labels (a 🌐 elsewhere, a second 🎯, a status for a SHA that never ran, another PR’s SHA): the URL ' +
        'came from ECS, only this PR’s services were deleted, docker got exactly the expected argv',
    );
  }, 60_000);
});
