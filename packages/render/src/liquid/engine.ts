/**
 * The Liquid engine over a clause library. Liquid (liquidjs) is an interpreter built for untrusted
 * templates: a template reaches only the data it is given (own properties only, so no `constructor`,
 * `__proto__` or prototype method), has no JavaScript expressions, globals or function calls, loads
 * files only through the library (names checked, links out refused), and runs under a parse-size,
 * time and memory budget. Every `{{ … }}` is escaped for Markdown through Liquid's `outputEscape`.
 */
import { Liquid, LookupType, type Template, toValueSync } from 'liquidjs';
import { escapeMarkdown } from '../escape-markdown.js';
import type { ClauseLibrary } from '../library.js';
import { clauseFilters, type Labels } from './filters.js';
import { ClauseParser } from './parser.js';
import { registerBoundedPartials } from './partials.js';
import { registerClauseTags } from './tags.js';

/** Time budget of one agreement's templates (they take about a millisecond once compiled). */
export const RENDER_LIMIT_MS = 3000;
/** Liquid's allocation budget (characters of strings and array items made by filters and ranges). */
export const MEMORY_LIMIT = 32 * 1024 * 1024;

/** Markdown the toolkit rendered itself (a clause), printed as is by `{{ clause }}`. */
export class RenderedMarkdown {
  constructor(readonly markdown: string) {}
}

/** Thrown by the escaper for a value that cannot be printed; the error line names the expression. */
export class UnprintableValue extends Error {
  constructor(readonly kind: 'undefined' | 'list' | 'group') {
    super(`unprintable ${kind}`);
  }
}

/** Liquid's `outputEscape`: contract values become literal Markdown text, never markup. */
function escapeOutput(value: unknown): string {
  if (value instanceof RenderedMarkdown) return value.markdown;
  if (value === undefined || value === null) throw new UnprintableValue('undefined');
  if (Array.isArray(value)) throw new UnprintableValue('list');
  if (typeof value === 'object') throw new UnprintableValue('group');
  return escapeMarkdown(String(value));
}

/** Liquid whose templates and partials all go through {@link ClauseParser}. */
export class ClauseEngine extends Liquid {
  private readonly clauseParser: ClauseParser;

  constructor(
    readonly library: ClauseLibrary,
    labels: Labels,
  ) {
    super({
      fs: library.liquidFs(),
      root: ['templates'],
      partials: ['templates'],
      layouts: ['templates'],
      extname: '',
      relativeReference: false,
      dynamicPartials: true,
      cache: true,
      strictFilters: true,
      strictVariables: false,
      ownPropertyOnly: true,
      // Nunjucks truthiness, which the library was written for: 0 and "" are false.
      jsTruthy: true,
      outputEscape: escapeOutput,
      timezoneOffset: 0,
      renderLimit: RENDER_LIMIT_MS,
      memoryLimit: MEMORY_LIMIT,
    });
    this.clauseParser = new ClauseParser(this);
    for (const [name, filter] of Object.entries(clauseFilters(labels))) this.registerFilter(name, filter);
    // Every value is escaped; there is no way to print one raw.
    this.unregisterFilter('raw');
    registerClauseTags(this);
    registerBoundedPartials(this);
  }

  override parse(html: string, filepath?: string): Template[] {
    return this.clauseParser.parse(html, filepath);
  }
  override _parsePartialFile(file: string, sync?: boolean, currentFile?: string) {
    return this.clauseParser.parseFile(file, sync, LookupType.Partials, currentFile);
  }
  override _parseLayoutFile(file: string, sync?: boolean, currentFile?: string) {
    return this.clauseParser.parseFile(file, sync, LookupType.Layouts, currentFile);
  }
  override _parseFile(file: string, sync?: boolean, lookupType?: LookupType, currentFile?: string) {
    return this.clauseParser.parseFile(file, sync, lookupType, currentFile);
  }
  override parseFileSync(file: string): Template[] {
    return toValueSync(this.clauseParser.parseFile(file, true)) as Template[];
  }
  override async parseFile(file: string): Promise<Template[]> {
    return this.parseFileSync(file);
  }
}
