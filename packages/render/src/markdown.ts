/**
 * Contract → Markdown, the canonical rendering every other format is made from. Synchronous and fast:
 * templates compile once per process; each clause renders with its own numbered `section`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { VendorAgreement } from '@contracts/core';
import nunjucks from 'nunjucks';
import { getEnvironment } from './environment.js';
import { TemplateRenderError } from './errors.js';
import { numberSections, sectionDefinitions } from './sections.js';

export interface RenderMarkdownOptions {
  /** A clause library whose files override ours, file by file. */
  templatesDir?: string;
}

/** Renders the agreement (cover page, numbered clauses, signature block) as pandoc Markdown. */
export function renderMarkdown(contract: VendorAgreement, options: RenderMarkdownOptions = {}): string {
  const env = getEnvironment(options.templatesDir);
  const sections = numberSections(contract, sectionDefinitions(env));
  const sectionIndex = new Map(sections.map((s) => [s.id, s]));
  const base = { c: contract, sections, sectionIndex };
  try {
    const clauses = sections.map((section) => new nunjucks.runtime.SafeString(tidy(env.render(section.template, { ...base, section }))));
    return tidy(env.render('agreement.md.njk', { ...base, clauses }));
  } catch (error) {
    throw toTemplateError(error);
  }
}

/** Collapses the blank lines that dropped conditionals leave behind; one newline at the end. */
function tidy(markdown: string): string {
  return `${markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function where(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Turns whatever nunjucks threw into one line: `file:line:col: what` (code render/template). */
function toTemplateError(error: unknown): Error {
  if (error instanceof TemplateRenderError) {
    const file = error.template ? where(error.template) : 'template';
    // nunjucks does not track the line of an {% include %}; find the rejected name in the source instead.
    const name = /^Template (?:name )?("[^"]*")/.exec(error.message)?.[1];
    const line = name && error.template ? lineOf(error.template, JSON.parse(name) as string) : undefined;
    const position = line ? `:${line}` : error.lineno ? `:${error.lineno}${error.colno ? `:${error.colno}` : ''}` : '';
    let message = error.message;
    if (message === 'undefined value') {
      const term = error.template && error.lineno ? termAt(error.template, error.lineno, error.colno ?? 1) : undefined;
      message = `${term ? `\`${term}\`` : 'a value'} is undefined (the contract does not set it); guard it with {% if %} or give it a default`;
    }
    return new TemplateRenderError(`${file}${position}: ${message}`, { ...error, cause: error });
  }
  if (error instanceof Error && error.name === 'Template render error') {
    // "(path) [Line 3, Column 5]\n  message" — possibly nested once per template it passed through.
    const paths = [...error.message.matchAll(/^\s*\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/gm)];
    const last = paths.at(-1);
    const text =
      error.message
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .at(-1) ?? error.message;
    const at = last ? `${where(last[1]!)}${last[2] ? `:${last[2]}:${last[3]}` : ''}` : 'template';
    return new TemplateRenderError(`${at}: ${text.replace(/^\([^)]*\)\s*(\[Line \d+, Column \d+\])?\s*/, '').replace(/^\w*Error: /, '')}`, { cause: error });
  }
  return error as Error;
}

/** 1-based number of the first line of `file` containing `text`. */
function lineOf(file: string, text: string): number | undefined {
  try {
    const index = readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text));
    return index < 0 ? undefined : index + 1;
  } catch {
    return undefined;
  }
}

/** The expression inside the `{{ … }}` at a position, e.g. `c.terms.audit.frequency | days`. */
function termAt(file: string, lineno: number, colno: number): string | undefined {
  let line: string | undefined;
  try {
    line = readFileSync(file, 'utf8').split('\n')[lineno - 1];
  } catch {
    return undefined;
  }
  if (!line) return undefined;
  const open = line.lastIndexOf('{{', Math.max(colno, 1));
  const close = line.indexOf('}}', Math.max(open, 0));
  if (open < 0 || close < 0) return undefined;
  return line
    .slice(open + 2, close)
    .replace(/^-|-$/g, '')
    .trim();
}
