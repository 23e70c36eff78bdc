import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { dottedPath } from '../diagnostic.js';
import { excerpt } from '../text/excerpt.js';
import type { LocateTarget } from '../load/locate.js';
import { didYouMean } from './did-you-mean.js';

/** What one ajv error means for a reader: code, sentence, where to point and what to suggest. */
export interface SchemaProblem {
  code: Diagnostic['code'];
  pointer: string;
  /** Point at the key (unknown fields), the value, or the first key of the mapping (a missing field: its parent's). */
  target: LocateTarget;
  /** The pointer to locate in the YAML (for a missing field: its parent). */
  locateAt: string;
  message: string;
  fix?: string;
}

type Schema = { title?: string; examples?: unknown[]; properties?: Record<string, Schema>; enum?: unknown[]; description?: string };

/** What was found, as a message quotes it: a short escaped excerpt of a string, else its kind. */
const found = (data: unknown): string =>
  typeof data === 'string'
    ? `"${excerpt(data)}"`
    : data === null
      ? 'nothing'
      : Array.isArray(data)
        ? 'a list'
        : typeof data === 'object'
          ? 'a mapping'
          : excerpt(String(data));

/** A field's dotted name for a message; keys come from the file, so long or odd ones are cut and escaped. */
const fieldName = (pointer: string): string => excerpt(dottedPath(pointer), 80);

/** "Notification deadline (hours)" → "hours": the unit in a title's trailing parentheses. */
const unitOf = (schema: Schema | undefined): string | undefined => schema?.title?.match(/\(([^)×]+)\)\s*$/)?.[1];

const typeNames: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping of fields',
  array: 'a list',
  number: 'a number',
  integer: 'a whole number',
  null: 'empty',
};

const patternHelp: Record<string, string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'a slug of lowercase letters, digits and single hyphens',
  '^(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$)[a-z0-9]+(-[a-z0-9]+)*$':
    'a slug of lowercase letters, digits and single hyphens, and not a device name Windows reserves (con, prn, aux, nul, com0-9, lpt0-9)',
  '^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$': 'an ISO 3166 code such as US, US-IL or GB-ENG',
  // Printed in the agreement: a control character or a bidirectional override would be hidden there, or
  // make the printed name read differently from the one the parties agreed.
  '^[^\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$':
    'one line of text without control characters or bidirectional overrides (they would be hidden in the printed agreement)',
  '^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$':
    'text without control characters or bidirectional overrides (they would be hidden in the printed agreement)',
};

const list = (values: readonly unknown[]): string => values.map((v) => String(v)).join(', ');

/** Translates one ajv error into a sentence for a lawyer. */
export function describeSchemaError(error: ErrorObject): SchemaProblem {
  const at = error.instancePath;
  const name = fieldName(at);
  const schema = (error.parentSchema ?? {}) as Schema;
  const p = error.params as Record<string, unknown>;
  const base: { pointer: string; target: LocateTarget; locateAt: string } = { pointer: at, target: 'value', locateAt: at };
  switch (error.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      const child = schema.properties?.[missing];
      const label = child?.title ? ` (${child.title})` : '';
      const example = child?.examples?.[0];
      return {
        ...base,
        target: 'first-key',
        code: 'schema/required',
        pointer: `${at}/${missing}`,
        message: at === '' ? `Required field ${missing}${label} is missing` : `${name} is missing required field ${missing}${label}`,
        ...(example !== undefined && typeof example !== 'object' ? { fix: `${missing}: ${String(example)}` } : {}),
      };
    }
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const known = Object.keys(schema.properties ?? {});
      const guess = didYouMean(extra, known);
      const where = at === '' ? 'at the top level' : `in ${name}`;
      // The loader reads `<<` as a plain key on purpose (a merge hides where a value came from): say so.
      if (extra === '<<')
        return {
          code: 'schema/unknown-field',
          pointer: `${at}/${extra}`,
          locateAt: `${at}/${extra}`,
          target: 'key',
          message: `A YAML merge key (<<) ${where} is not read: a contract writes each field out, so a reviewer sees every value where it applies`,
          fix: 'replace the merge with the fields themselves',
        };
      return {
        code: 'schema/unknown-field',
        pointer: `${at}/${extra}`,
        locateAt: `${at}/${extra}`,
        target: 'key',
        message: `Unknown field ${excerpt(extra)} ${where}${guess ? `; did you mean ${guess}?` : `; known fields: ${list(known)}`}`,
        ...(guess ? { fix: guess } : {}),
      };
    }
    case 'type': {
      const wanted = String(p.type);
      const unit = unitOf(schema);
      const what =
        wanted === 'integer' && unit ? `a whole number of ${unit}` : wanted === 'number' && unit ? `a number (${unit})` : (typeNames[wanted] ?? wanted);
      return { ...base, code: 'schema/type', message: `${name} must be ${what} (found ${found(error.data)})` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const guess = typeof error.data === 'string' ? didYouMean(error.data, allowed.map(String)) : undefined;
      return {
        ...base,
        code: 'schema/enum',
        message: `${name} must be one of: ${list(allowed)} (found ${found(error.data)})${guess ? `; did you mean ${guess}?` : ''}`,
        ...(guess ? { fix: guess } : {}),
      };
    }
    case 'const':
      return { ...base, code: 'schema/const', message: `${name} must be ${String(p.allowedValue)} (found ${found(error.data)})`, fix: String(p.allowedValue) };
    case 'pattern': {
      const help = patternHelp[String(p.pattern)] ?? `text matching ${String(p.pattern)}`;
      const example = schema.examples?.[0];
      return { ...base, code: 'schema/pattern', message: `${name} must be ${help}${example ? ` (e.g. ${String(example)})` : ''} (found ${found(error.data)})` };
    }
    case 'format': {
      const impossible = p.format === 'date' && typeof error.data === 'string' ? impossibleDate(error.data) : undefined;
      if (impossible) return { ...base, code: 'schema/format', message: `${name} is written YYYY-MM-DD, but ${impossible} (found ${found(error.data)})` };
      return {
        ...base,
        code: 'schema/format',
        message: `${name} must be ${p.format === 'date' ? 'a date written YYYY-MM-DD' : `a valid ${String(p.format)}`} (found ${found(error.data)})`,
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const bound = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[error.keyword];
      const unit = unitOf(schema);
      return { ...base, code: 'schema/range', message: `${name} must be ${bound} ${String(p.limit)}${unit ? ` ${unit}` : ''} (found ${found(error.data)})` };
    }
    case 'minLength':
      return {
        ...base,
        code: 'schema/length',
        message: Number(p.limit) === 1 ? `${name} must not be empty` : `${name} must be at least ${String(p.limit)} characters long`,
      };
    case 'maxLength':
      return { ...base, code: 'schema/length', message: `${name} must be at most ${String(p.limit)} characters long` };
    case 'minItems':
      return { ...base, code: 'schema/items', message: `${name} must list at least ${String(p.limit)} item${Number(p.limit) === 1 ? '' : 's'}` };
    case 'maxItems':
      return { ...base, code: 'schema/items', message: `${name} must list at most ${String(p.limit)} items` };
    case 'uniqueItems': {
      const items = Array.isArray(error.data) ? error.data : [];
      return { ...base, code: 'schema/unique', message: `${name} lists ${found(items[Number(p.i)])} more than once` };
    }
    default:
      return { ...base, code: 'schema/invalid', message: `${name} ${error.message ?? 'is invalid'}` };
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a date in the right form is no day of the calendar ("February 2027 has 28 days"), or undefined. */
function impossibleDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${m[2]}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day < 1 || day > days ? `${MONTHS[month - 1]} ${year} has ${days} days` : undefined;
}
