import type { Diagnostic } from '@contracts/core';
import { locate, toPointer, type LoadedFile } from '@contracts/core';
import { conditionPaths } from './conditions.js';
import { allowedValues, kindFits, schemaAt } from './contract-schema.js';
import { pathSegments } from './paths.js';
import type { CompiledTerm, Condition, PlaybookSource } from './types.js';

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

  const regions = source.regions ?? {};
  const isRegion = (v: unknown) => typeof v === 'string' && (v in regions || /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(v));
  for (const [name, members] of Object.entries(regions))
    members.forEach((m, i) => {
      if (!isRegion(m)) report(`/regions/${name}/${i}`, `"${m}" in region ${name} is neither an ISO 3166 code nor a region of this playbook`);
    });

  /** Every path a condition reads exists, and every operand is a value the schema allows there. */
  const checkCondition = (condition: Condition, at: string) => {
    for (const c of conditionPaths(condition)) {
      const node = schemaAt(pathSegments(c.path));
      if (!node) {
        report(`${at}${c.at}/path`, `No field ${c.path} in the vendor-agreement schema`);
        continue;
      }
      const operands = Array.isArray(c.operand) ? c.operand : typeof c.operand === 'string' ? [c.operand] : [];
      if (c.operator === 'within' || c.operator === 'outside') {
        for (const v of operands)
          if (!isRegion(v))
            report(`${at}${c.at}`, `"${v}" is neither an ISO 3166 code nor a region of this playbook (regions: ${Object.keys(regions).join(', ')})`);
        continue;
      }
      if (c.operator === 'mentionsAny') continue;
      const allowed = allowedValues(node);
      for (const v of operands)
        if (allowed && typeof v === 'string' && !allowed.includes(v))
          report(`${at}${c.at}`, `"${v}" is not a value of ${c.path} (values: ${allowed.join(', ')})`);
    }
  };

  const ids = new Map<string, string>();
  const claim = (id: string, at: string, what: string) => {
    if (ids.has(id)) report(`${at}/id`, `${what} id ${id} is used twice (also at ${ids.get(id)}): both report as risk/${id}`);
    else ids.set(id, at);
  };
  const rules = source.riskRules ?? [];
  const ruleIds = new Set(rules.map((r) => r.id));
  rules.forEach((rule, i) => {
    const at = `/riskRules/${i}`;
    claim(rule.id, at, 'Rule');
    if (rule.when) checkCondition(rule.when, `${at}/when`);
    for (const [facet, c] of Object.entries(rule.scope ?? {})) if (c) checkCondition(c, `${at}/scope/${facet}`);
    if (!rule.when && !rule.scope) report(at, `Rule ${rule.id} needs a \`scope\` or a \`when\`: a rule that binds every contract is not law`, 'key');
    const exemptionIds = new Set<string>();
    (rule.exemptions ?? []).forEach((e, j) => {
      if (exemptionIds.has(e.id)) report(`${at}/exemptions/${j}/id`, `Exemption ${e.id} is listed twice in rule ${rule.id}`);
      exemptionIds.add(e.id);
      checkCondition(e.when, `${at}/exemptions/${j}/when`);
    });
    if (rule.inForceFrom && rule.repealedOn && rule.repealedOn <= rule.inForceFrom)
      report(`${at}/repealedOn`, `Rule ${rule.id} is repealed (${rule.repealedOn}) before it is in force (${rule.inForceFrom})`);
    if (rule.supersededBy && !ruleIds.has(rule.supersededBy))
      report(`${at}/supersededBy`, `Rule ${rule.id} is superseded by ${rule.supersededBy}, which is not a rule here`);
    if (rule.supersededBy && !rule.repealedOn)
      report(`${at}/supersededBy`, `Rule ${rule.id} names its successor but not the date it stops applying (\`repealedOn\`)`);
    rule.then.forEach((r, j) => {
      if (r.when) checkCondition(r.when, `${at}/then/${j}/when`);
      if (r.appliesFrom && rule.inForceFrom && r.appliesFrom < rule.inForceFrom)
        report(`${at}/then/${j}/appliesFrom`, `${r.term} applies from ${r.appliesFrom}, before the rule is in force (${rule.inForceFrom})`, 'value', 'warning');
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

  (source.consistencyChecks ?? []).forEach((check, i) => {
    const at = `/consistencyChecks/${i}`;
    claim(check.id, at, 'Consistency check');
    if (check.when) checkCondition(check.when, `${at}/when`);
    const evaluations = Array.isArray(check.evaluation) ? check.evaluation : [check.evaluation];
    evaluations.forEach((p, j) => {
      const segments = pathSegments(p);
      if (segments[0] === 'terms')
        report(`${at}/evaluation${Array.isArray(check.evaluation) ? `/${j}` : ''}`, `${p} is a term, not part of the product evaluation`);
      else if (!schemaAt(segments)) report(`${at}/evaluation${Array.isArray(check.evaluation) ? `/${j}` : ''}`, `No field ${p} in the vendor-agreement schema`);
    });
    const termSegments = pathSegments(check.terms);
    if (termSegments[0] !== 'terms' || !schemaAt(termSegments))
      report(`${at}/terms`, `No term ${check.terms} in the vendor-agreement schema (a consistency check compares with \`terms.…\`)`);
    if (check.kind === 'conflict' && (!check.evaluationTest || !check.termsTest))
      report(at, `Conflict check ${check.id} needs \`evaluationTest\` and \`termsTest\``, 'key');
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
