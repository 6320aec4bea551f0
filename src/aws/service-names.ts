// Names of an environment's AWS resources, and which service name a deployment uses while an old service of the
// same name is still draining. Pure.

/**
 * ECS keeps a deleted service DRAINING for a while and refuses to create a service of the same name meanwhile
 * ("Unable to Start a service that is still Draining."). Each environment therefore owns two service names, the
 * primary and an alternate; a deployment never waits on a draining name when the other one is free. Both carry
 * the same tags, so listing and the cleanup sweep see either the same way, and deletion always looks at both.
 */
export interface EnvironmentNames {
  family: string;
  primary: string;
  alternate: string;
}

export function environmentNames(pr: number, sha7: string): EnvironmentNames {
  const base = `pr-${pr}-${sha7}`;
  return { family: base, primary: `${base}-service`, alternate: `${base}-service-b` };
}

const SERVICE_NAME = /^pr-([1-9][0-9]{0,9})-([0-9a-f]{7})-service(?:-b)?$/;

/** PR and sha7 from a service name this adapter made, or undefined for any other text. */
export function parseServiceName(name: string): { pr: number; sha: string } | undefined {
  const match = SERVICE_NAME.exec(name);
  return match ? { pr: Number(match[1]), sha: match[2] as string } : undefined;
}

/** What DescribeServices says about one name: INACTIVE and missing both mean the name is free. */
export type ServiceState = 'ACTIVE' | 'DRAINING' | 'GONE';

export function serviceState(status: string | undefined): ServiceState {
  return status === 'ACTIVE' ? 'ACTIVE' : status === 'DRAINING' ? 'DRAINING' : 'GONE';
}

export type SlotChoice =
  /** An environment service already runs under this name: deploy the new revision into it. */
  | { kind: 'update'; slot: 'primary' | 'alternate' }
  | { kind: 'create'; slot: 'primary' | 'alternate' }
  /** Both names are draining: nothing can be created until one of them is free. */
  | { kind: 'wait' };

/** Where a deployment goes, given the state of the environment's two service names. */
export function chooseServiceSlot(primary: ServiceState, alternate: ServiceState): SlotChoice {
  if (primary === 'ACTIVE') return { kind: 'update', slot: 'primary' };
  if (alternate === 'ACTIVE') return { kind: 'update', slot: 'alternate' };
  if (primary === 'GONE') return { kind: 'create', slot: 'primary' };
  if (alternate === 'GONE') return { kind: 'create', slot: 'alternate' };
  return { kind: 'wait' };
}
