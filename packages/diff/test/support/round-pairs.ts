/**
 * A generated corpus of negotiation round pairs over the bundled contracts, for judging redlines with
 * LibreOffice. Each pair is two versions of one contract, each the original with a random set of edits
 * of the kinds a negotiation makes: a term value moved, a clause removed (and, in the other direction,
 * restored), list items reordered or added/dropped, a cover-page value changed, a term added at
 * walk-away. Deterministic for a seed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadYamlBytes } from '@contracts/core';

// biome-ignore lint/suspicious/noExplicitAny: contract values as loaded from YAML; each edit pokes at paths it knows
type Json = Record<string, any>;

/** One edit: a name for messages and the change it makes to a contract (in place). */
export interface Edit {
  name: string;
  apply(c: Json, rand: () => number): void;
}

/** A round pair: the earlier and the later version, with the edits each carries relative to the original. */
export interface RoundPair {
  id: string;
  contract: string;
  from: Json;
  to: Json;
  fromEdits: string[];
  toEdits: string[];
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const shuffled = <T>(rand: () => number, items: readonly T[]): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  // A reorder that leaves the list as it was is no edit: rotate instead.
  return out.length > 1 && out.every((x, i) => x === items[i]) ? [...out.slice(1), out[0]!] : out;
};
const has = (c: Json, ...path: string[]) => path.reduce<unknown>((node, key) => (node as Json | undefined)?.[key], c) !== undefined;

/** The edits; each checks that the contract has what it edits, so every edit applies to every contract. */
export const EDITS: readonly Edit[] = [
  {
    name: 'on-site audit removed or restored (audit.onSite flips)',
    apply: (c) => {
      c.terms.audit.onSite = !c.terms.audit.onSite;
      if (c.terms.audit.onSite) c.terms.audit.onSiteNoticeDays ??= 30;
    },
  },
  { name: 'breach notice hours moved', apply: (c, r) => void (c.terms.incidentResponse.notificationHours = pick(r, [12, 24, 36, 48, 72, 96, 168])) },
  { name: 'critical patch days moved', apply: (c, r) => void (c.terms.vulnerabilityManagement.patchDays.critical = pick(r, [7, 14, 21, 30, 45, 90])) },
  { name: 'support period moved', apply: (c, r) => void (c.terms.vulnerabilityManagement.supportPeriodYears = pick(r, [2, 3, 4, 5, 7, 10])) },
  {
    name: 'encryption in transit changed',
    apply: (c) => {
      const safeguards = c.terms.securityProgram.safeguards;
      safeguards.encryptionInTransit = safeguards.encryptionInTransit === 'tls-1.3' ? 'tls-1.2' : 'tls-1.3';
    },
  },
  {
    name: 'remediation costs moved',
    apply: (c, r) => void (c.terms.incidentResponse.remediationCostsBorneBy = pick(r, ['vendor', 'vendor-if-vendor-caused', 'shared'])),
  },
  { name: 'data return days moved', apply: (c, r) => void (c.terms.termination.dataReturnDays = pick(r, [10, 15, 30, 45, 60, 90])) },
  { name: 'costs covered reordered', apply: (c, r) => void (c.terms.incidentResponse.costsCovered = shuffled(r, c.terms.incidentResponse.costsCovered)) },
  {
    name: 'costs covered: an item added or dropped',
    apply: (c) => {
      const costs: string[] = c.terms.incidentResponse.costsCovered;
      c.terms.incidentResponse.costsCovered = costs.includes('call-centre') ? costs.filter((x) => x !== 'call-centre') : [...costs, 'call-centre'];
    },
  },
  { name: 'frameworks reordered', apply: (c, r) => void (c.terms.securityProgram.frameworks = shuffled(r, c.terms.securityProgram.frameworks)) },
  { name: 'data collected reordered', apply: (c, r) => void (c.product.dataCollected = shuffled(r, c.product.dataCollected)) },
  { name: 'cover page: annual fees changed', apply: (c, r) => void (c.annualFeesUsd = Math.round(c.annualFeesUsd * pick(r, [0.8, 0.9, 1.1, 1.25]))) },
  {
    name: 'cover page: vendor address changed',
    apply: (c, r) =>
      void (c.parties.vendor.address = `${pick(r, [12, 250, 4100])} ${pick(r, ['Harbor', 'Market', 'Elm'])} Street, Suite ${pick(r, [3, 40, 510])}`),
  },
  { name: 'cover page: effective date moved', apply: (c, r) => void (c.effectiveDate = pick(r, ['2026-08-01', '2026-11-15', '2027-01-01'])) },
  {
    name: 'term added at walk-away: a 2× data-breach super-cap',
    apply: (c) => {
      c.terms.liability.dataBreachCap = 'super-cap';
      c.terms.liability.superCapMultipleOfFees = 2;
    },
  },
  {
    name: 'term added at walk-away: exploited-vulnerability notice of 96 hours',
    apply: (c) => void (c.terms.vulnerabilityManagement.exploitedVulnerabilityReportingHours = 96),
  },
  {
    name: 'cyber insurance per-claim limit moved',
    apply: (c, r) => void (c.terms.incidentResponse.cyberInsurance.perClaimUsd = pick(r, [1000000, 2000000, 5000000, 10000000])),
  },
  {
    name: 'peer review dropped or restored',
    apply: (c) => void (c.terms.securityProgram.secureDevelopment.peerReview = !c.terms.securityProgram.secureDevelopment.peerReview),
  },
  {
    name: 'remote-access clause removed or restored',
    apply: (c) => {
      if (has(c, 'terms', 'remoteAccess')) delete c.terms.remoteAccess;
      else c.terms.remoteAccess = { permitted: true, buyerApprovalPerSession: true, mfa: true, logging: 'shared-with-buyer' };
    },
  },
];

export const BUNDLED_CONTRACTS = ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'] as const;

/** The bundled contract `name` as loaded from YAML (a fresh copy each call). */
export function bundledContract(name: string): Json {
  const file = fileURLToPath(new URL(`../../../../contracts/${name}.yaml`, import.meta.url));
  return loadYamlBytes(readFileSync(file), file).value as Json;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Round 2 → round 3 of `pnpm demo` (scripts/negotiation-demo.sh): the buyer's counter, then the compromise. */
export function demoRounds(): RoundPair {
  const round2 = bundledContract('springfield-smartcam');
  round2.terms.incidentResponse.notificationHours = 24;
  round2.terms.incidentResponse.remediationCostsBorneBy = 'vendor';
  round2.terms.securityProgram.safeguards.encryptionInTransit = 'tls-1.3';
  round2.terms.remoteAccess.buyerApprovalPerSession = true;
  const round3 = structuredClone(round2);
  round3.terms.incidentResponse.notificationHours = 48;
  round3.terms.incidentResponse.remediationCostsBorneBy = 'vendor-if-vendor-caused';
  round3.product.dataSubjects = [...round3.product.dataSubjects, 'eu-residents'];
  return {
    id: 'springfield-smartcam#demo',
    contract: 'springfield-smartcam',
    from: round2,
    to: round3,
    fromEdits: [],
    toEdits: ['pnpm demo, round 2 → round 3: notice 24 → 48 h, remediation vendor → vendor-if-vendor-caused, EU residents in scope'],
  };
}

/**
 * `perContract` pairs for each bundled contract, and the demo's round 2 → round 3. The earlier version carries 0–2 edits, the later one
 * 1–4 others (so the redline has work both ways: an edit only in `from` is undone by the redline).
 * The first pair of each contract is the plain clause removal of issue 11 (on-site audit dropped).
 */
export function roundPairs(perContract: number, seed = 11): RoundPair[] {
  const rand = prng(seed);
  const pairs: RoundPair[] = [demoRounds()];
  for (const contract of BUNDLED_CONTRACTS) {
    const original = bundledContract(contract);
    for (let k = 0; k < perContract; k++) {
      const order = shuffled(rand, EDITS);
      const fromEdits = k === 0 ? [] : order.slice(0, Math.floor(rand() * 3));
      const toEdits = k === 0 ? [EDITS[0]!] : order.slice(fromEdits.length, fromEdits.length + 1 + Math.floor(rand() * 4));
      const from = structuredClone(original);
      const to = structuredClone(original);
      for (const edit of fromEdits) edit.apply(from, rand);
      for (const edit of toEdits) edit.apply(to, rand);
      pairs.push({ id: `${contract}#${k + 1}`, contract, from, to, fromEdits: fromEdits.map((e) => e.name), toEdits: toEdits.map((e) => e.name) });
    }
  }
  return pairs;
}

/**
 * Anchored Markdown with one clause moved behind another, as a template that reorders clauses would
 * render it: the clause fence that holds `moving` is cut out and put after the one that holds `after`.
 */
export function moveClause(anchored: string, moving: string, after: string): { markdown: string; moved: string } {
  const fenceOf = (title: string) => {
    // A clause by its title (`**7.2** **Content of notice.**`), whatever number the contract gives it.
    const at = anchored.search(new RegExp(`\\*\\*\\d+\\.\\d+\\*\\* \\*\\*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*\\*`));
    if (at < 0) throw new Error(`no clause titled ${title}`);
    const open = anchored.lastIndexOf('::: {#', at);
    return anchored.slice(open, anchored.indexOf('\n:::\n', at) + 5);
  };
  const moved = fenceOf(moving);
  const target = fenceOf(after);
  return { markdown: anchored.replace(moved, '').replace(target, `${target}\n${moved}`), moved };
}
