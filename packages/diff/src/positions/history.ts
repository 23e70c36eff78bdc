import type { CommittedVersion } from '@contracts/git';
import type { Playbook } from '@contracts/playbook';
import { diffFlatTerms, rateMoves, versionToRate, type VersionToRate } from './diff-positions.js';
import { diffWording } from '../wording/diff-wording.js';
import type { WordingDiff } from '../wording/types.js';
import type { PositionChange } from './types.js';

/** One version of the file in history (oldest first), as git's one-pass reader gives it. */
export type HistoryVersion = CommittedVersion;

/** A version and the term moves it made relative to the last readable version before it. */
export interface HistoryStep extends Omit<HistoryVersion, 'value'> {
  changes: PositionChange[];
  /** The negotiated wording this version changed (`diffWording`); absent when the history is of one term, or the version is unreadable. */
  wording?: WordingDiff;
}

/**
 * How each position moved across versions (oldest first). Unreadable versions are kept as steps
 * with `problem` and no changes; the next readable one is compared with the last readable before.
 * Moves are rated as `diffPositions` rates them (tiers and risk rules), the wording compared as `diffWording` compares it. The first readable version's terms and wording are `added`, its terms neutral. `term` limits the changes to one term (or a term subtree); steps without changes are then dropped.
 */
export function positionHistory(versions: readonly HistoryVersion[], playbook: Playbook, term?: string): HistoryStep[] {
  const only = term
    ?.replace(/^\/?terms[./]/, '')
    .split('/')
    .join('.');
  const steps: HistoryStep[] = [];
  let previous: VersionToRate | undefined;
  let previousValue: unknown = {};
  for (const { value, ...meta } of versions) {
    if (value === undefined) {
      steps.push({ ...meta, changes: [] });
      continue;
    }
    // The first version is the opening position, not a move: nobody gained by it.
    const current = versionToRate(value, playbook);
    const changes =
      previous === undefined
        ? diffFlatTerms(new Map(), current.terms, playbook, only).map((c) => ({ ...c, gained: 'neutral' as const }))
        : rateMoves(playbook, previous, current, only).positions;
    previous = current;
    const wording = only === undefined ? diffWording(previousValue, value) : undefined;
    previousValue = value;
    if (only !== undefined && changes.length === 0) continue;
    steps.push({ ...meta, changes, ...(wording ? { wording } : {}) });
  }
  return steps;
}
