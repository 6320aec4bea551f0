// The domain model shared by the pure core (label grammar, PR state, planner, command parser) and the adapters.
// Everything here is plain data: no I/O, no clock.
import type { Reason } from './reasons.js';
import type { SleepSchedule } from './schedule.js';
import type { Sha, Sha7 } from './values.js';

/** Lifecycle of one environment (one SHA of one PR). */
export const STATUSES = [
  'building',
  'built',
  'deploying',
  'running',
  'updating',
  'configuring',
  'destroying',
  'failed',
  /** Its service is scaled to zero: it costs nothing and keeps its labels, TTL included; a wake brings it back. */
  'sleeping',
] as const;
export type Status = (typeof STATUSES)[number];

export const SIZES = ['small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];

/**
 * How long an environment may live. `close` lives until the PR closes; `manual` until someone stops it.
 * A duration counts from the environment's creation time (📅), which `extend` resets.
 */
export type Ttl = { kind: 'duration'; hours: number } | { kind: 'close' } | { kind: 'manual' };

/**
 * Live configuration of an environment: feature flags switched on or off (name without the SUPERSET_FEATURE_
 * prefix, `[A-Z0-9_]+`), debug mode and size. The defaults (no flags, debug off, size from the action's input)
 * are represented by absence.
 */
export interface EnvConfig {
  flags: Record<string, boolean>;
  debug: boolean;
  size?: Size;
}

/** A change of configuration, from a `🎪 conf-*` label or a slash command. */
export type ConfigChange =
  | { kind: 'flag'; flag: string; enabled: boolean }
  | { kind: 'debug'; enabled: boolean }
  | { kind: 'size'; size: Size };

/** Where an environment answers: the task's public IP and the container port. */
export interface Address {
  host: string;
  port: number;
}

/** One environment as the PR's labels describe it. Every field but `sha` may be missing on a damaged PR. */
export interface Environment {
  sha: Sha7;
  status?: Status;
  /** 📅, minute precision, UTC. */
  createdAt?: Date;
  address?: Address;
  ttl?: Ttl;
  /** 🤡: who asked for it (possibly shortened to fit a label, see labels.ts). */
  requester?: string;
  config: EnvConfig;
  /** The exact label names that describe this environment, so they can be removed verbatim. */
  labels: string[];
}

/** Something on the PR that does not add up; reported, never thrown. */
export interface Problem {
  code:
    | 'malformed-label'
    | 'several-active-pointers'
    | 'several-building-pointers'
    | 'pointer-without-status'
    | 'status-without-pointer'
    | 'conflicting-values'
    | 'legacy-without-active';
  /** The label (or labels) concerned. */
  labels: string[];
  message: string;
}

/** Everything the action knows about one PR, built from its labels alone (plus head SHA and open/closed). */
export interface PrState {
  number: number;
  /** Full 40-hex head SHA at the time it was read. */
  headSha: Sha;
  open: boolean;
  /**
   * True when the head branch lives in another repository (anyone may push to it); false for a branch of this
   * repository. Missing (the caller did not read the PR) counts as a fork: see approval.ts.
   */
  fromFork?: boolean;
  /** Keyed by sha7. */
  environments: Record<string, Environment>;
  /** 🎯: the environment that serves the PR. */
  active?: Sha7;
  /** 🏗️: the environment being built or deployed to replace (or become) the active one. */
  building?: Sha7;
  triggers: {
    start: boolean;
    stop: boolean;
    /** The `testenv-up` label of the workflow this action replaces. */
    legacyUp: boolean;
  };
  frozen: boolean;
  blocked: boolean;
  /** `🎪 conf-*` labels waiting to be applied, in label order, with the label that carries each. */
  pendingConfig: { change: ConfigChange; label: string }[];
  /** Labels in a format that is read but no longer written (emoji-first, global); they are rewritten on next write. */
  legacyLabels: string[];
  problems: Problem[];
}

/** The GitHub permission levels of a collaborator, from strongest to weakest. */
export const PERMISSIONS = ['admin', 'maintain', 'write', 'triage', 'read', 'none'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A parsed `/showtime` (or `/circus`) command. */
export type Command =
  /** `sha` binds an approval to one commit (`/showtime start abc123f`): the text as written, which the planner checks. */
  | { kind: 'start'; sha?: string }
  | { kind: 'stop' }
  | { kind: 'status' }
  | { kind: 'extend'; ttl: Ttl }
  | { kind: 'keep-alive' }
  | { kind: 'freeze' }
  | { kind: 'unfreeze' }
  | { kind: 'configure'; change: ConfigChange }
  | { kind: 'sleep' }
  | { kind: 'wake' }
  | { kind: 'help' };

/** A line that looked like a command but is not one; the reply quotes it with the accepted form. */
export interface CommandError {
  line: string;
  message: string;
  usage: string;
}

/** Who caused the event, with the permission the API reported (or `unknown` when the check failed). */
export interface Actor {
  login: string;
  permission: Permission | 'unknown';
}

/** The events the action reacts to, normalised from GitHub's payloads. */
export type ShowtimeEvent =
  | { kind: 'labeled'; label: string; pr: number; headSha: Sha; actor: Actor }
  | { kind: 'unlabeled'; label: string; pr: number; headSha: Sha; actor: Actor }
  | {
      kind: 'synchronize';
      pr: number;
      headSha: Sha;
      actor: Actor;
      /** True when the head repository is a fork of the base. */
      fromFork: boolean;
    }
  | { kind: 'closed'; pr: number; headSha: Sha; actor: Actor }
  | { kind: 'reopened'; pr: number; headSha: Sha; actor: Actor }
  /** One slash command; a comment with several commands is planned once per command, in order. */
  | { kind: 'command'; pr: number; command: Command; actor: Actor }
  | { kind: 'dispatch'; pr: number; sha?: Sha | Sha7; actor: Actor }
  /** The cleanup sweep looking at one PR. */
  | { kind: 'schedule' };

/** Settings the planner needs; filled from the action's inputs. */
export interface Policy {
  defaultTtl: Ttl;
  defaultSize: Size;
  /** How long a building/deploying claim stays valid without progress before another run may take over. */
  leaseMinutes: number;
  /** The sweep warns this long before a TTL runs out. */
  expiryWarningMinutes: number;
  maxEnvironments?: number;
  maxEnvironmentsPerRequester?: number;
  /**
   * Where a fork's approved commit may be built. `isolated`: in the split form's build job, which holds no
   * credential. `refused`: never (the one-job form, whose job holds the deploy role and a write token).
   * `in-this-job`: the one-job form, opted in with allow-unsafe-fork-builds.
   */
  forkBuilds: 'isolated' | 'refused' | 'in-this-job';
  /** The cleanup action's sleep schedule (sleep-schedule): when it puts running environments to sleep. */
  sleepSchedule?: SleepSchedule;
}

export const ACTIONS = [
  'create',
  'rolling-update',
  'redeploy-config',
  'stop',
  'extend',
  'freeze',
  'unfreeze',
  'sleep',
  'wake',
  'status',
  'warn-expiry',
  'await-approval',
  'refuse',
  'nothing',
] as const;
export type ActionKind = (typeof ACTIONS)[number];

/** An environment somewhere in the repository, for quotas. */
export interface FleetEntry {
  pr: number;
  sha: Sha7;
  requester?: string;
}

/** Everything `plan` looks at. `now` is passed in: the core never reads a clock. */
export interface PlanInput {
  event: ShowtimeEvent;
  state: PrState;
  policy: Policy;
  now: Date;
  /** Every environment in the repository, when the caller looked (needed only to enforce quotas on create). */
  fleet?: FleetEntry[];
  /** The PR's lock, when the caller read it: a run holds it while it builds or deploys. */
  lock?: Lease;
  /** Full SHAs of the PR's commits, when the caller read them (needed only for a dispatch that names a SHA). */
  commits?: readonly string[];
  /** What claiming a create or rolling update of `sha` met, for the planner to decide again (`state` as read after). */
  claim?: ClaimOutcome;
}

/**
 * How a claim went: its start trigger was already gone (another run of the same click took it, or a stop or a person
 * removed it), the SHA's lock is held by a live run, or this run holds the lock and has read the labels again.
 */
export type ClaimOutcome =
  | { kind: 'trigger-gone'; sha: Sha | Sha7 }
  | { kind: 'lock-held'; sha: Sha | Sha7; holder?: string }
  | { kind: 'locked'; sha: Sha | Sha7 };

/** Who holds a PR's lock and until when (a run that dies simply lets it expire). */
export interface Lease {
  holder: string;
  expiresAt: Date;
}

/** What the planner decided, for one event on one PR. */
export interface Decision {
  action: ActionKind;
  /** The full SHA the action works on (create / rolling-update), or the sha7 of the environment concerned. */
  targetSha?: Sha | Sha7;
  buildNeeded: boolean;
  /** Machine-readable reason, stable across releases (used in outputs, logs and the decision table). */
  reason: Reason;
  /** One sentence for people (status comment, job summary). */
  message: string;
  /** Label names the run must consume (trigger labels, conf-* labels) before acting. */
  consume: string[];
  /** For extend / keep-alive: the TTL asked for, from now. */
  ttl?: Ttl;
  /** For extend: the TTL the ⌛ label gets, counted from the environment's creation as every TTL is. */
  ttlWritten?: Ttl;
  /** For redeploy-config. */
  config?: EnvConfig;
  /** For await-approval: the commit waiting and the last approved one, to link the diff. */
  approval?: { sha: Sha; since?: Sha7 };
  /** Labels the run writes back: state labels that someone without write permission removed. */
  restore?: string[];
}
