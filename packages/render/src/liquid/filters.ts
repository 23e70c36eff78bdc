/**
 * The filters clause templates use to word negotiated values (`{{ ir.notificationHours | hours }}` →
 * "twenty-four (24) hours"). Each is a pure function of its input; an absent input stays absent, so
 * printing it is the one "undefined value" error that names the template line and the term.
 */
import { jurisdictionName, regionName } from '../places.js';
import { formatNumber, longDate, numberToWords, quantity, sentence, usd } from '../words.js';

/** `labels.json`: enum value → prose, per kind (`framework`, `region`, …). */
export type Labels = ReadonlyMap<string, ReadonlyMap<string, string>>;

const isAbsent = (value: unknown): value is undefined | null => value === undefined || value === null;
const asNumber = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/** Reads labels.json into maps, so no label lookup ever reaches an Object.prototype member. */
export function parseLabels(json: unknown): Labels {
  const kinds = new Map<string, Map<string, string>>();
  if (json === null || typeof json !== 'object') return kinds;
  for (const [kind, table] of Object.entries(json)) {
    if (table === null || typeof table !== 'object') continue;
    kinds.set(kind, new Map(Object.entries(table).filter((e): e is [string, string] => typeof e[1] === 'string')));
  }
  return kinds;
}

/** Filter name → implementation, registered on the Liquid engine (overriding Liquid's own `date`). */
export function clauseFilters(labels: Labels): Record<string, (value: unknown, ...args: unknown[]) => unknown> {
  const label = (value: unknown, kind: unknown) => (isAbsent(value) ? value : (labels.get(String(kind))?.get(String(value)) ?? String(value)));
  const unit = (name: string) => (n: unknown) => (isAbsent(n) ? undefined : quantity(asNumber(n), name));
  // A code or a list of codes → names (see places.ts); `| sentence` joins a list.
  const place = (name: (code: string, labels: Labels) => string) => (value: unknown) =>
    isAbsent(value) ? value : Array.isArray(value) ? value.map((v) => name(String(v), labels)) : name(String(value), labels);
  return {
    words: (n) => (isAbsent(n) ? undefined : `${numberToWords(asNumber(n))} (${formatNumber(asNumber(n))})`),
    hours: unit('hour'),
    days: unit('day'),
    months: unit('month'),
    years: unit('year'),
    usd: (n) => (isAbsent(n) ? undefined : usd(asNumber(n))),
    number: (n) => (isAbsent(n) ? undefined : formatNumber(asNumber(n))),
    date: (iso) => (isAbsent(iso) ? undefined : longDate(String(iso))),
    sentence: (items, conjunction) => (Array.isArray(items) ? sentence(items, typeof conjunction === 'string' ? conjunction : 'and') : items),
    label,
    labels: (items, kind) => (Array.isArray(items) ? items.map((item) => label(item, kind)) : items),
    jurisdiction: place(jurisdictionName),
    region: place(regionName),
  };
}
