/**
 * The counterparty proposes terms; it does not change the facts. The parties (above all the buyer's own
 * details) and the product evaluation (`parties.*`, `product.*`) decide which laws apply, so a markup
 * that rewrites one must not switch a requirement off. A fact read from the markup is withheld: the
 * contract keeps the buyer's value, the regions that print it keep the counterparty's words as
 * negotiated wording (so the next rendering still equals their document with all changes accepted),
 * and each records what it says (`restates`), which `check` reports as an error until counsel settles it.
 */
import type { VendorAgreement } from '@contracts/core';
import { isFact } from '@contracts/playbook';
import type { RenderMarkdownOptions } from '@contracts/render';
import type { RegionProposal } from './align.js';
import { ABSENT } from './candidates.js';
import type { Restatement } from './own-words.js';
import { type ReadValuesResult, type ValueChange, withValue } from './read-values.js';
import { renderRegions, type Rendering } from './rendering.js';
import { termSpans } from './term-spans.js';

/** A fact the markup changed: not applied; `to` is what their wording says. */
export interface WithheldFact extends ValueChange {
  /** Their words where the base printed the fact (first region). */
  said: string;
}

/**
 * `read` without the facts it changed: the other terms applied to `base`, the regions that read right
 * only with a fact changed left as wording with their restatements, and the facts withheld.
 */
export function withholdFacts(
  base: VendorAgreement,
  baseRendering: Rendering,
  proposals: ReadonlyMap<string, RegionProposal>,
  read: ReadValuesResult,
  render: RenderMarkdownOptions,
): { read: ReadValuesResult; facts: WithheldFact[] } {
  const changed = read.changes.filter((c) => isFact(c.path));
  if (changed.length === 0) return { read, facts: [] };
  const terms = read.changes.filter((c) => !isFact(c.path));
  let contract = base;
  for (const c of terms) contract = withValue(contract, c.path, c.to === undefined ? ABSENT : c.to);
  const rendering = renderRegions(contract, render);
  const wanted = (region: string) => proposals.get(region)?.proposed.join(' ') ?? '';
  const matched = new Set([...read.matched].filter((region) => (rendering.texts.get(region) ?? '') === wanted(region)));
  const saidIn = (region: string, path: string) =>
    termSpans(region, baseRendering, proposals.get(region)?.proposed ?? []).spans.find((s) => s.leaf.path === path && s.changed)?.text;
  const restated: Restatement[] = [...read.restated];
  const restate = (region: string, c: ValueChange) => {
    if (restated.some((r) => r.region === region && r.path === c.path)) return;
    const said = saidIn(region, c.path);
    if (said !== undefined || isFact(c.path))
      restated.push({ region, path: c.path, said: said ?? String(c.to ?? ''), ...(c.to !== undefined ? { value: c.to } : {}) });
  };
  const facts: WithheldFact[] = changed.map((c) => {
    for (const region of c.regions) restate(region, c);
    const said = c.regions.map((r) => saidIn(r, c.path)).find((s) => s !== undefined) ?? String(c.to ?? '');
    return { ...c, said };
  });
  // A term changed in a region now kept as wording: the wording restates it too, so check sees if the two part.
  const wording = read.changed.filter((region) => !matched.has(region));
  for (const c of terms) for (const region of c.regions) if (wording.includes(region)) restate(region, c);
  return { read: { ...read, contract, changes: terms, matched, restated, renders: read.renders + 1 }, facts };
}
