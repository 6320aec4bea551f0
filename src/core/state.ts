// A PR's showtime state, read from its labels alone. Pure: labels in, PrState out; inconsistencies are reported in
// `problems`, never thrown.
//
// Which value wins when one SHA carries several different values of one field (for instance after a run died
// between adding a new label and removing the old one): the label in the newest form wins (SHA-first, then
// emoji-first, then global, since a migration writes the new form before removing the old); among labels of the same
// form, the one whose name sorts last in code-unit order (for 📅 that is the latest time). The choice depends only
// on the set of labels, never on their order. ⚙️ labels of one form are merged (see labels.ts); the configuration
// comes from the newest form that has any, and older forms that say something else are reported.
//
// `Environment.labels` lists every label naming that SHA, its 🎯/🏗️ pointers included, exactly as found, so that
// removing them all removes the environment from the PR without leaving a dangling pointer.
import type { EnvConfig, Environment, PrState, Problem, Status } from './types.js';
import type { LabelForm, StateKind, StateLabel } from './labels.js';
import { compareCodeUnits, configTokens, formatLabelDate, isStateLabel, parseLabel } from './labels.js';
import { formatTtl } from './values.js';
import type { Sha, Sha7 } from './values.js';

export interface PrLabelsInput {
  number: number;
  headSha: Sha;
  open: boolean;
  /** Whether the head branch lives in another repository; see PrState.fromFork. */
  fromFork?: boolean;
  /** Label names as GitHub returns them, in that order. */
  labels: string[];
}

interface Sighting {
  label: string;
  parsed: StateLabel;
}

interface Pointer {
  sha: Sha7;
  label: string;
}

const FORM_RANK: Record<LabelForm, number> = { 'sha-first': 2, 'emoji-first': 1, global: 0 };

/** Statuses in which a 🏗️ pointer is doing its job; used to pick one of several building pointers. */
const IN_PROGRESS: readonly Status[] = ['building', 'built', 'deploying'];

function byPrecedence(a: Sighting, b: Sighting): number {
  return FORM_RANK[b.parsed.form] - FORM_RANK[a.parsed.form] || compareCodeUnits(b.label, a.label);
}

function distinct<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** A comparable text of a field's value, so that equal values in different spellings (48h, 2d) do not conflict. */
function valueKey(parsed: StateLabel): string {
  switch (parsed.kind) {
    case 'status':
      return parsed.status;
    case 'created':
      return formatLabelDate(parsed.createdAt);
    case 'address':
      return `${parsed.address.host}:${parsed.address.port}`;
    case 'ttl':
      return formatTtl(parsed.ttl);
    case 'requester':
      // Logins are case-insensitive at GitHub.
      return parsed.requester.toLowerCase();
    case 'config':
      return configTokens(parsed.config).join(',');
  }
}

const FIELD_NAMES: Record<StateKind, string> = {
  status: 'status',
  created: 'creation time',
  address: 'address',
  ttl: 'TTL',
  requester: 'requester',
  config: 'configuration',
};

function conflict(sha: string, kind: StateKind, labels: string[], choice: string): Problem {
  return {
    code: 'conflicting-values',
    labels,
    message: `environment ${sha} has contradicting ${FIELD_NAMES[kind]} labels (${labels.join(', ')}); ${choice}`,
  };
}

/** Merges the ⚙️ labels of one form; the label sorting last wins a contradiction. */
function mergeConfig(sightings: Sighting[]): { config: EnvConfig; contradicting: string[] } {
  const sorted = [...sightings].sort((a, b) => compareCodeUnits(a.label, b.label));
  const config: EnvConfig = { flags: {}, debug: false };
  const flagSource = new Map<string, string>();
  let sizeSource: string | undefined;
  const contradicting = new Set<string>();
  for (const { label, parsed } of sorted) {
    if (parsed.kind !== 'config') continue;
    for (const [flag, enabled] of Object.entries(parsed.config.flags)) {
      const previous = flagSource.get(flag);
      if (previous !== undefined && config.flags[flag] !== enabled) contradicting.add(previous).add(label);
      config.flags[flag] = enabled;
      flagSource.set(flag, label);
    }
    if (parsed.config.size !== undefined) {
      if (sizeSource !== undefined && config.size !== parsed.config.size)
        contradicting.add(sizeSource).add(label);
      config.size = parsed.config.size;
      sizeSource = label;
    }
    config.debug ||= parsed.config.debug;
  }
  return { config, contradicting: [...contradicting] };
}

function buildEnvironment(
  sha: Sha7,
  sightings: Sighting[],
  labels: string[],
  problems: Problem[],
): Environment {
  const env: Environment = { sha, config: { flags: {}, debug: false }, labels };
  const ofKind = (kind: StateKind) => sightings.filter((s) => s.parsed.kind === kind).sort(byPrecedence);

  for (const kind of ['status', 'created', 'address', 'ttl', 'requester'] as const) {
    const candidates = ofKind(kind);
    const winner = candidates[0];
    if (winner === undefined) continue;
    if (distinct(candidates.map((c) => valueKey(c.parsed))).length > 1) {
      const labels = candidates.map((c) => c.label).sort(compareCodeUnits);
      problems.push(conflict(sha, kind, labels, `using "${winner.label}"`));
    }
    const parsed = winner.parsed;
    if (parsed.kind === 'status') env.status = parsed.status;
    else if (parsed.kind === 'created') env.createdAt = parsed.createdAt;
    else if (parsed.kind === 'address') env.address = parsed.address;
    else if (parsed.kind === 'ttl') env.ttl = parsed.ttl;
    else if (parsed.kind === 'requester') env.requester = parsed.requester;
  }

  const configs = ofKind('config');
  const newest = configs[0]?.parsed.form;
  if (newest !== undefined) {
    const byForm = (form: LabelForm) => configs.filter((c) => c.parsed.form === form);
    const merged = mergeConfig(byForm(newest));
    env.config = merged.config;
    if (merged.contradicting.length > 0) {
      const labels = merged.contradicting.sort(compareCodeUnits);
      problems.push(conflict(sha, 'config', labels, 'where they contradict, the label sorting last wins'));
    }
    const chosen = configTokens(merged.config).join(',');
    const older = distinct(configs.map((c) => c.parsed.form)).filter((form) => form !== newest);
    const disagreeing = older.filter(
      (form) => configTokens(mergeConfig(byForm(form)).config).join(',') !== chosen,
    );
    if (disagreeing.length > 0) {
      const concerned = configs.filter(
        (c) => c.parsed.form === newest || disagreeing.includes(c.parsed.form),
      );
      const labels = concerned.map((c) => c.label).sort(compareCodeUnits);
      problems.push(conflict(sha, 'config', labels, `using the ${newest} labels`));
    }
  }
  return env;
}

/** Picks among several pointers: the only one whose environment has one of `statuses`, if exactly one has. */
function choosePointer(
  pointers: Pointer[],
  environments: Record<string, Environment>,
  statuses: readonly Status[],
): Sha7 | undefined {
  const shas = distinct(pointers.map((p) => p.sha));
  if (shas.length <= 1) return shas[0];
  const fitting = shas.filter((sha) => {
    const status = environments[sha]?.status;
    return status !== undefined && statuses.includes(status);
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}

/**
 * The head of a PR whose head was not read (a search result, a comment planned before its PR is read): no commit
 * has it, so nothing is ever taken for the head by mistake.
 */
export const UNKNOWN_HEAD = '0'.repeat(40) as Sha;

/** Reads a PR's labels into its showtime state. Never throws. */
export function buildPrState(input: PrLabelsInput): PrState {
  const state: PrState = {
    number: input.number,
    headSha: input.headSha,
    open: input.open,
    ...(input.fromFork === undefined ? {} : { fromFork: input.fromFork }),
    environments: {},
    triggers: { start: false, stop: false, legacyUp: false },
    frozen: false,
    blocked: false,
    pendingConfig: [],
    legacyLabels: [],
    problems: [],
  };
  const malformed: Problem[] = [];
  const sightings = new Map<Sha7, Sighting[]>();
  const globals: Sighting[] = [];
  const active: Pointer[] = [];
  const building: Pointer[] = [];
  /** Which SHA each label belongs to, to list `Environment.labels` in the PR's own order. */
  const owner = new Map<string, Sha7>();
  const see = (sha: Sha7, sighting: Sighting) => {
    sightings.set(sha, [...(sightings.get(sha) ?? []), sighting]);
    owner.set(sighting.label, sha);
  };

  for (const label of input.labels) {
    const parsed = parseLabel(label);
    switch (parsed.kind) {
      case 'foreign':
      case 'tracked':
      case 'lock':
        break;
      case 'malformed':
        malformed.push({
          code: 'malformed-label',
          labels: [label],
          message: `label "${label}": ${parsed.reason}`,
        });
        break;
      case 'trigger':
        state.triggers[parsed.trigger === 'legacy-up' ? 'legacyUp' : parsed.trigger] = true;
        break;
      case 'freeze':
        state.frozen = true;
        break;
      case 'blocked':
        state.blocked = true;
        break;
      case 'config-command':
        state.pendingConfig.push({ change: parsed.change, label });
        break;
      case 'pointer':
        (parsed.pointer === 'active' ? active : building).push({ sha: parsed.sha, label });
        owner.set(label, parsed.sha);
        break;
      default:
        if (parsed.form !== 'sha-first') state.legacyLabels.push(label);
        if (parsed.sha === undefined) globals.push({ label, parsed });
        else see(parsed.sha, { label, parsed });
    }
  }
  state.problems.push(...malformed);

  const activeShas = distinct(active.map((p) => p.sha));
  if (globals.length > 0) {
    const [target] = activeShas;
    if (activeShas.length === 1 && target !== undefined) {
      for (const sighting of globals) see(target, sighting);
    } else {
      state.problems.push({
        code: 'legacy-without-active',
        labels: globals.map((g) => g.label),
        message:
          activeShas.length === 0
            ? 'labels without a SHA need a 🎯 pointer to tell which environment they describe, and there is none'
            : `labels without a SHA cannot be attached: ${activeShas.length} 🎯 pointers (${activeShas.join(', ')})`,
      });
    }
  }

  for (const sha of distinct([
    ...sightings.keys(),
    ...active.map((p) => p.sha),
    ...building.map((p) => p.sha),
  ])) {
    const labels = input.labels.filter((label) => owner.get(label) === sha);
    state.environments[sha] = buildEnvironment(sha, sightings.get(sha) ?? [], labels, state.problems);
  }

  for (const [pointers, code, statuses, name] of [
    [active, 'several-active-pointers', ['running'], 'active'],
    [building, 'several-building-pointers', IN_PROGRESS, 'building'],
  ] as const) {
    const chosen = choosePointer(pointers, state.environments, statuses);
    if (name === 'active') state.active = chosen;
    else state.building = chosen;
    const shas = distinct(pointers.map((p) => p.sha));
    if (shas.length > 1) {
      state.problems.push({
        code,
        labels: pointers.map((p) => p.label),
        message: `${shas.length} ${name} pointers (${shas.join(', ')}); ${
          chosen === undefined
            ? `none chosen, since not exactly one environment is ${statuses.join(' or ')}`
            : `using ${chosen}, the only one that is ${statuses.join(' or ')}`
        }`,
      });
    }
  }
  if (state.active === undefined) delete state.active;
  if (state.building === undefined) delete state.building;

  const pointed = new Set([...active, ...building].map((p) => p.sha));
  for (const pointer of [...active, ...building]) {
    if (state.environments[pointer.sha]?.status === undefined) {
      state.problems.push({
        code: 'pointer-without-status',
        labels: [pointer.label],
        message: `"${pointer.label}" points to ${pointer.sha}, which has no 🚦 status label`,
      });
    }
  }
  for (const env of Object.values(state.environments)) {
    // A `destroying` environment no pointer names is a teardown whose deletion is owed: retired, not lost.
    if (env.status === undefined || env.status === 'destroying' || pointed.has(env.sha)) continue;
    const statusLabels = env.labels.filter((label) => parseLabel(label).kind === 'status');
    state.problems.push({
      code: 'status-without-pointer',
      labels: statusLabels,
      message: `environment ${env.sha} is ${env.status} but neither 🎯 nor 🏗️ points to it`,
    });
  }
  return state;
}

/**
 * Every showtime state label the PR carries (all environments with their pointers, legacy labels, including those
 * that could not be attached), to remove them all. Not included: triggers, 🧊/🔒 and conf-* labels that people set,
 * malformed labels (whatever they meant), and the 🎟️ index label, which PrState does not record.
 */
export function allShowtimeLabels(state: PrState): string[] {
  return distinct([...Object.values(state.environments).flatMap((env) => env.labels), ...state.legacyLabels]);
}

/**
 * What to add and remove to go from `current` to `desired`, comparing names case-insensitively as GitHub does.
 * Only state labels (isStateLabel: per-SHA fields in any form, pointers, the index label) are ever removed; labels
 * of other projects, triggers, 🧊/🔒, conf-* and malformed labels are left alone even when not desired.
 */
export function labelChanges(current: string[], desired: string[]): { add: string[]; remove: string[] } {
  const key = (name: string) => name.toLowerCase();
  const currentKeys = new Set(current.map(key));
  const desiredKeys = new Set(desired.map(key));
  const add = [...new Map(desired.filter((n) => !currentKeys.has(key(n))).map((n) => [key(n), n])).values()];
  const remove = [
    ...new Map(
      current.filter((n) => !desiredKeys.has(key(n)) && isStateLabel(n)).map((n) => [key(n), n]),
    ).values(),
  ];
  return { add, remove };
}
