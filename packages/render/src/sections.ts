/**
 * Which clauses an agreement has and what they are numbered. The list is data (`sections.json` in the
 * templates directory, overridable like any template): order, title, template and the contract paths
 * whose presence brings the clause in. A term absent from the YAML drops its clause; numbers are
 * assigned afterwards, so numbering and every `{% ref %}` cross-reference stay right. Entries marked
 * `annex` are lettered A, B, … instead and placed after the signatures: an annex exists exactly when
 * its paths are set, so an agreement never refers to an attachment it does not contain.
 */
import type { VendorAgreement } from '@contracts/core';
import { TemplateRenderError } from './errors.js';
import type { ClauseLibrary } from './library.js';
import type { Section } from './liquid/state.js';

export interface SectionDefinition {
  id: string;
  title: string;
  template: string;
  /**
   * Dotted paths into the contract; the section is present when any is set (`false` counts as unset), or
   * for `path=value`, when the value there is `value`. Empty: always present.
   */
  when: string[];
  /** An annex (lettered, after the signature block) rather than a numbered section of the Standard Terms. */
  annex?: boolean;
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
        d.when.every((w) => typeof w === 'string') &&
        (d.annex === undefined || typeof d.annex === 'boolean');
      if (!ok) throw new Error(`entry ${i + 1}: expected {id (letters and digits), title, template, when: [paths], annex?: boolean}`);
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

const isSet = (value: unknown) => value !== undefined && value !== false;

function holds(contract: unknown, condition: string): boolean {
  const eq = condition.indexOf('=');
  if (eq < 0) return isSet(valueAt(contract, condition));
  const value = valueAt(contract, condition.slice(0, eq));
  return value !== undefined && value !== null && String(value) === condition.slice(eq + 1);
}

/** The sections this contract has, numbered 1..n in order, and its annexes, lettered A, B, … in order. */
export function numberSections(contract: VendorAgreement, definitions: readonly SectionDefinition[]): (Section & { template: string; when: string[] })[] {
  const present = definitions.filter((d) => d.when.length === 0 || d.when.some((w) => holds(contract, w)));
  let sections = 0;
  let annexes = 0;
  return present.map((d) => {
    const annex = d.annex === true;
    const number = annex ? annexLetter(annexes++) : String(++sections);
    return {
      id: d.id,
      title: d.title,
      template: d.template,
      when: d.when,
      number,
      label: annex ? `Annex ${number}` : `Section ${number}`,
      annex,
      anchor: anchorOf(d.id),
      clauses: 0,
    };
  });
}

/** 0 → A, 25 → Z, 26 → AA. */
const annexLetter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : annexLetter(Math.floor(i / 26) - 1) + annexLetter(i % 26));
