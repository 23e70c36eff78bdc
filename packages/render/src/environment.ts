/**
 * The Nunjucks environment over the clause library. One per templates directory, cached for the
 * process: templates compile once. Markdown autoescape replaces Nunjucks' HTML escaping, undefined
 * output throws, and the loader never leaves the templates directories.
 */
import { bundledData } from '@contracts/core/data';
import nunjucks from 'nunjucks';
import { escapeMarkdown } from './escape-markdown.js';
import { TemplateRenderError } from './errors.js';
import { ClauseLoader } from './loader.js';
import { formatNumber, longDate, numberToWords, quantity, sentence, usd } from './words.js';

/** Our clause library: `templates/` at the repository root. */
export const DEFAULT_TEMPLATES_DIR = bundledData.templatesDir;

const OURS = Symbol('contracts-markdown-env');
type Runtime = typeof nunjucks.runtime;

/**
 * Nunjucks has no hook for a custom autoescape function: compiled templates call
 * `runtime.suppressValue(value, autoescape)`, which HTML-escapes. We hand *our* templates a runtime whose
 * `suppressValue` escapes Markdown and whose `ensureDefined` raises our error. Only environments marked
 * with {@link OURS} are affected, so other users of nunjucks in the process keep the stock behaviour.
 */
const markdownRuntime: Runtime = {
  ...nunjucks.runtime,
  suppressValue(value: unknown, autoescape: boolean) {
    const v = value === undefined || value === null ? '' : value;
    if (autoescape && !(v instanceof nunjucks.runtime.SafeString)) return escapeMarkdown(String(v));
    return v as string;
  },
  // Compiled templates pass 0-based positions here; nunjucks would report them off by one.
  handleError(error: unknown, lineno: number, colno: number) {
    if (error instanceof TemplateRenderError && error.lineno === undefined) {
      error.lineno = lineno + 1;
      error.colno = colno + 1;
      return error;
    }
    return (nunjucks.runtime as unknown as { handleError(e: unknown, l: number, c: number): unknown }).handleError(error, lineno + 1, colno + 1);
  },
  ensureDefined(value: unknown, lineno: number, colno: number) {
    if (value === undefined || value === null) {
      throw new TemplateRenderError('undefined value', { lineno: lineno + 1, colno: colno + 1 });
    }
    return value;
  },
} as Runtime;

type TemplateInternals = { env: Record<symbol, unknown>; rootRenderFunc: (...args: unknown[]) => unknown };
const proto = nunjucks.Template.prototype as unknown as { _compile(): void; [OURS]?: true };
if (!proto[OURS]) {
  const compile = proto._compile;
  proto._compile = function (this: TemplateInternals) {
    compile.call(this);
    if (!this.env[OURS]) return;
    const root = this.rootRenderFunc;
    this.rootRenderFunc = (env, context, frame, _runtime, cb) => root(env, context, frame, markdownRuntime, cb);
  };
  proto[OURS] = true;
}

/** A section of the agreement as templates see it. */
export interface Section {
  id: string;
  number: number;
  title: string;
  anchor: string;
  /** Sub-clauses numbered so far (see the `clause()` global). */
  clauses: number;
}

const safe = (markdown: string) => new nunjucks.runtime.SafeString(markdown);

function lookupSections(context: { lookup(name: string): unknown }): Map<string, Section> {
  return context.lookup('sectionIndex') as Map<string, Section>;
}

function createEnvironment(directories: readonly string[]): nunjucks.Environment {
  const loader = new ClauseLoader(directories);
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader, {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
    // Without `dev`, nunjucks replaces every error by a plain Error copy; we need ours to survive.
    dev: true,
  });
  (env as unknown as Record<symbol, unknown>)[OURS] = true;
  const labelsSource = loader.getSource('labels.json');
  const labels = (labelsSource ? JSON.parse(labelsSource.src) : {}) as Record<string, Record<string, string>>;
  const label = (value: unknown, kind: string) => (value === undefined || value === null ? value : (labels[kind]?.[String(value)] ?? String(value)));

  env.addFilter('words', (n: number) => (n === undefined ? n : `${numberToWords(n)} (${formatNumber(n)})`));
  env.addFilter('hours', (n: number) => quantity(n, 'hour'));
  env.addFilter('days', (n: number) => quantity(n, 'day'));
  env.addFilter('months', (n: number) => quantity(n, 'month'));
  env.addFilter('years', (n: number) => quantity(n, 'year'));
  env.addFilter('usd', usd);
  env.addFilter('number', (n: number) => (n === undefined ? n : formatNumber(n)));
  env.addFilter('date', longDate);
  env.addFilter('sentence', (items: unknown[], conjunction?: string) => sentence(items, conjunction));
  env.addFilter('label', label);
  env.addFilter('labels', (items: unknown[] | undefined, kind: string) => items?.map((item) => label(item, kind)));

  // Cross-references and numbering come from code (sections.ts), so they stay right when clauses drop.
  env.addGlobal('has', function (this: { lookup(n: string): unknown }, id: string) {
    return lookupSections(this).has(id);
  });
  env.addGlobal('ref', function (this: { lookup(n: string): unknown }, id: string) {
    const section = lookupSections(this).get(id);
    if (!section) throw new TemplateRenderError(`ref("${id}") names a section that is not in this agreement; guard it with {% if has("${id}") %}`);
    return safe(`[Section ${section.number} (${escapeMarkdown(section.title)})](#${section.anchor})`);
  });
  env.addGlobal('heading', function (this: { lookup(n: string): unknown }) {
    const section = this.lookup('section') as Section;
    return safe(`## ${section.number}. ${escapeMarkdown(section.title)} {#${section.anchor}}`);
  });
  env.addGlobal('clause', function (this: { lookup(n: string): unknown }) {
    const section = this.lookup('section') as Section;
    section.clauses += 1;
    return safe(`${section.number}.${section.clauses}`);
  });
  return env;
}

const environments = new Map<string, nunjucks.Environment>();

/** The environment for a user's templates directory (overriding ours per file), or ours alone. */
export function getEnvironment(templatesDir?: string): nunjucks.Environment {
  const key = templatesDir ?? '';
  let env = environments.get(key);
  if (!env) {
    try {
      env = createEnvironment(templatesDir ? [templatesDir, DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR]);
    } catch (error) {
      if (error instanceof TemplateRenderError) throw error;
      throw new TemplateRenderError(`Cannot read templates directory ${templatesDir}: ${(error as Error).message}`, { cause: error });
    }
    environments.set(key, env);
  }
  return env;
}
