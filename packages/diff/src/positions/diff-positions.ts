import { toPointer } from '@contracts/core';
import { evaluateTerm, findTerm, type Playbook } from '@contracts/playbook';
import { gainedBy } from './direction.js';
import { diffRequirements } from './requirements.js';
import type { ChangeKind, PositionChange, PositionDiff, ProductChange } from './types.js';
import { absent, flatten, listDelta, sameValue, unionKeys, type Leaf } from './values.js';

/** Top-level sections that are facts of the product evaluation, not negotiated positions. */
const FACT_SECTIONS = ['parties', 'product'];

/**
 * The semantic position diff of two versions of an agreement (plain values as loaded from YAML):
 * every term that moved, rated with the playbook (who gained, tier before → after, walk-away
 * crossed), the product-evaluation facts that changed, and the risk-rule requirements those facts add
 * or drop. Pure: same inputs, same output, in document order.
 */
export function diffPositions(oldValue: unknown, newValue: unknown, playbook: Playbook): PositionDiff {
  const positions = diffTerms(oldValue, newValue, playbook);
  const product = diffFacts(oldValue, newValue);
  const requirements = diffRequirements(playbook, oldValue, newValue, (term) => labelOf(playbook, term));
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
    },
  };
}

/** Only the term moves (what `history` and `rounds` need), without product facts or rules. */
export function diffTerms(oldValue: unknown, newValue: unknown, playbook: Playbook, only?: string): PositionChange[] {
  return diffFlatTerms(flattenTerms(oldValue, playbook), flattenTerms(newValue, playbook), playbook, only);
}

/** The leaves of `terms`, playbook terms kept whole: flatten each version once when diffing many. */
export function flattenTerms(value: unknown, playbook: Playbook): Map<string, Leaf> {
  return flatten(value, ['terms'], (dotted) => playbook.termsByPath.has(dotted));
}

/** `diffTerms` over versions already flattened with `flattenTerms`. */
export function diffFlatTerms(before: Map<string, Leaf>, after: Map<string, Leaf>, playbook: Playbook, only?: string): PositionChange[] {
  const changes: PositionChange[] = [];
  for (const path of unionKeys(before, after)) {
    if (only !== undefined && path !== only && !path.startsWith(`${only}.`)) continue;
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && (a.value === b.value || sameValue(a.value, b.value))) continue;
    const change = termChange(playbook, (a ?? b)!.segments, a?.value, b?.value);
    if (change) changes.push(change);
  }
  return changes;
}

/** The change of one term, or undefined when it did not move. */
export function termChange(playbook: Playbook, segments: string[], from: unknown, to: unknown): PositionChange | undefined {
  const kind = changeKind(from, to);
  if (!kind) return undefined;
  const path = segments.slice(1).join('.');
  const term = findTerm(playbook, path);
  const tierFrom = evaluateTerm(playbook, path, from).tier;
  const tierTo = evaluateTerm(playbook, path, to).tier;
  const walkAway = tierFrom !== 'walk-away' && tierTo === 'walk-away' ? 'entered' : tierFrom === 'walk-away' && tierTo !== 'walk-away' ? 'left' : undefined;
  return {
    path,
    pointer: toPointer(segments),
    label: term?.spec.label ?? path,
    change: kind,
    ...(absent(from) ? {} : { from }),
    ...(absent(to) ? {} : { to }),
    ...(term?.spec.unit ? { unit: term.spec.unit } : {}),
    gained: gainedBy(playbook, path, from, to, tierFrom, tierTo),
    tierFrom,
    tierTo,
    ...(walkAway ? { walkAway } : {}),
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
