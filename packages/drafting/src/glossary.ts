/**
 * Every term the clause library defines in any of its templates, present in this agreement or not:
 * the lint's list of what a capitalised defined term looks like. Read once per templates directory.
 */
import { readTemplate } from '@contracts/render';
import { definedTerms } from './definitions.js';

const LAYOUT = ['agreement.md.liquid', 'cover-page.md.liquid', 'signature-block.md.liquid'];
const INCLUDE = /\{%-?\s*(?:include|render)\s+"([^"]+)"/g;
const glossaries = new Map<string, ReadonlySet<string>>();

/** Names of every template of the library: the layout, each section's, and what they include. */
export function libraryTemplates(templatesDir?: string): string[] {
  const sections = readTemplate('sections.json', templatesDir);
  const names = [...LAYOUT, ...(sections ? (JSON.parse(sections.text) as { template: string }[]).map((s) => s.template) : [])];
  for (let i = 0; i < names.length; i++) {
    const source = readTemplate(names[i]!, templatesDir);
    for (const m of source?.text.matchAll(INCLUDE) ?? []) if (!names.includes(m[1]!)) names.push(m[1]!);
  }
  return names;
}

/** A template's text as a reader would see its fixed wording: tags, outputs and comments removed. */
export const fixedWording = (source: string) =>
  source
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '')
    .replace(/\{%-?\s*clause\b[\s\S]*?%\}/g, '1.1')
    .replace(/\{%[\s\S]*?%\}/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, 'X');

export function libraryGlossary(templatesDir?: string): ReadonlySet<string> {
  const key = templatesDir ?? '';
  let glossary = glossaries.get(key);
  if (!glossary) {
    const terms = new Set<string>();
    for (const name of libraryTemplates(templatesDir)) for (const t of definedTerms(fixedWording(readTemplate(name, templatesDir)?.text ?? ''))) terms.add(t);
    glossary = terms;
    glossaries.set(key, glossary);
  }
  return glossary;
}
