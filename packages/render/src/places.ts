/**
 * Jurisdiction and region codes as a contract names them: `US-MA` → "the Commonwealth of
 * Massachusetts", `DE` → "Germany", `NL` → "the Netherlands". Names come from maintained ISO 3166
 * datasets (`i18n-iso-countries` for countries, `iso-3166-2` for subdivisions, both pinned); the
 * clause library's `labels.json` adds only drafting style — the "State of" / "Commonwealth of" of a
 * subdivision type (`placeStyle`, `{name}` is the dataset's name), the article a country takes and
 * the few legal systems that are not one code (`GB-ENG` → "England and Wales"), in `placeName`. A
 * code no dataset knows prints as written, so the drafting lint can flag it.
 */
import { createRequire } from 'node:module';
import type { Labels } from './liquid/filters.js';

interface Subdivision {
  name: string;
  type: string;
  countryCode: string;
  countryName: string;
}

interface Datasets {
  country(code: string): string | undefined;
  subdivision(code: string): Subdivision | undefined;
  /** Every country and subdivision code with its dataset name. */
  names(): [code: string, name: string][];
}

let datasets: Datasets | undefined;

/** Loaded on first use: most renders name a jurisdiction, but `contracts check` never does. */
function load(): Datasets {
  if (datasets) return datasets;
  const require = createRequire(import.meta.url);
  const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const iso = require('iso-3166-2') as { subdivision(code: string): Subdivision | null; data: Record<string, { sub: Record<string, { name: string }> }> };
  let names: [string, string][] | undefined;
  datasets = {
    country: (code) => (code.length === 2 && countries.isValid(code) ? countries.getName(code, 'en', { select: 'official' }) : undefined),
    subdivision: (code) => iso.subdivision(code) ?? undefined,
    names: () =>
      (names ??= [
        ...Object.entries(countries.getNames('en', { select: 'official' })),
        ...Object.values(iso.data).flatMap((country) => Object.entries(country.sub).map(([code, sub]): [string, string] => [code, sub.name])),
      ]),
  };
  return datasets;
}

const styleOf = (labels: Labels, kind: string, key: string) => labels.get(kind)?.get(key);

/** A country as a place: the style table's name (with its article) if it has one, else the dataset's. */
function countryName(code: string, labels: Labels): string | undefined {
  return styleOf(labels, 'placeName', code) ?? load().country(code);
}

/**
 * The legal system a code names, as "the laws of …" reads it: subdivisions by their type's style
 * (`US:State` → "the State of {name}"), else "{name}, {country}"; countries by name.
 */
export function jurisdictionName(code: string, labels: Labels): string {
  const own = styleOf(labels, 'placeName', code);
  if (own) return own;
  if (!code.includes('-')) return countryName(code, labels) ?? code;
  const sub = load().subdivision(code);
  if (!sub) return code;
  const style = styleOf(labels, 'placeStyle', `${sub.countryCode}:${sub.type}`);
  if (style) return style.replace('{name}', sub.name);
  const country = countryName(sub.countryCode, labels) ?? sub.countryName;
  return `${sub.name}, ${country}`;
}

/** A data location or market: blocs (`EU`, `EEA`, `other`) from the style table, countries from the dataset. */
export function regionName(code: string, labels: Labels): string {
  return styleOf(labels, 'placeName', code) ?? (code.includes('-') ? jurisdictionName(code, labels) : countryName(code, labels)) ?? code;
}

/** True when `code` is an ISO 3166-1 country or ISO 3166-2 subdivision code the datasets know (for the drafting lint). */
export function isPlaceCode(code: string): boolean {
  return code.includes('-') ? load().subdivision(code) !== undefined : load().country(code) !== undefined;
}

/**
 * The codes whose dataset name occurs in `text` as whole words, longest name first: what a reader of
 * "the laws of the State of Delaware" would try (`US-DE`). `contracts import` renders each candidate
 * and keeps only one that prints the counterparty's words, so a loose match costs a render, never a
 * wrong value.
 */
export function placeCodesNamedIn(text: string): string[] {
  const found = load()
    .names()
    .filter(([, name]) => name.length > 2 && text.includes(name) && wholeWords(name).test(text));
  return found.sort((a, b) => b[1].length - a[1].length).map(([code]) => code);
}

const wholeWords = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
