/**
 * Reads term values back through the templates' own wording. For each region whose text the
 * counterparty changed, candidate values of the terms it prints or depends on are rendered, and a
 * candidate is accepted only when the region then reads exactly as they wrote it, word for word,
 * without any region that already read right reading differently. Two terms changed in one clause are
 * found in steps: a candidate that brings the region closer is kept while the next is searched for,
 * and dropped again unless the region ends exactly right. The template is the one source of truth:
 * there is no inverse parser per wording, and no value the template would not print can come out.
 */
import type { VendorAgreement } from '@contracts/core';
import type { SchemaValidator } from '@contracts/core';
import { placeCodesNamedIn, type RenderMarkdownOptions } from '@contracts/render';
import type { RegionProposal } from './align.js';
import { ABSENT, type Candidate, candidatesFor } from './candidates.js';
import type { LibraryFacts } from './library-facts.js';
import { renderRegions, type Rendering } from './rendering.js';
import { type Leaf, leavesUnder } from './schema-leaves.js';
import { figuresThatDisagree, numbersByValue, numbersSaid, type Restatement } from './own-words.js';
import { termSpans } from './term-spans.js';
import { bagDistance } from './words.js';

/** One term the markup changed. `to` undefined: the term was removed. */
export interface ValueChange {
  path: string;
  from: unknown;
  to: unknown;
  /** The regions whose wording this change explains. */
  regions: string[];
  /** Read from the counterparty's own words (their wording is kept as negotiated wording too). */
  ownWords?: boolean;
}

export interface ReadValuesResult {
  contract: VendorAgreement;
  changes: ValueChange[];
  /** Regions that read as the counterparty wrote them once the changes are applied. */
  matched: Set<string>;
  /** Regions the counterparty changed. */
  changed: string[];
  /** Terms the counterparty restated in its own words, read or not. */
  restated: Restatement[];
  renders: number;
  renderMs: number;
}

export interface ReadValuesOptions {
  /** How every candidate is rendered: as the base was (`renderRegions`). */
  render: RenderMarkdownOptions;
  facts: LibraryFacts;
  validator: SchemaValidator;
  /** Candidate renders tried per region before its change is left as negotiated wording. */
  budgetPerRegion?: number;
}

interface Applied {
  path: string;
  value: Candidate;
  regions: string[];
  ownWords?: boolean;
}

const joined = new WeakMap<string[], string>();
const textOf = (words: string[] | undefined) => {
  if (!words) return '';
  let s = joined.get(words);
  if (s === undefined) {
    s = words.join(' ');
    joined.set(words, s);
  }
  return s;
};

/** Finds the term values that explain the counterparty's changes (see the module comment). */
export function readValues(base: VendorAgreement, baseRendering: Rendering, proposals: Map<string, RegionProposal>, o: ReadValuesOptions): ReadValuesResult {
  const budget = o.budgetPerRegion ?? 60;
  const target = new Map<string, string>([...proposals].map(([r, p]) => [r, textOf(p.proposed)]));
  const wanted = (region: string) => target.get(region) ?? '';
  const equal = (r: Rendering, region: string) => (r.texts.get(region) ?? '') === wanted(region);
  let state: VendorAgreement = base;
  let rendering = baseRendering;
  let renders = 0;
  let renderMs = 0;
  const applied: Applied[] = [];
  const changed = [...proposals.keys()].filter((region) => !equal(baseRendering, region) || proposals.get(region)!.reshaped);
  // A reshaped row (see `RegionProposal.reshaped`) is wording: no value is read out of it.
  const searched = changed.filter((region) => !proposals.get(region)!.reshaped);

  const tryCandidate = (path: string, value: Candidate) => {
    const next = withValue(state, path, value);
    if (!o.validator(next)) return undefined;
    const started = performance.now();
    const r = renderSafely(next, o.render);
    renderMs += performance.now() - started;
    renders++;
    if (!r) return undefined;
    // Regions whose text moved: they must read right now (or at least not have read right before).
    const moved: string[] = [];
    let breaks = false;
    for (const region of new Set([...rendering.regions.keys(), ...r.regions.keys()])) {
      if ((rendering.texts.get(region) ?? '') === (r.texts.get(region) ?? '')) continue;
      moved.push(region);
      if (equal(rendering, region) && !equal(r, region)) breaks = true;
    }
    return { contract: next, rendering: r, moved, breaks };
  };

  for (const region of searched) {
    if (equal(rendering, region)) continue;
    let spent = 0;
    const steps: Applied[] = [];
    const saved = { state, rendering };
    for (let depth = 0; depth < 3 && spent < budget; depth++) {
      const currentDistance = bagDistance(rendering.regions.get(region) ?? [], proposals.get(region)?.proposed ?? []);
      let closest: { path: string; value: Candidate; distance: number; result: NonNullable<ReturnType<typeof tryCandidate>> } | undefined;
      let exact = false;
      for (const { path, values } of candidateList(region, state, rendering, proposals.get(region), o.facts)) {
        for (const value of values) {
          if (spent++ >= budget) break;
          const result = tryCandidate(path, value);
          if (!result || result.breaks) continue;
          if (equal(result.rendering, region)) {
            closest = { path, value, distance: 0, result };
            exact = true;
            break;
          }
          const distance = bagDistance(result.rendering.regions.get(region) ?? [], proposals.get(region)?.proposed ?? []);
          if (distance < currentDistance && (!closest || distance < closest.distance)) closest = { path, value, distance, result };
        }
        if (exact || spent >= budget) break;
      }
      if (!closest) break;
      state = closest.result.contract;
      rendering = closest.result.rendering;
      steps.push({ path: closest.path, value: closest.value, regions: closest.result.moved });
      if (exact) break;
    }
    if (equal(rendering, region)) applied.push(...steps);
    else ({ state, rendering } = saved);
  }

  // Terms rewritten in the counterparty's own words (own-words.ts): read where a number reads reliably, else reported.
  const restated: Restatement[] = [];
  const byValue = (r: Rendering, region: string) => numbersByValue(r.texts.get(region) ?? '') === numbersByValue(wanted(region));
  for (const region of searched) {
    if (equal(rendering, region)) continue;
    for (const span of termSpans(region, rendering, proposals.get(region)?.proposed ?? []).spans) {
      const path = span.leaf.path;
      if (!span.changed || span.kept || span.text.trim() === '' || restated.some((x) => x.path === path && x.region === region)) continue;
      const said = { region, path, said: span.text };
      const numbers = span.leaf.kind === 'integer' || span.leaf.kind === 'number' ? numbersSaid(span.text) : [];
      const value = numbers.length === 1 ? numbers[0]! : undefined;
      if (value === undefined) {
        restated.push({ ...said, current: valueAt(state, path) });
        continue;
      }
      if (value === valueAt(state, path)) {
        restated.push({ ...said, value });
        continue;
      }
      const result = tryCandidate(path, value);
      const wrong = result ? result.moved.filter((m) => !byValue(result.rendering, m)) : [region];
      if (result && wrong.length === 0) {
        state = result.contract;
        rendering = result.rendering;
        applied.push({ path, value, regions: result.moved, ownWords: true });
        restated.push({ ...said, value });
      } else {
        const disagreeing = (result ? wrong : []).flatMap((m) =>
          figuresThatDisagree(result!.rendering.regions.get(m) ?? [], proposals.get(m)?.proposed ?? []).map((f) => ({ region: m, ...f })),
        );
        restated.push({
          ...said,
          contradicted: wrong.filter((m) => m !== region),
          tried: value,
          ...(disagreeing.length > 0 ? { disagreeing } : {}),
          current: valueAt(state, path),
        });
      }
    }
  }

  const matched = new Set(searched.filter((region) => equal(rendering, region)));
  const byPath = new Map<string, ValueChange>();
  for (const step of applied) {
    const entry = byPath.get(step.path) ?? { path: step.path, from: valueAt(base, step.path), to: undefined, regions: [] };
    entry.to = step.value === ABSENT ? undefined : step.value;
    for (const r of step.regions) if (!entry.regions.includes(r) && (matched.has(r) || step.ownWords)) entry.regions.push(r);
    if (step.ownWords) entry.ownWords = true;
    byPath.set(step.path, entry);
  }
  const changes = [...byPath.values()].filter((c) => JSON.stringify(c.from) !== JSON.stringify(c.to));
  return { contract: state, changes, matched, changed, restated, renders, renderMs };
}

function renderSafely(contract: VendorAgreement, render: RenderMarkdownOptions): Rendering | undefined {
  try {
    return renderRegions(contract, render);
  } catch {
    return undefined; // a candidate the templates cannot render is no candidate
  }
}

/** The terms to try for a region, most likely first, each with its candidate values. */
function candidateList(
  region: string,
  state: VendorAgreement,
  rendering: Rendering,
  proposal: RegionProposal | undefined,
  facts: LibraryFacts,
): { path: string; values: Candidate[] }[] {
  const { spans, inserted } = termSpans(region, rendering, proposal?.proposed ?? []);
  const expressions = new Map(rendering.agreement.anchors.filter((a) => a.kind === 'term').map((a) => [a.key, a.expression ?? '']));
  const out: { path: string; values: Candidate[]; rank: number }[] = [];
  const seen = new Set<string>();
  const consider = (leaf: Leaf, spanText: string | undefined, rank: number) => {
    if (seen.has(leaf.path)) return;
    seen.add(leaf.path);
    const expression = expressions.get(leaf.path) ?? '';
    const kind = /\blabels?: "([^"]+)"/.exec(expression)?.[1];
    const labelValues = kind ? facts.labelValues.get(kind) : isPlace(expression) ? placesNamedIn(`${spanText ?? ''} ${inserted.join(' ')}`, facts) : undefined;
    const values = candidatesFor(leaf, valueAt(state, leaf.path), {
      ...(spanText !== undefined ? { spanText } : {}),
      inserted,
      ...(labelValues ? { labelValues } : {}),
    });
    if (values.length > 0) out.push({ path: leaf.path, values, rank });
  };
  // Terms printed in the region, those whose words changed first, with their new words as the hint.
  for (const s of spans) if (s.changed) consider(s.leaf, s.text, 0);
  // Terms the region's section depends on (its wording, or whether it is there at all), by closeness of name.
  const section = region.startsWith('clause:') ? region.slice(7).split('/')[0]! : undefined;
  const prefixes = section ? (facts.sectionPaths.get(section) ?? []) : [];
  const name = region.split('/').pop()!.toLowerCase();
  const dependents = leavesUnder(prefixes).map((leaf) => ({ leaf, score: closeness(name, leaf.path) }));
  dependents.sort((a, b) => b.score - a.score);
  for (const { leaf } of dependents) consider(leaf, undefined, 1);
  for (const s of spans) consider(s.leaf, s.text, 2);
  return out.sort((a, b) => a.rank - b.rank);
}

/** A term printed as a place (`| jurisdiction`, `| region`): its value is an ISO 3166 code or one of the library's own place names. */
const isPlace = (expression: string) => /\|\s*(?:jurisdiction|region)\b/.test(expression);

/** The place codes whose name the counterparty wrote: the library's own names, then the ISO 3166 datasets' (longest first). */
function placesNamedIn(text: string, facts: LibraryFacts): string[] {
  const own = [...facts.placeNames].filter(([, name]) => text.includes(name.replace(/^the /, ''))).map(([code]) => code);
  return [...new Set([...own, ...placeCodesNamedIn(text)])];
}

/** How much a clause name ("on-site-audit") and a term name ("onSite") share, in word stems. */
function closeness(clauseName: string, path: string): number {
  const leafName = path.split('.').pop()!;
  const words = (s: string) =>
    s
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2)
      .map((w) => w.slice(0, 5));
  const a = new Set(words(clauseName));
  return words(leafName).filter((w) => a.has(w)).length;
}

/** The value at a dotted path (numeric segments index lists). */
export function valueAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** A copy of `contract` with `path` set to `value` (ABSENT: removed), creating groups on the way. */
export function withValue(contract: VendorAgreement, path: string, value: Candidate): VendorAgreement {
  const copy = structuredClone(contract) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') {
      if (value === ABSENT) return copy as unknown as VendorAgreement;
      node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === ABSENT) delete node[last];
  else node[last] = structuredClone(value);
  return copy as unknown as VendorAgreement;
}
