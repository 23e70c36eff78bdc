import { loadYamlText, type Diagnostic, type SchemaValidator } from '@contracts/core';
import { describePosition, showValue, type CompiledTerm, type Playbook, type PositionValue, type TermPositionSource } from '@contracts/playbook';
import type { ProposedPlaybook } from './playbook-source.js';
import { checkVersion, key, readHead } from './review.js';

/** How the change moved one term's positions, in words (`at most 24 hours` → `at most 720 hours`). */
export interface TermPositionChange {
  term: string;
  label: string;
  status: 'added' | 'removed' | 'changed';
  /** The bands at the base and with the change: `preferred at most 24 hours · fallback … · walk-away beyond …`. */
  before: string;
  after: string;
  /** For the buyer: `looser` lets worse values pass, `tighter` fewer; `other` when the scales differ. */
  direction: 'looser' | 'tighter' | 'mixed' | 'other';
}

export interface RuleChange {
  kind: 'risk rule' | 'consistency check';
  id: string;
  status: 'added' | 'removed' | 'changed';
}

/** Findings in one contract that the proposed playbook would add or remove. */
export interface FindingShift {
  path: string;
  added: Diagnostic[];
  removed: Diagnostic[];
}

/** What a change to the playbook would do, for the summary's own section. */
export interface PlaybookChange extends Omit<ProposedPlaybook, 'before' | 'after' | 'beforeText' | 'afterText'> {
  terms: TermPositionChange[];
  rules: RuleChange[];
  /** Per contract in scope, the findings the proposed playbook gives that the judging one does not, and back. */
  findings: FindingShift[];
}

/**
 * Compares the playbook the base uses with the one the change proposes: each term whose positions
 * moved (old → new bands, looser or tighter for the buyer), each risk rule or consistency check
 * added, removed or changed, and for every contract in scope the findings the new playbook would add
 * or remove. `files` are repository-relative paths read from the working tree as check reads them.
 */
export function comparePlaybooks(proposed: ProposedPlaybook, root: string, files: readonly string[], validator: SchemaValidator): PlaybookChange {
  const { before, after, beforeText, afterText, ...rest } = proposed;
  const terms = before && after ? termChanges(before, after) : [];
  const rules = afterText === undefined ? [] : ruleChanges(beforeText, afterText);
  const findings: FindingShift[] = [];
  if (before && after)
    for (const path of files) {
      const { loaded } = readHead(root, path);
      const judged = checkVersion(loaded, validator, before).diagnostics;
      const wouldBe = checkVersion(loaded, validator, after).diagnostics;
      const shift = { path, added: without(wouldBe, judged), removed: without(judged, wouldBe) };
      if (shift.added.length + shift.removed.length > 0) findings.push(shift);
    }
  return { ...rest, terms, rules, findings };
}

/** `a` minus `b`, as multisets of findings (same code, field and severity). */
function without(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  const k = (d: Diagnostic) => `${key(d)}\u0000${d.severity}`;
  for (const d of b) left.set(k(d), (left.get(k(d)) ?? 0) + 1);
  return a.filter((d) => {
    const n = left.get(k(d)) ?? 0;
    if (n > 0) left.set(k(d), n - 1);
    return n === 0;
  });
}

const BANDS = [
  ['preferred', 'preferred', 'preferred'],
  ['fallback', 'fallback', 'fallback'],
  ['walkAwayBeyond', 'walkAway', 'walk-away beyond'],
] as const;

/** The positions of a term in words. */
export function bands(spec: TermPositionSource): string {
  // The walk-away limit is the last acceptable value: "beyond 72 hours", not "beyond at most 72 hours".
  const limit = (v: PositionValue) => (spec.kind === 'list' ? describePosition(spec, v) : `${showValue(v)}${spec.unit ? ` ${spec.unit}` : ''}`);
  const parts = BANDS.flatMap(([field, , name]) =>
    spec[field] === undefined ? [] : [`${name} ${field === 'walkAwayBeyond' ? limit(spec[field]!) : describePosition(spec, spec[field]!)}`],
  );
  if (spec.expected === false) parts.push('optional');
  return parts.length > 0 ? parts.join(' · ') : 'recorded, not rated';
}

const positions = (spec: TermPositionSource) =>
  JSON.stringify([spec.kind, spec.unit, spec.better, spec.order, spec.match, spec.preferred, spec.fallback, spec.walkAwayBeyond, spec.expected !== false]);

function termChanges(before: Playbook, after: Playbook): TermPositionChange[] {
  const out: TermPositionChange[] = [];
  for (const path of [...new Set([...before.termsByPath.keys(), ...after.termsByPath.keys()])].sort()) {
    const was = before.termsByPath.get(path);
    const now = after.termsByPath.get(path);
    if (was && now && positions(was.spec) === positions(now.spec)) continue;
    out.push({
      term: path,
      label: (now ?? was)!.spec.label,
      status: !was ? 'added' : !now ? 'removed' : 'changed',
      before: was ? bands(was.spec) : 'not in the playbook',
      after: now ? bands(now.spec) : 'not in the playbook',
      direction: direction(was, now),
    });
  }
  return out;
}

/** Looser when a band now lets a worse value pass (or is gone), tighter when it asks for a better one (or is new). */
function direction(was: CompiledTerm | undefined, now: CompiledTerm | undefined): TermPositionChange['direction'] {
  if (!was || !now) return was ? 'looser' : 'tighter';
  const scale = (t: CompiledTerm) => JSON.stringify([t.spec.kind, t.spec.better, t.spec.order, t.spec.kind === 'boolean' ? t.spec.preferred : 0]);
  if (scale(was) !== scale(now) || was.spec.kind === 'list') return 'other';
  let looser = (was.spec.expected ?? true) && now.spec.expected === false;
  let tighter = was.spec.expected === false && (now.spec.expected ?? true);
  for (const [, band] of BANDS) {
    const a = was.thresholds[band];
    const b = now.thresholds[band];
    if (a === b) continue;
    if (b === undefined || (a !== undefined && b < a)) looser = true;
    else tighter = true;
  }
  return looser && tighter ? 'mixed' : looser ? 'looser' : tighter ? 'tighter' : 'other';
}

function ruleChanges(beforeText: string, afterText: string): RuleChange[] {
  const read = (text: string) => (loadYamlText(text, 'playbook.yaml').value ?? {}) as Record<string, unknown>;
  const a = read(beforeText);
  const b = read(afterText);
  const out: RuleChange[] = [];
  for (const [field, kind] of [
    ['riskRules', 'risk rule'],
    ['consistencyChecks', 'consistency check'],
  ] as const) {
    const byId = (v: unknown) =>
      new Map((Array.isArray(v) ? v : []).filter((r) => r && typeof r.id === 'string').map((r) => [r.id as string, JSON.stringify(r)] as const));
    const was = byId(a[field]);
    const now = byId(b[field]);
    for (const id of [...new Set([...was.keys(), ...now.keys()])].sort()) {
      if (was.get(id) === now.get(id)) continue;
      out.push({ kind, id, status: !was.has(id) ? 'added' : !now.has(id) ? 'removed' : 'changed' });
    }
  }
  return out;
}
