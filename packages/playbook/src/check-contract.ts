import { compareDiagnostics, dottedPath, locate, type Diagnostic, type LoadedFile, type RelatedLocation } from '@contracts/core';
import { describePosition, rate, showValue } from './compile-term.js';
import { evaluateRules } from './evaluate-rules.js';
import { valueAt } from './paths.js';
import { summarize } from './summary.js';
import type { CheckResult, CompiledTerm, Playbook, RuleFinding, TermEvaluation, TermResult } from './types.js';

export interface CheckOptions {
  /** Schema diagnostics already reported for this file: terms at (or under) those paths are not rated again. */
  schemaDiagnostics?: readonly Diagnostic[];
  /** Build info diagnostics for preferred positions (default true). Off saves time over thousands of files. */
  info?: boolean;
}

/**
 * Rates every playbook term of one loaded contract and runs the risk rules. Walk-away and unmet rule
 * requirements are errors, fallback and missing terms warnings, preferred positions info.
 */
export function checkContract(loaded: LoadedFile, playbook: Playbook, options: CheckOptions = {}): CheckResult {
  const contract = loaded.value;
  if (contract === undefined) return { diagnostics: [], terms: [], findings: [], summary: summarize([], []) };
  const broken = (options.schemaDiagnostics ?? []).map((d) => d.path).filter((p) => p.startsWith('/terms/'));
  const isBroken = broken.length === 0 ? () => false : (pointer: string) => broken.some((p) => pointer === p || pointer.startsWith(`${p}/`) || p.startsWith(`${pointer}/`));
  const info = options.info ?? true;

  const findings = evaluateRules(playbook, contract).filter((f) => !isBroken(f.pointer));
  const requiredBy = new Map<string, string[]>();
  for (const f of findings) if (f.missing) requiredBy.set(f.pointer, [...(requiredBy.get(f.pointer) ?? []), f.ruleId]);
  const ruleErrors = new Set(findings.map((f) => f.pointer));

  const diagnostics: Diagnostic[] = [];
  const terms: TermResult[] = [];
  for (const term of playbook.terms) {
    if (isBroken(term.pointer)) continue;
    const value = valueAt(contract, term.segments);
    const evaluation = rate(term, value);
    const rules = requiredBy.get(term.pointer) ?? [];
    // Built field by field: object spread is slow on hot paths with mixed shapes (10,000 files × 80 terms).
    const result: TermResult = { tier: evaluation.tier, path: term.path, pointer: term.pointer, label: term.spec.label, value, expected: term.spec.expected !== false, requiredBy: rules };
    if (evaluation.beyondFallback) result.beyondFallback = true;
    terms.push(result);
    // A term a triggered rule finds wanting is reported once, by the rule, as an error.
    if (ruleErrors.has(term.pointer)) continue;
    if (evaluation.tier === 'missing' && term.spec.expected === false) continue;
    if (evaluation.tier === 'preferred' && !info) continue;
    const d = termDiagnostic(loaded, term, value, evaluation);
    if (d) diagnostics.push(d);
  }
  for (const f of findings) diagnostics.push(findingDiagnostic(loaded, f));
  diagnostics.sort(compareDiagnostics);
  return { diagnostics, terms, findings, summary: summarize(terms, findings) };
}

const severityOf = { preferred: 'info', fallback: 'warning', 'walk-away': 'error', missing: 'warning' } as const;

function termDiagnostic(loaded: LoadedFile, term: CompiledTerm, value: unknown, evaluation: TermEvaluation): Diagnostic | undefined {
  const { tier } = evaluation;
  if (tier === 'unrated') return undefined;
  const { spec } = term;
  const name = `${spec.label} (${term.path})`;
  const unit = spec.kind === 'number' && spec.unit ? ` ${spec.unit}` : '';
  const preferred = spec.preferred !== undefined ? describePosition(spec, spec.preferred) : undefined;
  let message: string;
  if (tier === 'missing') message = `${name} is missing; the playbook prefers ${preferred ?? 'it stated'}`;
  else if (tier === 'preferred') message = `${name} is ${showValue(value)}${unit}: preferred position`;
  else if (tier === 'fallback') {
    message = evaluation.beyondFallback
      ? `${name} is ${showValue(value)}${unit}: worse than the fallback (${describePosition(spec, spec.fallback ?? spec.preferred!)}) but within the walk-away limit (${describePosition(spec, spec.walkAwayBeyond!)}); needs sign-off`
      : `${name} is ${showValue(value)}${unit}: fallback position; preferred is ${preferred}`;
  } else {
    const limit = spec.walkAwayBeyond ?? spec.fallback;
    message = `${name} is ${showValue(value)}${unit}: walk-away${limit !== undefined ? ` (the playbook accepts ${describePosition(spec, limit)})` : ''}; preferred is ${preferred}`;
  }
  const at = locate(loaded, term.pointer);
  const d: Diagnostic = { code: `playbook/${tier}`, severity: severityOf[tier], message, file: loaded.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, path: term.pointer, source: spec.source };
  if (tier !== 'preferred' && term.suggestion !== undefined) d.fix = term.suggestion;
  return d;
}

function findingDiagnostic(loaded: LoadedFile, f: RuleFinding): Diagnostic {
  const related: RelatedLocation[] = f.triggeredBy.map((pointer) => {
    const at = locate(loaded, pointer);
    const message = `${dottedPath(pointer)} is ${showValue(valueAt(loaded.value, pointer.slice(1).split('/')))}`;
    return { file: loaded.file, path: pointer, message, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn };
  });
  const term = dottedPath(f.pointer).replace(/^terms\./, '');
  const at = locate(loaded, f.pointer);
  return {
    code: f.code,
    severity: 'error',
    message: `${term} ${f.missing ? 'is missing and ' : ''}${f.demand}: ${f.message}`,
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
