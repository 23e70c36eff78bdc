import { toPointer } from '@contracts/core';
import { evaluateTerm, findTerm, type Playbook } from '@contracts/playbook';
import { droppedAtWalkAway, gainedBy } from './direction.js';
import { requiredTerms, requirementChanges, type RuleRequirement } from './requirements.js';
import { diffWording } from '../wording/diff-wording.js';
import type { WordingDiff } from '../wording/types.js';
import type { ChangeKind, PositionChange, PositionDiff, ProductChange, RequirementChange } from './types.js';
import { absent, flatten, listDelta, sameValue, unionKeys, type Leaf } from './values.js';

/** Top-level sections that are facts of the product evaluation, not negotiated positions. */
const FACT_SECTIONS = ['parties', 'product'];

/**
 * The semantic position diff of two versions of an agreement (plain values as loaded from YAML):
 * every term that moved, rated with the playbook (who gained, tier before → after, walk-away
 * crossed), the product-evaluation facts that changed, and the risk-rule requirements that started or
 * stopped binding or being met. A term move that breaks a rule's requirement is toward the vendor
 * whatever its tiers say, one that meets it toward the buyer unless its tiers say otherwise. Pure:
 * same inputs, same output, in document order.
 */
export function diffPositions(oldValue: unknown, newValue: unknown, playbook: Playbook): PositionDiff {
  const { positions, requirements } = rateMoves(playbook, versionToRate(oldValue, playbook), versionToRate(newValue, playbook));
  const product = diffFacts(oldValue, newValue);
  const count = (f: (c: PositionChange) => boolean) => positions.filter(f).length;
  return {
    positions,
    product,
    requirements,
    summary: {
      moved: positions.length,
      towardBuyer: count((c) => c.gained === 'buyer'),
      towardVendor: count((c) => c.gained === 'vendor'),
      neutral: count((c) => c.gained === 'neutral'),
      walkAwayEntered: count((c) => c.walkAway === 'entered'),
      walkAwayLeft: count((c) => c.walkAway === 'left'),
      walkAwayDropped: count((c) => c.review === 'walk-away-dropped'),
      requirementsUnmet: requirements.filter((r) => r.gained === 'vendor').length,
      requirementsMet: requirements.filter((r) => r.gained === 'buyer').length,
    },
  };
}

/**
 * What `contracts diff` and the PR summary compare: `diffPositions` and the negotiated wording
 * (`diffWording`) that changed between the two versions.
 */
export function diffVersions(oldValue: unknown, newValue: unknown, playbook: Playbook): PositionDiff & { wording: WordingDiff } {
  return { ...diffPositions(oldValue, newValue, playbook), wording: diffWording(oldValue, newValue) };
}

/** One version as `rateMoves` reads it: its terms flattened and the rule requirements that bind it, each worked out once. */
export interface VersionToRate {
  terms: Map<string, Leaf>;
  required: Map<string, RuleRequirement>;
}

/** `value` read once for `rateMoves` (history reads each version once, for the steps on both sides of it). */
export function versionToRate(value: unknown, playbook: Playbook): VersionToRate {
  return { terms: flattenTerms(value, playbook), required: requiredTerms(playbook, value) };
}

/**
 * The term moves between two versions rated by the playbook's tiers and its risk rules, and the rule
 * requirements whose state changed: the one rating `diffPositions` and `positionHistory` share.
 * `only` limits the moves to one term or subtree.
 */
export function rateMoves(
  playbook: Playbook,
  before: VersionToRate,
  after: VersionToRate,
  only?: string,
): { positions: PositionChange[]; requirements: RequirementChange[] } {
  const ruleRequired = new Set([...before.required.values(), ...after.required.values()].map((r) => r.term));
  const requirements = requirementChanges(before.required, after.required, (term) => labelOf(playbook, term));
  return { positions: withRules(diffFlatTerms(before.terms, after.terms, playbook, only, ruleRequired), requirements), requirements };
}

/** The term moves with the rule requirements each broke or met, and the direction those decide. */
function withRules(positions: PositionChange[], requirements: readonly RequirementChange[]): PositionChange[] {
  const decisive = requirements.filter((r) => r.change === 'met' || r.change === 'unmet');
  if (decisive.length === 0) return positions;
  return positions.map((p) => {
    const rules = decisive
      .filter((r) => r.term === p.path || r.term.startsWith(`${p.path}.`) || p.path.startsWith(`${r.term}.`))
      .map((r) => ({ ruleId: r.ruleId, change: r.change as 'met' | 'unmet' }));
    if (rules.length === 0) return p;
    const gained = rules.some((r) => r.change === 'unmet') ? 'vendor' : p.gained === 'neutral' ? 'buyer' : p.gained;
    return { ...p, gained, rules };
  });
}

/**
 * Only the term moves (what `history` and `rounds` need), without product facts or rule requirements.
 * `ruleRequired`: dotted paths of terms a risk rule requires in either version (see `gainedBy`).
 */
export function diffTerms(oldValue: unknown, newValue: unknown, playbook: Playbook, only?: string, ruleRequired?: ReadonlySet<string>): PositionChange[] {
  return diffFlatTerms(flattenTerms(oldValue, playbook), flattenTerms(newValue, playbook), playbook, only, ruleRequired);
}

/** The leaves of `terms`, playbook terms kept whole: flatten each version once when diffing many. */
export function flattenTerms(value: unknown, playbook: Playbook): Map<string, Leaf> {
  return flatten(value, ['terms'], (dotted) => playbook.termsByPath.has(dotted));
}

/** `diffTerms` over versions already flattened with `flattenTerms`. */
export function diffFlatTerms(
  before: Map<string, Leaf>,
  after: Map<string, Leaf>,
  playbook: Playbook,
  only?: string,
  ruleRequired?: ReadonlySet<string>,
): PositionChange[] {
  const changes: PositionChange[] = [];
  for (const path of unionKeys(before, after)) {
    if (only !== undefined && path !== only && !path.startsWith(`${only}.`)) continue;
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && (a.value === b.value || sameValue(a.value, b.value))) continue;
    const change = termChange(playbook, (a ?? b)!.segments, a?.value, b?.value, ruleRequired?.has(path) ?? false);
    if (change) changes.push(change);
  }
  return changes;
}

/** The change of one term, or undefined when it did not move. `ruleRequired`: a risk rule requires the term. */
export function termChange(playbook: Playbook, segments: string[], from: unknown, to: unknown, ruleRequired = false): PositionChange | undefined {
  const kind = changeKind(from, to);
  if (!kind) return undefined;
  const path = segments.slice(1).join('.');
  const term = findTerm(playbook, path);
  const tierFrom = evaluateTerm(playbook, path, from).tier;
  const tierTo = evaluateTerm(playbook, path, to).tier;
  const dropped = droppedAtWalkAway(tierFrom, to);
  const walkAway =
    tierFrom !== 'walk-away' && tierTo === 'walk-away' ? 'entered' : tierFrom === 'walk-away' && tierTo !== 'walk-away' && !dropped ? 'left' : undefined;
  return {
    path,
    pointer: toPointer(segments),
    label: term?.spec.label ?? path,
    change: kind,
    ...(absent(from) ? {} : { from }),
    ...(absent(to) ? {} : { to }),
    ...(term?.spec.unit ? { unit: term.spec.unit } : {}),
    gained: gainedBy(playbook, path, from, to, tierFrom, tierTo, ruleRequired),
    tierFrom,
    tierTo,
    ...(walkAway ? { walkAway } : {}),
    ...(dropped ? { review: 'walk-away-dropped' } : {}),
    ...listDelta(from, to),
  } as PositionChange;
}

/** Changed facts of the product evaluation (`product.*`, `parties.*`), in document order. */
function diffFacts(oldValue: unknown, newValue: unknown): ProductChange[] {
  const changes: ProductChange[] = [];
  for (const section of FACT_SECTIONS) {
    const before = flatten(oldValue, [section]);
    const after = flatten(newValue, [section]);
    for (const key of unionKeys(before, after)) {
      const { segments } = (before.get(key) ?? after.get(key))!;
      const from = before.get(key)?.value;
      const to = after.get(key)?.value;
      const kind = changeKind(from, to);
      if (!kind) continue;
      changes.push({
        path: segments.join('.'),
        pointer: toPointer(segments),
        change: kind,
        ...(absent(from) ? {} : { from }),
        ...(absent(to) ? {} : { to }),
        ...listDelta(from, to),
      });
    }
  }
  return changes;
}

function changeKind(from: unknown, to: unknown): ChangeKind | undefined {
  if (absent(from) && absent(to)) return undefined;
  if (absent(from)) return 'added';
  if (absent(to)) return 'removed';
  return sameValue(from, to) ? undefined : 'changed';
}

function labelOf(playbook: Playbook, term: string): string {
  return findTerm(playbook, term)?.spec.label ?? term;
}
