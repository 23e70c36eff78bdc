/**
 * Where a finding is fixed: the contract line of the value printed where it occurs, else of a value
 * its clause prints, else of the term that brought its section in (the contract line that caused the
 * clause); for fixed wording with no term behind it, the template line that wrote the clause.
 */
import { locate, type Diagnostic, type LoadedFile } from '@contracts/core';
import { readTemplate, type RenderedSection } from '@contracts/render';
import type { DocumentLine } from './document.js';
import type { Finding } from './finding.js';

const pointerOf = (dotted: string) => `/${dotted.split('.').join('/')}`;

function valueAt(root: unknown, dotted: string): unknown {
  let node = root;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export interface LocateContext {
  loaded: LoadedFile;
  sections: readonly RenderedSection[];
  lines: readonly DocumentLine[];
  templatesDir?: string | undefined;
}

/** The template file and line that print clause `key` (or, outside clauses, the words at fault). */
function templateLine(f: Finding, context: LocateContext, section: RenderedSection | undefined): { file: string; line: number } {
  const names = section ? [section.template] : ['cover-page.md.liquid', 'agreement.md.liquid', 'signature-block.md.liquid'];
  const name = f.line.clause?.split('/').slice(1).join('/');
  for (const template of names) {
    const source = readTemplate(template, context.templatesDir);
    if (!source) continue;
    const lines = source.text.split('\n');
    const hit = lines.findIndex((l) => (name ? l.includes(`{% clause "${name}" %}`) : l.includes(f.excerpt)));
    if (hit >= 0 || template === names[names.length - 1]) return { file: source.path, line: hit + 1 || 1 };
  }
  return { file: names[0]!, line: 1 };
}

export function toDiagnostic(f: Finding, context: LocateContext): Diagnostic {
  const { loaded } = context;
  const sectionId = f.line.clause?.split('/')[0];
  const section = context.sections.find((s) => s.id === sectionId);
  const inClause = f.line.clause ? context.lines.filter((l) => l.clause === f.line.clause).flatMap((l) => l.terms) : f.line.terms;
  const term =
    f.line.terms.find((t) => t.text.includes(f.excerpt)) ??
    f.line.terms[0] ??
    inClause[0] ??
    section?.when.map((w) => ({ path: w.split('=')[0]!, text: '' })).find((w) => valueAt(loaded.value, w.path) !== undefined);
  const message = `${f.message} (rendered agreement, line ${f.line.line}: "${excerptOf(f.line.text, f.excerpt)}")`;
  if (term) {
    const pointer = pointerOf(term.path);
    return { code: f.code, severity: f.severity, message, file: loaded.file, path: pointer, ...locate(loaded, pointer) };
  }
  const at = templateLine(f, context, section);
  return { code: f.code, severity: f.severity, message, file: at.file, path: '', line: at.line, column: 1, endLine: at.line, endColumn: 1 };
}

/** Up to 80 characters of the line around the words at fault. */
function excerptOf(text: string, words: string): string {
  const at = Math.max(0, text.indexOf(words));
  const start = Math.max(0, at - 30);
  const out = text.slice(start, start + 80).trim();
  return `${start > 0 ? '…' : ''}${out}${start + 80 < text.length ? '…' : ''}`;
}
