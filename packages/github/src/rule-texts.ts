import type { RuleText } from '@contracts/format';
import type { Playbook } from '@contracts/playbook';

/** SARIF rule metadata for the codes a playbook defines: `risk/<rule id>` and `risk/<consistency check id>`. */
export function ruleTexts(playbook: Playbook): Record<string, RuleText> {
  const out: Record<string, RuleText> = {};
  for (const r of [...playbook.rules, ...playbook.consistencyChecks]) out[`risk/${r.id}`] = { description: r.message, source: r.source };
  return out;
}
