// Step 5 of the sweep: the label catalogue, and the repository labels the reconciler finds deletable.
import { messageOf } from './context.js';
import type { Sweep } from './sweep-state.js';
import { lower } from './sweep-state.js';
import {
  BLOCKED,
  FREEZE,
  labelDefinition,
  parseLabel,
  TRACKED,
  TRIGGER_START,
  TRIGGER_STOP,
} from '../core/labels.js';
import { confirmUncarried, labelVerdicts } from '../core/reconcile.js';
import type { LabelDefinition } from '../core/labels.js';
import type { PullRequestSummary } from '../github/port.js';
/** Created and coloured by every sweep, so that people see proper trigger labels in the label picker. */
export const CATALOGUE = [TRIGGER_START, TRIGGER_STOP, FREEZE, BLOCKED, TRACKED];
// ---------------------------------------------------------------------------------------------------------------
// Step 5: repository labels.

/**
 * Without the listing (a quiet sweep), one read of the catalogue's last label stands for all of it: a sync writes the
 * catalogue in order, so its last label in shape means the ones before it were written (a person recolouring one of
 * them is set right by the next sweep that lists).
 */
export async function syncCatalogue(sweep: Sweep, quiet: boolean): Promise<void> {
  const { deps } = sweep;
  const wanted = CATALOGUE.map((name) => labelDefinition(name)).filter(
    (definition): definition is LabelDefinition => definition !== undefined,
  );
  const inShape = (definition: LabelDefinition, current: LabelDefinition | undefined): boolean =>
    current !== undefined &&
    lower(current.color) === lower(definition.color) &&
    current.description === definition.description;
  const sentinel = wanted[wanted.length - 1];
  // 1 request.
  if (quiet && sentinel && inShape(sentinel, await deps.github.getLabelDefinition(sentinel.name))) return;
  const differing = wanted.filter((definition) => {
    if (quiet) return true; // ensureLabelDefinitions reads the current definitions itself
    const current = sweep.labelsByName.get(lower(definition.name));
    return (
      current === undefined ||
      lower(current.color) !== lower(definition.color) ||
      current.description !== definition.description
    );
  });
  // 0 requests when every catalogue label is in shape.
  if (differing.length === 0) return;
  const sync = await deps.github.ensureLabelDefinitions(differing);
  const names = deps.settings.dryRun.github
    ? differing.map((d) => d.name)
    : [...sync.created, ...sync.updated];
  if (names.length > 0) {
    sweep.act({ kind: 'labels-synced', subject: names.join(', '), detail: 'colour and description set' });
  }
}

/**
 * A PR that carries showtime labels but not TRACKED (labelled by an earlier generation) gets TRACKED, so that the
 * next sweeps find it with their first search and look after it like any other.
 */
async function adopt(sweep: Sweep, pull: PullRequestSummary): Promise<void> {
  const { deps } = sweep;
  if (pull.labels.some((label) => parseLabel(label).kind === 'tracked')) return;
  try {
    // 1 request (the dry-run twin only logs it); adding needs no fresh read, so no session.
    await deps.github.addLabels(pull.number, [TRACKED]);
    sweep.act({
      kind: 'adopted',
      pr: pull.number,
      subject: TRACKED,
      detail: 'it carries showtime labels of an earlier version; later sweeps look after it',
    });
  } catch (error) {
    sweep.fail({ pr: pull.number, subject: TRACKED, error: `could not add it: ${messageOf(error)}` });
  }
}

export async function deleteUnusedLabels(sweep: Sweep): Promise<void> {
  const { deps } = sweep;
  const deletions: { name: string; why: string }[] = [];
  const unverified: string[] = [];
  for (const verdict of labelVerdicts(sweep.view())) {
    if (verdict.kind === 'delete-label') deletions.push(verdict);
    else unverified.push(verdict.name);
  }

  // Deleting a repository label removes it from every PR that carries it, so a definition goes only when a consistent
  // read (the issues listing, not the lagging and possibly partial search index) shows nothing carries it. 1 request
  // per candidate; PRs found carrying one (labelled by an earlier generation, without TRACKED) are adopted.
  for (const name of unverified) {
    try {
      const carriers = await deps.github.listLabelCarriers(name);
      if (confirmUncarried(carriers) === 'act') deletions.push({ name, why: 'nothing carries it' });
      for (const pull of carriers.pulls) if (!sweep.prs.has(pull.number)) await adopt(sweep, pull);
    } catch (error) {
      sweep.fail({
        subject: name,
        error: `could not check what carries the label, kept: ${messageOf(error)}`,
      });
    }
  }

  for (const { name, why } of deletions) {
    try {
      // 1 request each; false means someone else deleted it first, which is as good.
      await deps.github.deleteRepoLabel(name);
      sweep.cleaned += 1;
      sweep.act({ kind: 'label-deleted', subject: name, detail: why });
    } catch (error) {
      sweep.fail({ subject: name, error: `could not delete the label: ${messageOf(error)}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
