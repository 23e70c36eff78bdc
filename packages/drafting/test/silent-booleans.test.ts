import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYamlText, type VendorAgreement } from '@contracts/core';
import { clauseContext, loadPlaybook } from '@contracts/playbook';
import { renderMarkdown } from '@contracts/render';
import { fixture } from './helpers.js';

/**
 * `check` reads an expected yes/no term that a contract leaves out as `false` (so deleting
 * `indemnity: false` cannot turn a walk-away error into a "missing" warning). That is only right while
 * the clause library prints a left-out flag exactly as `false`: the judge is the rendered agreement,
 * word for word, with the key deleted and with it set to false, for every boolean term of the playbook
 * in every contract that has it (the bundled ones and the drafting fixture that holds every term).
 */
const bundled = ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'].map(
  (name) => loadYamlText(readFileSync(new URL(`../../../contracts/${name}.yaml`, import.meta.url), 'utf8'), name).value!,
);
const contracts = [...bundled, fixture().value!];

describe('a yes/no term left out reads as false in the agreement', async () => {
  const { playbook } = await loadPlaybook(new URL('../../../playbook.yaml', import.meta.url).pathname);
  const booleans = playbook!.terms.filter((t) => t.spec.kind === 'boolean' && t.spec.expected !== false);

  it('covers every expected boolean term of the playbook in at least one contract', () => {
    const covered = booleans.filter((t) => contracts.some((c) => valueAt(c, t.segments) !== undefined));
    expect(covered.map((t) => t.path)).toEqual(booleans.map((t) => t.path));
  });

  it.each(booleans.map((t) => [t.path, t] as const))('renders %s left out exactly as false', (_path, term) => {
    let compared = 0;
    for (const contract of contracts) {
      if (valueAt(contract, term.segments) === undefined) continue;
      const render = (c: Record<string, unknown>) => renderMarkdown(c as unknown as VendorAgreement, { extraContext: (a) => clauseContext(playbook!, a) });
      const left = structuredClone(contract);
      delete parentOf(left, term.segments)[term.segments.at(-1)!];
      const off = structuredClone(contract);
      parentOf(off, term.segments)[term.segments.at(-1)!] = false;
      expect(render(left)).toBe(render(off));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

function valueAt(value: unknown, segments: readonly string[]): unknown {
  let at = value;
  for (const s of segments) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[s] : undefined;
  return at;
}

function parentOf(value: Record<string, unknown>, segments: readonly string[]): Record<string, unknown> {
  let at: Record<string, unknown> = value;
  for (const s of segments.slice(0, -1)) at = at[s] as Record<string, unknown>;
  return at;
}
