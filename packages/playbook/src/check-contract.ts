import { compareDiagnostics, dottedPath, locate, type Diagnostic, type LoadedFile, type RelatedLocation } from '@contracts/core';
import { describePosition, rate, showValue } from './compile-term.js';
import { draftingChecks } from './drafting-checks.js';
import { evaluateRules } from './evaluate-rules.js';
import { negotiatedWordingDiagnostics } from './negotiated-wording.js';
import { valueAt } from './paths.js';
import { countTier, summarize, summaryOf } from './summary.js';
import type { CheckResult, CompiledTerm, Inconsistency, Playbook, RuleFinding, TermEvaluation, TermResult } from './types.js';

export interface CheckOptions {
  /** Schema diagnostics already reported for this file: terms at (or under) those paths are not rated again. */
  schemaDiagnostics?: readonly Diagnostic[];
  /** Build info diagnostics for preferred positions (default true). Off saves time over thousands of files. */
  info?: boolean;
  /** Return every rated term in `terms` (default true). A batch that only prints findings turns it off. */
  terms?: boolean;
  /** Date to apply law as of when the contract has no `effectiveDate` (default: today / SOURCE_DATE_EPOCH). */
  asOf?: string;
}

/**
 * Rates every playbook term of one loaded contract and runs the risk rules. Walk-away and unmet rule
 * requirements are errors, fallback and missing terms warnings, preferred positions info.
 *
 * It runs once per file over thousands of files, so the loop allocates only what it returns: tier
 * counts are kept as it goes, and messages reuse each term's wording, worked out once per playbook.
 */
export function checkContract(loaded: LoadedFile, playbook: Playbook, options: CheckOptions = {}): CheckResult {
  const contract = loaded.value;
  if (contract === undefined) return { diagnostics: [], terms: [], findings: [], inconsistencies: [], summary: summarize([], []) };
  const broken: string[] = [];
  for (const d of options.schemaDiagnostics ?? []) if (d.path.startsWith('/terms/')) broken.push(d.path);
  // Callers test `broken.length` first: almost every file has no schema problem under /terms.
  const isBroken = (pointer: string) => broken.some((p) => pointer === p || pointer.startsWith(`${p}/`) || p.startsWith(`${pointer}/`));
  const info = options.info ?? true;
  const collectTerms = options.terms ?? true;

  const findings = evaluateRules(playbook, contract, options.asOf ? { asOf: options.asOf } : {});
  if (broken.length > 0) for (let i = findings.length - 1; i >= 0; i--) if (isBroken(findings[i]!.pointer)) findings.splice(i, 1);
  const inconsistencies: Inconsistency[] = [];
  for (const check of playbook.consistencyChecks)
    for (const f of check.run(contract)) if (broken.length === 0 || !isBroken(f.termsPointer)) inconsistencies.push({ checkId: check.id, ...f });
  let upcoming = 0;
  for (const f of findings) if (f.status === 'upcoming') upcoming++;

  const namedByRules = rulePointers(playbook);
  const diagnostics: Diagnostic[] = [];
  const terms: TermResult[] = [];
  const counts = { preferred: 0, fallback: 0, walkAway: 0, missing: 0, unrated: 0, risk: findings.length - upcoming + inconsistencies.length, upcoming };
  for (const term of playbook.terms) {
    if (broken.length > 0 && isBroken(term.pointer)) continue;
    const value = valueAt(contract, term.segments);
    const evaluation = rate(term, value === undefined ? silentReading(term) : value);
    const { tier } = evaluation;
    // A term a triggered rule finds wanting is reported once, by the rule, as an error.
    let ruleError = false;
    let requiredBy: string[] | undefined;
    if (findings.length > 0 && namedByRules.has(term.pointer)) {
      for (const f of findings) {
        // An upcoming obligation does not replace today's rating of the term.
        if (f.pointer !== term.pointer || f.status === 'upcoming') continue;
        ruleError = true;
        if (f.missing) (requiredBy ??= []).push(f.ruleId);
      }
    }
    const expected = term.spec.expected !== false;
    countTier(counts, tier, requiredBy !== undefined || expected);
    if (collectTerms) {
      const result: TermResult = { tier, path: term.path, pointer: term.pointer, label: term.spec.label, value, expected, requiredBy: requiredBy ?? [] };
      if (evaluation.beyondFallback) result.beyondFallback = true;
      terms.push(result);
    }
    if (ruleError) continue;
    if (tier === 'missing' && !expected) continue;
    if (tier === 'preferred' && !info) continue;
    const d = termDiagnostic(loaded, term, value ?? silentReading(term), evaluation, value === undefined);
    if (d) diagnostics.push(d);
  }
  for (const f of findings) diagnostics.push(findingDiagnostic(loaded, f));
  if (inconsistencies.length > 0) {
    const checks = new Map(playbook.consistencyChecks.map((c) => [c.id, c]));
    for (const f of inconsistencies) diagnostics.push(inconsistencyDiagnostic(loaded, checks.get(f.checkId)!, f));
  }
  for (const d of draftingChecks(loaded, playbook)) if (broken.length === 0 || !isBroken(d.path)) diagnostics.push(d);
  for (const d of negotiatedWordingDiagnostics(loaded)) if (d.severity !== 'info' || info) diagnostics.push(d);
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, terms, findings, inconsistencies, summary: summaryOf(counts) };
}

/** Pointers of the terms any risk rule requires, per playbook: most terms are named by none. */
const rulePointersByPlaybook = new WeakMap<Playbook, ReadonlySet<string>>();
function rulePointers(playbook: Playbook): ReadonlySet<string> {
  let pointers = rulePointersByPlaybook.get(playbook);
  if (!pointers) {
    pointers = new Set(playbook.rules.flatMap((rule) => rule.requirements.map((r) => r.pointer)));
    rulePointersByPlaybook.set(playbook, pointers);
  }
  return pointers;
}

const severityOf = { preferred: 'info', fallback: 'warning', 'walk-away': 'error', missing: 'warning' } as const;
const codeOf = { preferred: 'playbook/preferred', fallback: 'playbook/fallback', 'walk-away': 'playbook/walk-away', missing: 'playbook/missing' } as const;

/** The parts of a term's messages that depend only on the playbook, worked out once per compiled term. */
interface TermWording {
  name: string;
  unit: string;
  preferred: string | undefined;
  fallback: string | undefined;
  walkAwayLimit: string | undefined;
  acceptLimit: string | undefined;
}

const wordings = new WeakMap<CompiledTerm, TermWording>();

function wordingOf(term: CompiledTerm): TermWording {
  let wording = wordings.get(term);
  if (!wording) {
    const { spec } = term;
    const limit = spec.walkAwayBeyond ?? spec.fallback;
    wording = {
      name: `${spec.label} (${term.path})`,
      unit: spec.kind === 'number' && spec.unit ? ` ${spec.unit}` : '',
      preferred: spec.preferred !== undefined ? describePosition(spec, spec.preferred) : undefined,
      fallback: (spec.fallback ?? spec.preferred) !== undefined ? describePosition(spec, (spec.fallback ?? spec.preferred)!) : undefined,
      walkAwayLimit: spec.walkAwayBeyond !== undefined ? describePosition(spec, spec.walkAwayBeyond) : undefined,
      acceptLimit: limit !== undefined ? describePosition(spec, limit) : undefined,
    };
    wordings.set(term, wording);
  }
  return wording;
}

/**
 * What the agreement says when an expected yes/no term is left out: the clause library prints an
 * obligation only when its flag is true, so a silent contract reads exactly as `false` (a differential
 * test renders every boolean term both ways). Deleting `indemnity: false` must not turn a walk-away
 * error into a "missing" warning while the agreement stays word for word the same. Optional terms,
 * and terms of other kinds, are rated as missing.
 */
function silentReading(term: CompiledTerm): unknown {
  return term.spec.kind === 'boolean' && term.spec.expected !== false ? false : undefined;
}

function termDiagnostic(loaded: LoadedFile, term: CompiledTerm, value: unknown, evaluation: TermEvaluation, silent = false): Diagnostic | undefined {
  const { tier } = evaluation;
  if (tier === 'unrated') return undefined;
  const { name, unit, preferred, fallback, walkAwayLimit, acceptLimit } = wordingOf(term);
  let message: string;
  if (tier === 'missing') message = `${name} is missing; the playbook prefers ${preferred ?? 'it stated'}`;
  else if (silent && tier === 'walk-away')
    message = `${name} is not stated, so the agreement reads as ${showValue(value)}: walk-away; preferred is ${preferred}`;
  else if (tier === 'preferred') message = `${name} is ${showValue(value)}${unit}: preferred position`;
  else if (tier === 'fallback') {
    message = evaluation.beyondFallback
      ? `${name} is ${showValue(value)}${unit}: worse than the fallback (${fallback}) but within the walk-away limit (${walkAwayLimit}); needs sign-off`
      : `${name} is ${showValue(value)}${unit}: fallback position; preferred is ${preferred}`;
  } else {
    message = `${name} is ${showValue(value)}${unit}: walk-away${acceptLimit !== undefined ? ` (the playbook accepts ${acceptLimit})` : ''}; preferred is ${preferred}`;
  }
  const at = locate(loaded, term.pointer);
  const d: Diagnostic = {
    code: codeOf[tier],
    severity: severityOf[tier],
    message,
    file: loaded.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    path: term.pointer,
    source: term.spec.source,
  };
  if (tier !== 'preferred' && term.suggestion !== undefined) d.fix = term.suggestion;
  return d;
}

/** Dotted forms of the pointers rules name (a few dozen per playbook), worked out once. */
const dotted = new Map<string, string>();
const dottedOnce = (pointer: string): string => {
  let text = dotted.get(pointer);
  if (text === undefined) dotted.set(pointer, (text = dottedPath(pointer)));
  return text;
};

function findingDiagnostic(loaded: LoadedFile, f: RuleFinding): Diagnostic {
  const related: RelatedLocation[] = f.triggeredBy.map((pointer) => {
    const at = locate(loaded, pointer);
    const value = valueAt(loaded.value, pointer.slice(1).split('/'));
    // A rule can turn on a fact being absent (the people's location not given, so the devices' decides).
    const message = `${dottedOnce(pointer)} ${value === undefined ? 'is not given' : `is ${showValue(value)}`}`;
    return { file: loaded.file, path: pointer, message, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
  });
  const term = dottedOnce(f.pointer).replace(/^terms\./, '');
  const at = locate(loaded, f.pointer);
  const upcoming = f.status === 'upcoming';
  const when = upcoming ? ` (applies from ${f.appliesFrom}, after the effective date ${f.asOf})` : '';
  return {
    code: f.code,
    severity: upcoming ? 'warning' : 'error',
    message: `${term} ${f.missing ? 'is missing and ' : ''}${f.demand}${when}: ${f.message}`,
    file: loaded.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    path: f.pointer,
    source: f.source,
    fix: f.fix,
    related,
  };
}

/** A finding where the evaluation and the terms disagree: at the terms line, the evaluation line related. */
function inconsistencyDiagnostic(loaded: LoadedFile, check: Playbook['consistencyChecks'][number], f: Inconsistency): Diagnostic {
  const at = locate(loaded, f.termsPointer);
  const from = locate(loaded, f.evaluationPointer);
  const related: RelatedLocation[] = [
    {
      file: loaded.file,
      path: f.evaluationPointer,
      message: `${dottedOnce(f.evaluationPointer)} (product evaluation)`,
      line: from.line,
      column: from.column,
      endLine: from.endLine,
      endColumn: from.endColumn,
    },
  ];
  return {
    code: `risk/${check.id}`,
    severity: check.severity,
    message: `${dottedOnce(f.termsPointer).replace(/^terms\./, '')} contradicts the product evaluation: ${check.message} (${f.detail})`,
    file: loaded.file,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    path: f.termsPointer,
    source: check.source,
    related,
  };
}
