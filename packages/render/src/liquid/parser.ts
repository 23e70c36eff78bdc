/**
 * How clause templates are parsed: Liquid's parser with two additions, both through its public
 * classes (`Parser`, `Tokenizer`, `Output`; liquidjs is pinned exactly and the golden and anchor
 * tests fail if either stops working):
 * - the library's whitespace rule (see whitespace.ts) on the tokens of every template and partial;
 * - `{{ … }}` outputs that know which term they print, so the value can carry an anchor.
 */
import {
  type Context,
  type Emitter,
  type Liquid,
  LiquidError,
  Output,
  ParseError,
  Parser,
  type Template,
  Tokenizer,
  type TopLevelToken,
  TypeGuards,
  toValue,
} from 'liquidjs';
import { TemplateRenderError } from '../errors.js';
import { renderStateOf } from './state.js';
import { trimBlocks } from './whitespace.js';

/** Longest template source parsed (the bundled library's largest file is under 10 KB). */
export const PARSE_LIMIT = 256 * 1024;

// `a.b.c`, `list[0].name`: the property path an output starts with, before any filter or operator.
const LEADING_PATH = /^\s*([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*(?:\||$)/;

/** An output that records, when it prints a value of the contract, the term path it came from. */
class TermOutput extends Output {
  /** The variable and properties of the leading path (`['ir', 'notificationHours']`), when there is one. */
  private readonly path: (string | number)[] | undefined;

  constructor(token: ConstructorParameters<typeof Output>[0], liquid: Liquid) {
    super(token, liquid);
    const match = LEADING_PATH.exec(token.content);
    if (match?.[2]) {
      const props = [...match[2].matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
      this.path = [match[1]!, ...props];
    }
  }

  override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const value = toValue(yield this.value.value(ctx, false));
    const state = this.path ? renderStateOf(ctx) : undefined;
    const term = state && this.path ? state.termPath(ctx, this.path) : undefined;
    emitter.write(term !== undefined && state ? state.recorder.term(term, String(value), this.token.content.trim()) : value);
  }
}

/** Deepest nesting of block tags parsed (Liquid parses blocks recursively; the library nests 4 deep). */
export const MAX_NESTING = 64;
const BLOCKS = new Set(['if', 'unless', 'for', 'case', 'capture', 'tablerow', 'block', 'comment', 'raw']);

function checkNesting(tokens: readonly TopLevelToken[]): void {
  let depth = 0;
  for (const token of tokens) {
    if (!TypeGuards.isTagToken(token)) continue;
    if (token.name.startsWith('end')) depth = Math.max(0, depth - 1);
    else if (BLOCKS.has(token.name) && ++depth > MAX_NESTING) throw new ParseError(new Error(`tags nested more than ${MAX_NESTING} deep`), token);
  }
}

export class ClauseParser extends Parser {
  private readonly engine: Liquid;

  constructor(liquid: Liquid) {
    super(liquid);
    this.engine = liquid;
  }

  override parse(html: string, filepath?: string): Template[] {
    const source = String(html);
    if (source.length > PARSE_LIMIT) {
      throw new TemplateRenderError(`template is ${source.length} characters; at most ${PARSE_LIMIT} are parsed`, filepath ? { template: filepath } : {});
    }
    const options = this.engine.options;
    const tokens = new Tokenizer(source, options.operators, filepath, undefined, options.groupedExpressions).readTopLevelTokens(options);
    checkNesting(tokens);
    trimBlocks(tokens);
    return this.parseTokens(tokens);
  }

  override parseToken(token: TopLevelToken, remainTokens: TopLevelToken[]): ReturnType<Parser['parseToken']> {
    if (!TypeGuards.isOutputToken(token)) return super.parseToken(token, remainTokens);
    try {
      return new TermOutput(token, this.engine);
    } catch (error) {
      throw LiquidError.is(error) ? error : new ParseError(error as Error, token);
    }
  }
}
