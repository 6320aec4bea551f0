// Steps 4 and 4b of the sweep: services, image tags and admin passwords no environment claims, deleted once a
// fresh read of their PR confirms (the reconciler names the candidates).
import { messageOf } from './context.js';
import type { Sweep } from './sweep-state.js';
import { claimsOf } from './sweep-state.js';
import type { ManagedService } from '../aws/ecs.js';
import { confirmUnclaimed, envKey, leftoverCandidates, orphanVerdicts } from '../core/reconcile.js';
import { formatDuration, formatTime } from '../core/values.js';
import { deleteEnvironmentImage, parseEnvironmentImageTag, retireEnvironmentImage } from './images.js';
// ---------------------------------------------------------------------------------------------------------------
// Step 4: services no PR claims.

/**
 * A managed service is deleted when no PR's labels claim its PR and SHA, no run holds that SHA's lock, and it is
 * older than orphan-grace-minutes by its created-at tag. Before deleting, its PR is read again (1 GET per PR) so a
 * stale search never costs a live environment. A service without a created-at tag cannot be dated: it counts as
 * old once that fresh read shows its PR no longer claims it. Services whose PR and SHA cannot be read from either
 * tags or name are reported, never deleted (nothing identifies what they belong to).
 */
export async function sweepOrphans(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  const candidates = new Map<number, ManagedService[]>();
  for (const verdict of orphanVerdicts({ ...sweep.view(), services: sweep.services })) {
    const { service } = verdict;
    if (verdict.kind === 'keep-unidentified') {
      sweep.act({
        kind: 'orphan-kept',
        subject: service.serviceName,
        detail: 'its tags and name do not say which PR and SHA it belongs to; delete it by hand',
      });
    } else if (verdict.kind === 'keep-young') {
      sweep.act({
        kind: 'orphan-kept',
        pr: verdict.pr,
        subject: service.serviceName,
        detail: `no PR claims it, but it is younger than ${formatDuration(deps.settings.orphanGraceMinutes * 60_000)}`,
      });
    } else {
      candidates.set(verdict.pr, [...(candidates.get(verdict.pr) ?? []), service]);
    }
  }

  for (const [pr, services] of candidates) {
    const claims = await claimsOf(deps, sweep, pr, `services of #${pr}`);
    for (const service of services) {
      const sha = service.sha ?? '';
      if (confirmUnclaimed(sha, claims) === 'keep') continue;
      sweep.handled.add(envKey(pr, sha));
      const age = service.createdAt ? `created ${formatTime(service.createdAt)}` : 'no created-at tag';
      if (deps.settings.dryRun.aws) {
        sweep.cleaned += 1;
        sweep.act({
          kind: 'orphan-deleted',
          pr,
          subject: service.serviceName,
          detail: `no PR claims it (${age})`,
        });
        continue;
      }
      const report = await deps.ecs.deleteEnvironment(pr, sha).catch((error: unknown) => ({
        deleted: [],
        alreadyGone: [],
        failed: [{ resource: service.serviceName, error: messageOf(error) }],
      }));
      if (report.failed.length > 0) {
        const error = report.failed.map((f) => `${f.resource}: ${f.error}`).join('; ');
        sweep.fail({ pr, subject: service.serviceName, error });
        continue;
      }
      await retireEnvironmentImage(deps, pr, sha);
      sweep.cleaned += 1;
      sweep.act({
        kind: 'orphan-deleted',
        pr,
        subject: service.serviceName,
        detail: `no PR claims it (${age})`,
      });
      await sweep.notify({ kind: 'destroyed', pr, sha, reason: 'orphan service: no PR claims it' });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4b: image tags and admin passwords no environment claims.

/** Something a teardown should have deleted with its environment: an image tag or an admin password. */
interface Leftover {
  pr: number;
  sha7: string;
  subject: string;
  createdAt?: Date;
  /** `claims`: the SHAs the fresh read of the PR shows, none of them this leftover's. */
  remove(claims: ReadonlySet<string>): Promise<'deleted' | 'kept' | 'gone' | { movedTo: string }>;
}

/** Lists one kind of leftover; a registry or parameter store that cannot be listed is reported, not fatal. */
async function listed<T>(sweep: Sweep, subject: string, list: () => Promise<T[]>): Promise<T[]> {
  try {
    return await list();
  } catch (error) {
    sweep.fail({ subject, error: `could not list them, none deleted: ${messageOf(error)}` });
    return [];
  }
}

/**
 * Load-balancer mode: listener rules and target groups no environment claims. A rule belongs to the environment of
 * the target group it forwards to (the PR's host) or of its own host; the rules come first, so that the target
 * groups they free can go in the same sweep. A rule forwarding to a group the action did not make is left alone.
 */
async function routingLeftovers(sweep: Sweep): Promise<Leftover[]> {
  const router = sweep.deps.router;
  if (!router) return [];
  const managed = await listed(sweep, 'listener rules and target groups', async () => [
    await router.listManaged(),
  ]);
  const routing = managed[0];
  if (!routing) return [];
  const leftovers: Leftover[] = [];
  for (const rule of routing.rules) {
    const sha7 = rule.sha7 ?? rule.routesTo;
    if (sha7 === undefined) continue;
    leftovers.push({
      pr: rule.pr,
      sha7,
      subject: `listener rule for ${rule.host}`,
      async remove(claims) {
        // The PR's host forwards to an environment no label claims (a run died between the switch and its labels):
        // back to the one the labels do claim, when it has a target group; deleted only when none does.
        if (rule.sha7 === undefined) {
          for (const claimed of claims) {
            const group = await router.targetGroupOf(rule.pr, claimed);
            if (group) {
              await router.route({ pr: rule.pr }, group);
              return { movedTo: claimed };
            }
          }
        }
        return router.deleteRule(rule);
      },
    });
  }
  for (const group of routing.targetGroups) {
    leftovers.push({
      pr: group.pr,
      sha7: group.sha7,
      subject: `target group ${group.name}`,
      ...(group.createdAt ? { createdAt: group.createdAt } : {}),
      async remove() {
        return (await router.deleteTargetGroup(group.targetGroupArn)) === 'deleted' ? 'deleted' : 'gone';
      },
    });
  }
  return leftovers;
}

async function listLeftovers(sweep: Sweep): Promise<Leftover[]> {
  const { deps } = sweep;
  const leftovers: Leftover[] = [];
  const images = deps.images;
  if (images) {
    for (const image of await listed(sweep, `images in ${images.repository}`, () => images.listTagged())) {
      const owner = parseEnvironmentImageTag(image.tag);
      if (owner === undefined) continue;
      leftovers.push({
        ...owner,
        subject: `${images.repository}:${image.tag}`,
        createdAt: image.pushedAt,
        async remove() {
          const result = await deleteEnvironmentImage(deps, owner.pr, owner.sha7);
          const failure = result.failed[0];
          if (failure) throw new Error(failure.error);
          return result.deleted.length > 0 ? 'deleted' : result.kept.length > 0 ? 'kept' : 'gone';
        },
      });
    }
  }
  leftovers.push(...(await routingLeftovers(sweep)));
  const passwords = deps.passwords;
  if (passwords) {
    for (const password of await listed(sweep, 'admin passwords', () => passwords.list())) {
      leftovers.push({
        pr: password.pr,
        sha7: password.sha7,
        subject: `parameter ${password.name}`,
        createdAt: password.modifiedAt,
        async remove() {
          return (await passwords.delete(password.pr, password.sha7)) === 'deleted' ? 'deleted' : 'gone';
        },
      });
    }
  }
  return leftovers;
}

/**
 * What a failed or crashed teardown left: the same rule as for orphan services. A tag or password goes when no PR's
 * labels claim its PR and SHA, no live service or lock does, it is older than orphan-grace-minutes, and a fresh read
 * of its PR (1 GET per PR) still shows no claim. Only in the repository the sweep was given, under the names the
 * action gives them.
 */
export async function sweepLeftovers(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  // Without the list of services, what runs cannot be told from what was left (leftoverCandidates says none).
  if (sweep.services === undefined) return;
  const candidates = new Map<number, Leftover[]>();
  for (const leftover of leftoverCandidates(sweep.view(), await listLeftovers(sweep))) {
    candidates.set(leftover.pr, [...(candidates.get(leftover.pr) ?? []), leftover]);
  }
  for (const [pr, leftovers] of candidates) {
    const claims = await claimsOf(deps, sweep, pr, `leftovers of #${pr}`);
    for (const leftover of leftovers) {
      if (confirmUnclaimed(leftover.sha7, claims) === 'keep') continue;
      try {
        const result = await leftover.remove(claims ?? new Set());
        if (typeof result === 'object') {
          sweep.act({
            kind: 'route-repaired',
            pr,
            subject: leftover.subject,
            detail: `it forwarded to ${leftover.sha7}, which no label claims; it now forwards to ${result.movedTo}`,
          });
          continue;
        }
        if (result !== 'deleted') continue;
        sweep.cleaned += 1;
        sweep.act({
          kind: 'leftover-deleted',
          pr,
          subject: leftover.subject,
          detail: `no environment claims it (${leftover.createdAt ? `created ${formatTime(leftover.createdAt)}` : 'undated'})`,
        });
      } catch (error) {
        sweep.fail({ pr, subject: leftover.subject, error: messageOf(error) });
      }
    }
  }
}
