import type { Diagnostic } from '@contracts/core';
import { locate, toPointer, type LoadedFile } from '@contracts/core';
import { conditionPaths } from './conditions.js';
import { allowedValues, kindFits, schemaAt } from './contract-schema.js';
import { pathSegments } from './paths.js';
import type { CompiledTerm, PlaybookSource } from './types.js';

/**
 * Checks a schema-valid playbook against the vendor-agreement schema and against itself: every term
 * and condition path exists, every option is one the schema allows, and positions are in order.
 */
export function semanticChecks(loaded: LoadedFile, source: PlaybookSource, terms: CompiledTerm[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (pointer: string, message: string, target: 'key' | 'value' = 'value', severity: Diagnostic['severity'] = 'error') =>
    out.push({ code: 'playbook/invalid', severity, message, file: loaded.file, path: pointer, ...locate(loaded, pointer, target) });
  const seen = new Map<string, string>();

  for (const term of terms) {
    const { spec, playbookPointer: at, path } = term;
    const key = at.slice('/terms/'.length);
    const earlier = seen.get(path);
    if (earlier !== undefined) report(at, `Term ${path} is listed twice (also as ${earlier})`, 'key');
    seen.set(path, key);
    const node = schemaAt(term.segments);
    if (!node) {
      report(at, `No term ${path} in the vendor-agreement schema`, 'key');
      continue;
    }
    if (!kindFits(spec.kind, node)) {
      report(`${at}/kind`, `Term ${path} is not a ${spec.kind} in the vendor-agreement schema`);
      continue;
    }
    const allowed = allowedValues(node);
    if (spec.kind === 'option' && allowed) {
      spec.order?.forEach((option, i) => {
        if (!allowed.includes(option)) report(`${at}/order/${i}`, `"${option}" is not an option of ${path} (options: ${allowed.join(', ')})`);
      });
      const unranked = allowed.filter((o) => !spec.order?.includes(o as string));
      if (unranked.length > 0) report(`${at}/order`, `${path}: options not ranked, so never rated: ${unranked.join(', ')}`, 'key', 'warning');
    }
    if (spec.kind === 'number' && !spec.better && spec.preferred !== undefined)
      report(at, `Number term ${path} needs \`better: lower\` or \`better: higher\``, 'key');
    if (spec.kind === 'option' && !spec.order) report(at, `Option term ${path} needs \`order\` (best first)`, 'key');
    for (const which of ['preferred', 'fallback', 'walkAwayBeyond'] as const) {
      const value = spec[which];
      if (value === undefined) continue;
      const ok = positionFits(spec.kind, value, spec.order, allowed);
      if (ok !== true) report(`${at}/${which}`, `${path}: ${which} ${ok}`);
    }
    if (spec.preferred === undefined && (spec.fallback !== undefined || spec.walkAwayBeyond !== undefined))
      report(at, `${path}: a fallback or walk-away limit needs a preferred position`, 'key');
    const { preferred, fallback, walkAway } = term.thresholds;
    if (preferred !== undefined && fallback !== undefined && fallback > preferred)
      report(`${at}/fallback`, `${path}: the fallback is better for the buyer than the preferred position`);
    const floor = fallback ?? preferred;
    if (floor !== undefined && walkAway !== undefined && walkAway > floor)
      report(`${at}/walkAwayBeyond`, `${path}: the walk-away limit is better for the buyer than the fallback position`);
  }

  const ids = new Map<string, number>();
  (source.riskRules ?? []).forEach((rule, i) => {
    const at = `/riskRules/${i}`;
    if (ids.has(rule.id)) report(`${at}/id`, `Rule id ${rule.id} is used twice (also rule ${ids.get(rule.id)! + 1})`);
    ids.set(rule.id, i);
    for (const c of conditionPaths(rule.when)) {
      const node = schemaAt(pathSegments(c.path));
      if (!node) report(`${at}/when${c.at}/path`, `No field ${c.path} in the vendor-agreement schema`);
      else {
        const allowed = allowedValues(node);
        const operands = Array.isArray(c.operand) ? c.operand : typeof c.operand === 'string' ? [c.operand] : [];
        for (const v of operands)
          if (allowed && typeof v === 'string' && !allowed.includes(v))
            report(`${at}/when${c.at}`, `"${v}" is not a value of ${c.path} (values: ${allowed.join(', ')})`);
      }
    }
    rule.then.forEach((r, j) => {
      const segments = pathSegments(r.term, ['terms']);
      const node = schemaAt(segments);
      if (!node) {
        report(`${at}/then/${j}/term`, `No term ${r.term} in the vendor-agreement schema`);
        return;
      }
      const allowed = allowedValues(node);
      const values = [r.equals, ...(r.oneOf ?? []), ...(r.only ?? []), ...(r.includes ?? []), ...(r.includesAny ?? [])];
      for (const v of values)
        if (allowed && typeof v === 'string' && !allowed.includes(v))
          report(`${at}/then/${j}`, `"${v}" is not a value of ${r.term} (values: ${allowed.join(', ')})`);
    });
  });
  return out;
}

function positionFits(kind: string, value: unknown, order: string[] | undefined, allowed: unknown[] | undefined): true | string {
  switch (kind) {
    case 'number':
      return typeof value === 'number' ? true : 'must be a number';
    case 'option':
      return typeof value === 'string' && order?.includes(value) ? true : `must be one of the ranked options (${(order ?? []).join(', ')})`;
    case 'boolean':
      return typeof value === 'boolean' ? true : 'must be true or false';
    case 'list': {
      if (!Array.isArray(value)) return 'must be a list of members';
      const bad = allowed ? value.filter((m) => !allowed.includes(m)) : [];
      return bad.length === 0 ? true : `lists ${bad.join(', ')}, not allowed by the schema`;
    }
    default:
      return 'is not used for text terms (they are not rated)';
  }
}

export const termEntryPointer = (key: string): string => toPointer(['terms', key]);
