import type { Playbook } from './types.js';

/**
 * The `terms` of a new agreement at the playbook's preferred positions: where a negotiation should
 * start from the buyer's side. Terms the playbook only expects for some products (`expected: false`)
 * and free-text terms are left out; a list that needs any one of several members gets the first.
 */
export function preferredTerms(playbook: Playbook): Record<string, unknown> {
  const terms: Record<string, unknown> = {};
  for (const term of playbook.terms) {
    const { spec } = term;
    if (spec.preferred === undefined || spec.expected === false || spec.kind === 'text') continue;
    const value = spec.kind === 'list' && spec.match === 'any' && Array.isArray(spec.preferred) ? spec.preferred.slice(0, 1) : spec.preferred;
    let node = terms;
    const path = term.segments.slice(1); // below `terms`
    for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = Array.isArray(value) ? [...value] : value;
  }
  return terms;
}
