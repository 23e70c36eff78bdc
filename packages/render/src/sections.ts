/**
 * Which clauses an agreement has and what they are numbered. The list is data (`sections.json` in the
 * templates directory, overridable like any template): order, title, template and the contract paths
 * whose presence brings the clause in. A term absent from the YAML drops its clause; numbers are
 * assigned afterwards, so numbering and every `{% ref %}` cross-reference stay right.
 */
import type { VendorAgreement } from '@contracts/core';
import { TemplateRenderError } from './errors.js';
import type { ClauseLibrary } from './library.js';
import type { Section } from './liquid/state.js';

export interface SectionDefinition {
  id: string;
  title: string;
  template: string;
  /** Dotted paths into the contract; the section is present when any is set. Empty: always present. */
  when: string[];
}

const SECTION_ID = /^[A-Za-z][A-Za-z0-9]*$/;

/** Reads and checks `sections.json` (the first templates directory that has one wins). */
export function readSectionDefinitions(library: ClauseLibrary): SectionDefinition[] {
  const source = library.read('sections.json');
  if (!source) throw new TemplateRenderError('The templates directory has no sections.json (the list of clauses).');
  let list: SectionDefinition[];
  try {
    list = JSON.parse(source.text) as SectionDefinition[];
    if (!Array.isArray(list)) throw new Error('expected an array of {id, title, template, when[]}');
    for (const [i, d] of list.entries()) {
      const ok =
        d !== null &&
        typeof d === 'object' &&
        typeof d.id === 'string' &&
        SECTION_ID.test(d.id) &&
        typeof d.title === 'string' &&
        typeof d.template === 'string' &&
        Array.isArray(d.when) &&
        d.when.every((w) => typeof w === 'string');
      if (!ok) throw new Error(`entry ${i + 1}: expected {id (letters and digits), title, template, when: [paths]}`);
      if (!library.locate(d.template))
        throw new Error(`entry ${i + 1} (${d.id}) names template ${JSON.stringify(d.template)}, which no templates directory has`);
    }
    if (new Set(list.map((d) => d.id)).size !== list.length) throw new Error('two entries have the same id');
  } catch (error) {
    if (error instanceof TemplateRenderError) throw error;
    throw new TemplateRenderError(`${source.path}: invalid sections list: ${(error as Error).message}`, { cause: error });
  }
  return list;
}

function valueAt(contract: unknown, path: string): unknown {
  let node = contract;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
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
