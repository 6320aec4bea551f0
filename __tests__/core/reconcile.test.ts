import fc from 'fast-check';
import type { LabelDefinition } from '../../src/core/labels.js';
import {
  activeLabel,
  addressLabel,
  createdLabel,
  lockLabel,
  statusLabel,
  TRACKED,
  TRIGGER_START,
} from '../../src/core/labels.js';
import { fenceDescription, fenceName, formatLockDescription } from '../../src/core/locks.js';
import type { ServiceSummary, SweepView } from '../../src/core/reconcile.js';
import {
  confirmUncarried,
  confirmUnclaimed,
  fenceIsStale,
  isQuiet,
  labelVerdicts,
  leftoverCandidates,
  lockIsDeletable,
  missingServices,
  movedAddresses,
  needsAction,
  onlyTracked,
  orphanVerdicts,
} from '../../src/core/reconcile.js';
import { buildPrState, UNKNOWN_HEAD } from '../../src/core/state.js';
import type { Address, PrState, Status } from '../../src/core/types.js';
import { POLICY } from './planner.cases.js';

const NOW = new Date('2026-12-03T12:00:00Z');
const MIN = 60_000;
const SHA = 'abc1234';
const OTHER = 'def5678';

function pr(number: number, labels: string[], open = true): { state: PrState; labels: string[] } {
  return { state: buildPrState({ number, headSha: UNKNOWN_HEAD, open, labels }), labels };
}

function env(sha: string, status: Status, createdMinutesAgo = 10): string[] {
  return [
    TRACKED,
    activeLabel(sha),
    statusLabel(sha, status),
    createdLabel(sha, new Date(NOW.getTime() - createdMinutesAgo * MIN)),
  ];
}

function lock(pr: number, sha: string, expiresInMinutes: number): LabelDefinition {
  const name = lockLabel(pr, sha);
  return {
    name,
    color: 'ededed',
    description: formatLockDescription({
      holder: 'run 1/1',
      expiresAt: new Date(NOW.getTime() + expiresInMinutes * MIN),
    }),
  };
}

function fence(of: LabelDefinition, fencedExpiredMinutesAgo: number): LabelDefinition {
  const lease = formatLockDescription({
    holder: 'run 0/1',
    expiresAt: new Date(NOW.getTime() - fencedExpiredMinutesAgo * MIN),
  });
  return {
    name: fenceName(of.name, of.description),
    color: 'ededed',
    description: fenceDescription(of.name, lease),
  };
}

function service(
  pr: number | undefined,
  sha: string | undefined,
  createdMinutesAgo?: number,
  status = 'ACTIVE',
): ServiceSummary {
  return {
    serviceName: `pr-${pr ?? 'x'}-${sha ?? 'x'}`,
    status,
    ...(pr === undefined ? {} : { pr }),
    ...(sha === undefined ? {} : { sha }),
    ...(createdMinutesAgo === undefined
      ? {}
      : { createdAt: new Date(NOW.getTime() - createdMinutesAgo * MIN) }),
  };
}

function view(parts: {
  prs?: { state: PrState; labels: string[] }[];
  services?: ServiceSummary[] | undefined;
  labels?: LabelDefinition[];
  handled?: string[];
  addresses?: [string, Address][];
}): SweepView {
  return {
    now: NOW,
    policy: POLICY,
    orphanGraceMinutes: 30,
    prs: new Map((parts.prs ?? []).map((p) => [p.state.number, p])),
    services: 'services' in parts ? parts.services : [],
    labels: new Map((parts.labels ?? []).map((label) => [label.name.toLowerCase(), label])),
    handled: new Set(parts.handled ?? []),
    ...(parts.addresses ? { addresses: new Map(parts.addresses) } : {}),
  };
}

describe('missingServices', () => {
  const running = pr(1, env(SHA, 'running'));
  it.each([
    ['served, no service', view({ prs: [running], services: [] }), [SHA]],
    ['served, service active', view({ prs: [running], services: [service(1, SHA, 60)] }), []],
    [
      'served, service draining',
      view({ prs: [running], services: [service(1, SHA, 60, 'DRAINING')] }),
      [SHA],
    ],
    ['services not listed', view({ prs: [running], services: undefined }), []],
    ['a live lock of the PR', view({ prs: [running], services: [], labels: [lock(1, SHA, 5)] }), []],
    ['an expired lock of the PR', view({ prs: [running], services: [], labels: [lock(1, SHA, -5)] }), [SHA]],
    ['already stopped by this sweep', view({ prs: [running], services: [], handled: [`1/${SHA}`] }), []],
  ])('%s', (_name, v, expected) => {
    expect(missingServices(v, running.state)).toEqual(expected);
  });

  it('a failed environment needs no service', () => {
    const failed = pr(1, env(SHA, 'failed'));
    expect(missingServices(view({ prs: [failed] }), failed.state)).toEqual([]);
  });
});

describe('movedAddresses', () => {
  const at = (host: string, port = 8080): Address => ({ host, port });
  const running = pr(1, [...env(SHA, 'running'), addressLabel(SHA, at('52.1.2.3'))]);
  const unlabelled = pr(1, env(SHA, 'running'));
  const failed = pr(1, [...env(SHA, 'failed'), addressLabel(SHA, at('52.1.2.3'))]);
  it.each<[string, { state: PrState; labels: string[] }, SweepView, { sha: string; address: Address }[]]>([
    ['same address', running, view({ addresses: [[`1/${SHA}`, at('52.1.2.3')]] }), []],
    [
      'a replaced task: new IP, the port the label had',
      running,
      view({ addresses: [[`1/${SHA}`, at('52.9.9.9', 9999)]] }),
      [{ sha: SHA, address: at('52.9.9.9', 8080) }],
    ],
    [
      'running without a 🌐 label',
      unlabelled,
      view({ addresses: [[`1/${SHA}`, at('52.9.9.9')]] }),
      [{ sha: SHA, address: at('52.9.9.9') }],
    ],
    ['the task between two (no address now)', running, view({ addresses: [] }), []],
    ['addresses not read (load-balancer mode, ECS unreadable)', running, view({}), []],
    ['not running', failed, view({ addresses: [[`1/${SHA}`, at('52.9.9.9')]] }), []],
    [
      'a live lock of the PR',
      running,
      view({ addresses: [[`1/${SHA}`, at('52.9.9.9')]], labels: [lock(1, SHA, 5)] }),
      [],
    ],
    [
      'already stopped by this sweep',
      running,
      view({ addresses: [[`1/${SHA}`, at('52.9.9.9')]], handled: [`1/${SHA}`] }),
      [],
    ],
  ])('%s', (_name, p, v, expected) => {
    expect(movedAddresses(v, p.state)).toEqual(expected);
  });

  it('a moved address makes the PR need action', () => {
    const v = view({
      prs: [running],
      services: [service(1, SHA, 60)],
      addresses: [[`1/${SHA}`, at('52.9.9.9')]],
    });
    expect(needsAction(v, running.state, running.labels)).toBe(true);
  });
});

describe('onlyTracked and needsAction', () => {
  it.each([
    ['closed, only TRACKED', pr(2, [TRACKED], false), true],
    ['open, only TRACKED', pr(2, [TRACKED], true), false],
    ['closed with an environment', pr(2, env(SHA, 'running'), false), false],
    ['closed without TRACKED', pr(2, [], false), false],
  ])('onlyTracked: %s', (_name, p, expected) => {
    expect(onlyTracked(p.state, p.labels)).toBe(expected);
  });

  it.each([
    ['a running environment within its TTL', pr(3, env(SHA, 'running')), [service(3, SHA, 60)], false],
    ['a running environment whose service is gone', pr(3, env(SHA, 'running')), [], true],
    [
      'a closed PR with an environment (stop)',
      pr(3, env(SHA, 'running'), false),
      [service(3, SHA, 60)],
      true,
    ],
    ['a running environment past its TTL', pr(3, env(SHA, 'running', 49 * 60)), [service(3, SHA, 60)], true],
    [
      'an active environment without 📅',
      pr(3, [TRACKED, activeLabel(SHA), statusLabel(SHA, 'running')]),
      [service(3, SHA, 60)],
      true,
    ],
    ['closed, only TRACKED', pr(3, [TRACKED], false), [], true],
  ])('needsAction: %s', (_name, p, services, expected) => {
    expect(needsAction(view({ prs: [p], services }), p.state, p.labels)).toBe(expected);
  });
});

describe('isQuiet', () => {
  const running = pr(4, env(SHA, 'running'));
  it.each([
    ['everything claimed and in order', [running], [service(4, SHA, 60)], true],
    ['services not listed', [running], undefined, false],
    ['a service no PR claims', [running], [service(4, SHA, 60), service(9, OTHER, 60)], false],
    [
      'an inactive unclaimed service',
      [running],
      [service(4, SHA, 60), service(9, OTHER, 60, 'INACTIVE')],
      true,
    ],
    ['an environment a run is busy with', [pr(4, env(SHA, 'deploying'))], [service(4, SHA, 60)], false],
    [
      'a lock label on a PR',
      [pr(4, [...env(SHA, 'running'), lockLabel(4, SHA)])],
      [service(4, SHA, 60)],
      false,
    ],
    ['a PR that needs a write', [pr(4, env(SHA, 'running'), false)], [service(4, SHA, 60)], false],
  ])('%s', (_name, pulls, services, expected) => {
    expect(isQuiet(view({ services }), pulls)).toBe(expected);
  });
});

describe('orphanVerdicts', () => {
  const claimed = pr(5, env(SHA, 'running'));
  it.each([
    ['claimed by a PR', service(5, SHA, 60), []],
    ['unclaimed, older than the grace', service(5, OTHER, 60), ['orphan-candidate']],
    ['unclaimed, younger than the grace', service(5, OTHER, 10), ['keep-young']],
    ['unclaimed, without a created-at tag', service(5, OTHER), ['orphan-candidate']],
    ['without PR and SHA', service(undefined, undefined, 60), ['keep-unidentified']],
    ['inactive', service(5, OTHER, 60, 'INACTIVE'), []],
  ])('%s', (_name, s, kinds) => {
    expect(orphanVerdicts(view({ prs: [claimed], services: [s] })).map((v) => v.kind)).toEqual(kinds);
  });

  it.each([
    ['live', 5, []],
    ['expired', -5, ['orphan-candidate']],
  ])('an unclaimed service whose lock is %s', (_name, expires, kinds) => {
    const v = view({ prs: [claimed], services: [service(5, OTHER, 60)], labels: [lock(5, OTHER, expires)] });
    expect(orphanVerdicts(v).map((verdict) => verdict.kind)).toEqual(kinds);
  });

  it('a service this sweep already stopped is not an orphan', () => {
    expect(orphanVerdicts(view({ services: [service(5, OTHER, 60)], handled: [`5/${OTHER}`] }))).toEqual([]);
  });

  it('services not listed: nothing', () => {
    expect(orphanVerdicts(view({ services: undefined }))).toEqual([]);
  });
});

describe('leftoverCandidates', () => {
  const claimed = pr(6, env(SHA, 'running'));
  const old = { createdAt: new Date(NOW.getTime() - 60 * MIN) };
  it.each([
    ['claimed by a PR', { pr: 6, sha7: SHA, ...old }, false],
    ['unclaimed and old', { pr: 6, sha7: OTHER, ...old }, true],
    ['unclaimed and young', { pr: 6, sha7: OTHER, createdAt: new Date(NOW.getTime() - 5 * MIN) }, false],
    ['unclaimed and undated', { pr: 6, sha7: OTHER }, true],
    ['claimed by a listed service', { pr: 7, sha7: OTHER, ...old }, false],
  ])('%s', (_name, leftover, expected) => {
    const v = view({ prs: [claimed], services: [service(7, OTHER, 60, 'DRAINING')] });
    expect(leftoverCandidates(v, [leftover])).toEqual(expected ? [leftover] : []);
  });

  it('a live lock keeps it, an expired one does not', () => {
    const leftover = { pr: 6, sha7: OTHER };
    expect(leftoverCandidates(view({ labels: [lock(6, OTHER, 5)] }), [leftover])).toEqual([]);
    expect(leftoverCandidates(view({ labels: [lock(6, OTHER, -5)] }), [leftover])).toEqual([leftover]);
  });

  it('services not listed: nothing', () => {
    expect(leftoverCandidates(view({ services: undefined }), [{ pr: 6, sha7: OTHER }])).toEqual([]);
  });
});

describe('the consistent read confirms every deletion that rests on the search', () => {
  it.each([
    ['the PR could not be read', undefined, 'keep'],
    ['the fresh read claims it', new Set([SHA]), 'keep'],
    ['the fresh read claims another SHA', new Set([OTHER]), 'act'],
    ['the PR is gone', new Set<string>(), 'act'],
  ])('confirmUnclaimed: %s', (_name, claims, expected) => {
    expect(confirmUnclaimed(SHA, claims)).toBe(expected);
  });

  it.each([
    ['the listing failed', undefined, 'keep'],
    ['something carries it', { carried: true }, 'keep'],
    ['nothing carries it', { carried: false }, 'act'],
  ])('confirmUncarried: %s', (_name, carriers, expected) => {
    expect(confirmUncarried(carriers)).toBe(expected);
  });

  it('an incomplete search (a PR it missed) yields only candidates, and the fresh read keeps them', () => {
    // PR 8 runs SHA, but the search did not return it: its service and labels look unclaimed.
    const v = view({
      services: [service(8, SHA, 60)],
      labels: [{ name: statusLabel(SHA, 'running'), color: '0e8a16', description: '' }],
    });
    expect(orphanVerdicts(v).map((verdict) => verdict.kind)).toEqual(['orphan-candidate']);
    expect(labelVerdicts({ ...v, services: [] }).map((verdict) => verdict.kind)).toEqual(['label-candidate']);
    expect(confirmUnclaimed(SHA, new Set([SHA]))).toBe('keep');
    expect(confirmUncarried({ carried: true })).toBe('keep');
  });
});

describe('locks and fences', () => {
  const expired = lock(10, SHA, -90);
  it.each([
    ['the lock is live again', [lock(10, SHA, 5)], fence(expired, 90), false],
    ['the fenced lease ended more than a lease ago', [], fence(expired, 31), true],
    ['the fenced lease ended less than a lease ago', [], fence(expired, 29), false],
    ['the fence names no lease', [], { ...fence(expired, 90), description: 'takeover of something' }, true],
  ])('fenceIsStale: %s', (_name, labels, f, expected) => {
    expect(fenceIsStale(view({ labels: [...labels, f] }), f)).toBe(expected);
  });

  it.each([
    ['live', lock(10, SHA, 5), [], false],
    ['expired, no takeover', expired, [], true],
    ['expired, a takeover under way (fresh fence)', expired, [fence(expired, 5)], false],
    ['expired, a stale fence', expired, [fence(expired, 60)], true],
  ])('lockIsDeletable: %s', (_name, l, fences, expected) => {
    // The fence is named after the lease it took over: that is the lock's current description.
    const named = fences.map((f) => ({ ...f, name: fenceName(l.name, l.description) }));
    expect(lockIsDeletable(view({ labels: [l, ...named] }), l)).toBe(expected);
  });
});

describe('labelVerdicts', () => {
  const definition = (name: string): LabelDefinition => ({ name, color: 'ededed', description: '' });
  it.each([
    ['a state label nothing carries', [], [], definition(statusLabel(OTHER, 'running')), 'label-candidate'],
    [
      'a state label a PR carries',
      [pr(11, env(OTHER, 'running'))],
      [],
      definition(statusLabel(OTHER, 'running')),
      undefined,
    ],
    [
      'a state label of a SHA a service claims',
      [],
      [service(12, OTHER, 60)],
      definition(statusLabel(OTHER, 'failed')),
      undefined,
    ],
    ['a pointer nothing carries', [], [], definition(activeLabel(OTHER)), 'label-candidate'],
    ['the catalogue', [], [], definition(TRIGGER_START), undefined],
    ['TRACKED', [], [], definition(TRACKED), undefined],
    ['a foreign label', [], [], definition('bug'), undefined],
    ['an expired lock', [], [], lock(13, OTHER, -5), 'delete-label'],
    ['a live lock', [], [], lock(13, OTHER, 5), undefined],
  ])('%s', (_name, prs, services, label, kind) => {
    const verdicts = labelVerdicts(view({ prs, services, labels: [label] }));
    expect(verdicts.map((v) => v.kind)).toEqual(kind === undefined ? [] : [kind]);
  });

  it('a live lock claims its SHA: its state labels are kept', () => {
    const v = view({ labels: [lock(14, OTHER, 5), definition(statusLabel(OTHER, 'building'))] });
    expect(labelVerdicts(v)).toEqual([]);
  });

  it('a stale fence goes, a fresh one stays', () => {
    const expired = lock(15, SHA, -90);
    expect(labelVerdicts(view({ labels: [fence(expired, 60)] })).map((v) => v.kind)).toEqual([
      'delete-label',
    ]);
    expect(labelVerdicts(view({ labels: [fence(expired, 5)] }))).toEqual([]);
  });
});

describe('property: nothing a PR claims is deleted', () => {
  const shas = fc.constantFrom('abc1234', 'def5678', '0123abc', 'fedcba9');
  const statuses = fc.constantFrom<Status>('running', 'failed', 'building', 'deploying', 'destroying');
  const pull = fc.record({
    number: fc.integer({ min: 1, max: 4 }),
    sha: shas,
    status: statuses,
    open: fc.boolean(),
  });
  const svc = fc.record({
    pr: fc.integer({ min: 1, max: 4 }),
    sha: shas,
    age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  });
  const label = fc.record({ sha: shas, status: statuses, pointer: fc.boolean() });

  it('no verdict deletes a service or a label definition that a PR summary claims', () => {
    fc.assert(
      fc.property(
        fc.array(pull, { maxLength: 6 }),
        fc.array(svc, { maxLength: 6 }),
        fc.array(label, { maxLength: 8 }),
        (pulls, services, labels) => {
          const byNumber = new Map<number, string[]>();
          for (const p of pulls)
            byNumber.set(p.number, [...(byNumber.get(p.number) ?? []), ...env(p.sha, p.status)]);
          const prs = [...byNumber].map(([number, ls]) => pr(number, ls));
          const definitions = labels.map((l) => ({
            name: l.pointer ? activeLabel(l.sha) : statusLabel(l.sha, l.status),
            color: 'ededed',
            description: '',
          }));
          const v = view({
            prs,
            services: services.map((s) => service(s.pr, s.sha, s.age)),
            labels: definitions,
          });
          const claimed = new Set(
            prs.flatMap((p) => Object.keys(p.state.environments).map((sha) => `${p.state.number}/${sha}`)),
          );
          const claimedShas = new Set(prs.flatMap((p) => Object.keys(p.state.environments)));
          const carried = new Set(prs.flatMap((p) => p.labels.map((l) => l.toLowerCase())));
          for (const verdict of orphanVerdicts(v)) {
            if (verdict.kind === 'orphan-candidate')
              expect(claimed.has(`${verdict.pr}/${verdict.sha}`)).toBe(false);
          }
          for (const verdict of labelVerdicts(v)) {
            expect(carried.has(verdict.name.toLowerCase())).toBe(false);
            expect([...claimedShas].some((sha) => verdict.name.includes(sha))).toBe(false);
          }
        },
      ),
    );
  });
});
