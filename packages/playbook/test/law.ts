/** Builders for rule tests: a bare contract with only the facts a case states (rules read facts, not schema validity). */
export type Facts = Record<string, any>;

const isObject = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep merge: objects merge, everything else (lists included) replaces. */
export function merge(...parts: Facts[]): Facts {
  const out: Facts = {};
  for (const part of parts) for (const [k, v] of Object.entries(part)) out[k] = isObject(v) && isObject(out[k]) ? merge(out[k], v) : structuredClone(v);
  return out;
}

/** A contract with no terms (every requirement unmet) and neutral facts; `facts` add to it. */
export function deal(...facts: Facts[]): Facts {
  return merge(
    {
      effectiveDate: '2026-12-01',
      parties: { buyer: { name: 'Buyer', kind: 'company', jurisdiction: 'US-NY' }, vendor: { name: 'Vendor', jurisdiction: 'US-DE' } },
      product: { name: 'Device', category: 'other', dataCollected: ['telemetry'], dataLocations: { storage: ['US'] } },
      terms: {},
    },
    ...facts,
  );
}

export const buyer = (b: Facts): Facts => ({ parties: { buyer: b } });
export const vendor = (v: Facts): Facts => ({ parties: { vendor: v } });
export const product = (p: Facts): Facts => ({ product: p });
export const terms = (t: Facts): Facts => ({ terms: t });
export const on = (date: string): Facts => ({ effectiveDate: date });
export const people = (...where: string[]): Facts => product({ personalData: { processed: true, subjectsLocatedIn: where } });
export const data = (...kinds: string[]): Facts => product({ regulatedData: kinds });
export const located = (key: 'storage' | 'processing' | 'backups' | 'supportAccess', ...where: string[]): Facts => product({ dataLocations: { [key]: where } });

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
