// Counts the AWS commands an adapter sends (one per command, whatever the SDK's retries), so a run can report
// what each operation costs in API calls.
import type { ECSClient } from '@aws-sdk/client-ecs';

export type CallCounts = Record<string, number>;

export class ApiCallCounter {
  private readonly counts = new Map<string, number>();

  record(client: string | undefined, command: string | undefined): void {
    const key = `${(client ?? 'AWS').replace(/Client$/, '')}:${(command ?? 'unknown').replace(/Command$/, '')}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls so far, keyed `ECS:CreateService`, `EC2:DescribeNetworkInterfaces`, … */
  snapshot(): CallCounts {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** The calls made between two snapshots, and their total. */
export function callsBetween(
  before: CallCounts,
  after: CallCounts,
): { total: number; byCommand: CallCounts } {
  const byCommand: CallCounts = {};
  let total = 0;
  for (const [key, count] of Object.entries(after)) {
    const made = count - (before[key] ?? 0);
    if (made > 0) {
      byCommand[key] = made;
      total += made;
    }
  }
  return { total, byCommand };
}

let nextId = 0;

/**
 * Adds a counting middleware to the ECS client (each counter under its own name, so several may watch a client).
 * The EC2 call is not an SDK command: its adapter records it itself.
 */
export function countApiCalls(clients: { ecs: ECSClient }, counter: ApiCallCounter): void {
  nextId += 1;
  const options = { step: 'initialize' as const, name: `showtimeApiCallCounter${nextId}` };
  clients.ecs.middlewareStack.add(
    (next, context) => (args) => {
      counter.record(context.clientName, context.commandName);
      return next(args);
    },
    options,
  );
}

/** The same counting for one more client an adapter sends through (the SSM client of the admin passwords). */
export function countClientCalls(
  client: Pick<ECSClient, 'middlewareStack'> | { middlewareStack: unknown },
  counter: ApiCallCounter,
): void {
  nextId += 1;
  (client as Pick<ECSClient, 'middlewareStack'>).middlewareStack.add(
    (next, context) => (args) => {
      counter.record(context.clientName, context.commandName);
      return next(args);
    },
    { step: 'initialize' as const, name: `showtimeApiCallCounter${nextId}` },
  );
}
