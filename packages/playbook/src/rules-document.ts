/**
 * The risk rules as counsel reviews them: one row per rule with whom and what it binds, its
 * exemptions, the date it is in force from and its source, printed from the playbook's own data
 * (docs/law/rules.md is this document for the bundled playbook; a test keeps it current). Written
 * from the playbook as the user wrote it, not the compiled rules, so every condition reads as typed.
 */
import { parse } from 'yaml';

type Condition = Record<string, unknown>;
interface RawRule {
  id: string;
  message?: string;
  source?: string;
  inForceFrom?: string;
  scope?: Record<string, Condition>;
  when?: Condition;
  exemptions?: { id: string; description?: string; source?: string; when?: Condition }[];
  then?: (Record<string, unknown> & { term: string; appliesFrom?: string })[];
  counselReview?: string;
}

const OPERATORS: Record<string, string> = {
  within: 'within',
  outside: 'outside',
  in: 'is one of',
  includes: 'includes',
  includesAny: 'includes any of',
  equals: 'is',
  truthy: 'is set',
  exists: 'exists',
  lte: 'is at most',
  before: 'is before',
};

const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/** A condition in words: `parties.buyer.kind is government`, `any of (…; …)`. */
export function describeCondition(condition: Condition | undefined): string {
  if (!condition) return '—';
  if (Array.isArray(condition.any)) return `any of (${(condition.any as Condition[]).map(describeCondition).join('; ')})`;
  if (Array.isArray(condition.all)) return (condition.all as Condition[]).map(describeCondition).join(' and ');
  if (condition.not) return `not (${describeCondition(condition.not as Condition)})`;
  const path = String(condition.path ?? '?');
  const parts = Object.entries(condition)
    .filter(([k]) => k !== 'path')
    .map(([k, v]) => {
      if (k === 'truthy' || k === 'exists') return v === false ? `${path} ${k === 'exists' ? 'is absent' : 'is not set'}` : `${path} ${OPERATORS[k]}`;
      return `${path} ${OPERATORS[k] ?? k} ${list(v)}`;
    });
  return parts.join(' and ') || path;
}

/** A required term in words: `privacy.biometricWrittenRelease is true (from 2027-12-11)`. */
function describeRequirement(r: Record<string, unknown> & { term: string; appliesFrom?: string }): string {
  const demands = Object.entries(r)
    .filter(([k]) => !['term', 'when', 'source', 'appliesFrom'].includes(k))
    .map(([k, v]) => `${{ equals: 'is', includes: 'includes', oneOf: 'is one of', atMost: 'at most', atLeast: 'at least', only: 'only' }[k] ?? k} ${list(v)}`);
  const when = r.when ? ` when ${describeCondition(r.when as Condition)}` : '';
  const from = r.appliesFrom ? ` (from ${r.appliesFrom})` : '';
  return `\`${r.term}\` ${demands.join(', ')}${when}${from}`;
}

/** Table cells hold no raw pipes or line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The rules of a playbook (its YAML text) as a Markdown document. */
export function rulesDocument(playbookText: string, title = 'Risk rules of the bundled playbook'): string {
  const rules = ((parse(playbookText) as { riskRules?: RawRule[] }).riskRules ?? []).slice();
  const lines = [
    `# ${title}`,
    '',
    'Generated from `playbook.yaml` by `rulesDocument` (packages/playbook); `packages/playbook/test/rules-document.test.ts`',
    'fails when it is out of date (`UPDATE_GOLDEN=1` rewrites it). A rule applies when the contract is **in scope** (every',
    'line of its scope holds), none of its **exemptions** does, and the contract is effective on or after the date **in',
    'force**; a requirement that starts later is reported as upcoming, with its date. Sources are checked against',
    '[`sources.yaml`](sources.yaml), which says for each how it was verified. Not legal advice: counsel must review.',
    '',
    `${rules.length} rules.`,
    '',
  ];
  for (const rule of rules) {
    lines.push(`## \`${rule.id}\``, '', cell(rule.message ?? ''), '');
    lines.push('| | |', '|:--|:--|');
    for (const [facet, condition] of Object.entries(rule.scope ?? {})) lines.push(`| scope: ${facet} | ${cell(describeCondition(condition))} |`);
    if (rule.when) lines.push(`| when | ${cell(describeCondition(rule.when))} |`);
    for (const e of rule.exemptions ?? [])
      lines.push(`| exempt: ${e.id} | ${cell(`${e.description ?? describeCondition(e.when)}${e.source ? ` (${e.source})` : ''}`)} |`);
    lines.push(`| requires | ${cell((rule.then ?? []).map(describeRequirement).join('; '))} |`);
    lines.push(`| in force | ${rule.inForceFrom ?? 'no date recorded'} |`);
    lines.push(`| source | ${cell(rule.source ?? '—')} |`);
    if (rule.counselReview) lines.push(`| counsel to review | ${cell(rule.counselReview)} |`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
