/**
 * Which clauses an agreement has and what they are numbered. The list is data (`sections.json` in the
 * templates directory, overridable like any template): order, title, template and the contract paths
 * whose presence brings the clause in. A term absent from the YAML drops its clause; numbers are
 * assigned afterwards, so numbering and every `ref()` cross-reference stay right.
 */
import type { VendorAgreement } from '@contracts/core';
import type nunjucks from 'nunjucks';
import { TemplateRenderError } from './errors.js';
import type { Section } from './environment.js';

export interface SectionDefinition {
  id: string;
  title: string;
  template: string;
  /** Dotted paths into the contract; the section is present when any is set. Empty: always present. */
  when: string[];
}

const definitionsCache = new WeakMap<object, SectionDefinition[]>();

/** Reads `sections.json` through the environment's loader (so `--templates` can override it). */
export function sectionDefinitions(env: nunjucks.Environment): SectionDefinition[] {
  const cached = definitionsCache.get(env);
  if (cached) return cached;
  const loader = (env as unknown as { loaders: { getSource(name: string): { src: string; path: string } | null }[] }).loaders[0]!;
  const source = loader.getSource('sections.json');
  if (!source) throw new TemplateRenderError('The templates directory has no sections.json (the list of clauses).');
  let list: SectionDefinition[];
  try {
    list = JSON.parse(source.src) as SectionDefinition[];
    if (
      !Array.isArray(list) ||
      !list.every((d) => typeof d.id === 'string' && typeof d.title === 'string' && typeof d.template === 'string' && Array.isArray(d.when))
    ) {
      throw new Error('expected an array of {id, title, template, when[]}');
    }
  } catch (error) {
    throw new TemplateRenderError(`${source.path}: invalid sections list: ${(error as Error).message}`, { cause: error });
  }
  definitionsCache.set(env, list);
  return list;
}

function valueAt(contract: unknown, path: string): unknown {
  let node = contract;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const anchorOf = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The sections this contract has, numbered 1..n in order. */
export function numberSections(contract: VendorAgreement, definitions: readonly SectionDefinition[]): (Section & { template: string })[] {
  const present = definitions.filter((d) => d.when.length === 0 || d.when.some((path) => valueAt(contract, path) !== undefined));
  return present.map((d, i) => ({ id: d.id, title: d.title, template: d.template, number: i + 1, anchor: anchorOf(d.id), clauses: 0 }));
}
