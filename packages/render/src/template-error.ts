/**
 * Whatever a template did wrong becomes one line, `file:line:col: what`, code `render/template`:
 * Liquid's parse and render errors, our own tag and file errors, an exhausted time or memory budget.
 * No stack, no template source, no JavaScript internals.
 */
import { relative } from 'node:path';
import { isContractsError } from '@contracts/core';
import { LiquidError } from 'liquidjs';
import { TemplateRenderError } from './errors.js';
import type { ClauseLibrary } from './library.js';
import { UnprintableValue } from './liquid/engine.js';

interface TokenLike {
  file?: string;
  content?: string;
  getPosition(): number[];
}

function where(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function fileOf(library: ClauseLibrary, file: string | undefined): string {
  if (!file) return 'template';
  const name = file.startsWith('library:') ? file.slice('library:'.length) : file;
  return where(library.displayPath(name));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 300);

function explain(original: unknown, token: TokenLike | undefined, fallback: string): string {
  if (original instanceof UnprintableValue) {
    const expression = oneLine(token?.content ?? '').replace(/^-|-$/g, '') || 'a value';
    if (original.kind === 'list') return `\`${expression}\` is a list; print it with | sentence (or loop over it)`;
    if (original.kind === 'group') return `\`${expression}\` is a group of terms, not a value; print one of its fields`;
    return `\`${expression}\` is undefined (the contract does not set it); guard it with {% if %} or give it a default`;
  }
  if (original instanceof TemplateRenderError) return original.message;
  const message = original instanceof Error ? original.message : fallback;
  // Liquid appends ", file:…, line:…, col:…"; the position is ours to print.
  return oneLine(message.replace(/,? (?:file:\S+, )?line:\d+, col:\d+\s*$/, '').replace(/^\w*Error: /, ''));
}

/** Turns an error thrown while rendering into a one-line `render/template` error. */
export function toTemplateError(error: unknown, library: ClauseLibrary): Error {
  if (error instanceof TemplateRenderError && error.message.includes(': ') && error.lineno !== undefined) return error;
  if (LiquidError.is(error)) {
    const liquidError = error as LiquidError & { token?: TokenLike; originalError?: unknown };
    const token = liquidError.token;
    const [line, col] = token?.getPosition() ?? [];
    const at = `${fileOf(library, token?.file)}${line ? `:${line}:${col}` : ''}`;
    const nested = (liquidError as { errors?: unknown[] }).errors?.[0];
    const original = liquidError.originalError ?? nested ?? liquidError;
    const message = explain(original, token, liquidError.message);
    return new TemplateRenderError(`${at}: ${message}`, { template: at, lineno: line, colno: col, cause: error });
  }
  if (error instanceof TemplateRenderError) {
    const at = error.template ? fileOf(library, error.template) : undefined;
    return at ? new TemplateRenderError(`${at}: ${oneLine(error.message)}`, { template: at, cause: error }) : error;
  }
  if (isContractsError(error)) return error as Error;
  // Anything else (a stack overflow in a recursive include, say) is still the template's doing.
  return new TemplateRenderError(`template: ${explain(error, undefined, String(error))}`, { cause: error });
}
