import type { RegionSets } from './types.js';

/**
 * Jurisdiction matching for the `within` / `outside` operators: a code is within another when it is
 * the same (`DE`), a subdivision of it (`US-IL` within `US`), or a member of a named set the
 * playbook defines (`DE` within `EEA`, sets may name sets). Sets are expanded once, at compile time.
 */
export function expandRegions(names: readonly string[], sets: RegionSets): string[] {
  const out = new Set<string>();
  const visit = (name: string, depth: number) => {
    if (out.has(name)) return;
    out.add(name);
    const members = sets[name];
    if (members && depth < 8) for (const m of members) visit(m, depth + 1);
  };
  for (const name of names) visit(name, 0);
  return [...out];
}

/** A test of one code against expanded regions: equal, or a subdivision (`US-CA` of `US`). */
export function regionTest(expanded: readonly string[]): (code: unknown) => boolean {
  const exact = new Set(expanded);
  return (code) => {
    if (typeof code !== 'string') return false;
    if (exact.has(code)) return true;
    const dash = code.indexOf('-');
    return dash > 0 && exact.has(code.slice(0, dash));
  };
}
