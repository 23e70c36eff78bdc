import { locate, PLACEHOLDERS, type Diagnostic, type LoadedFile, type RelatedLocation } from '@contracts/core';
import { valueAt } from './paths.js';
import { inapplicableLaws } from './clause-context.js';
import { ruleApplicability } from './evaluate-rules.js';
import type { Playbook } from './types.js';

interface Numbers {
  fees?: number;
  perClaim?: number;
  cap?: string;
  superMultiple?: number;
  generalMultiple?: number;
  regulations?: unknown[];
}

/**
 * Amounts as the agreement prints them ("USD 1,260,000"). One formatter for all: `toLocaleString` with
 * options builds a new Intl.NumberFormat on each call, which was an eighth of a 1,000-contract check.
 */
const USD = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const usd = (n: number) => `USD ${USD.format(n)}`;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function numbersOf(contract: Record<string, any>): Numbers {
  const ins = contract.terms?.incidentResponse?.cyberInsurance;
  const li = contract.terms?.liability;
  return {
    fees: num(contract.annualFeesUsd),
    perClaim: ins?.required === true ? num(ins.perClaimUsd) : undefined,
    cap: typeof li?.dataBreachCap === 'string' ? li.dataBreachCap : undefined,
    superMultiple: num(li?.superCapMultipleOfFees),
    generalMultiple: num(li?.generalCapMultipleOfFees),
    regulations: Array.isArray(contract.terms?.jurisdiction?.regulations) ? contract.terms.jurisdiction.regulations : undefined,
  };
}

/** Federations whose contract law belongs to their states or provinces: a governing law must name one. */
const FEDERAL_CONTRACT_LAW: Record<string, { name: string; unit: string; units: string; why: string; source: string; example: string }> = {
  US: {
    name: 'the United States',
    unit: 'state',
    units: 'states',
    why: 'there is no federal general common law of contract',
    source: 'Erie R. Co. v. Tompkins, 304 U.S. 64 (1938)',
    example: 'US-NY, US-DE, US-IL',
  },
  CA: {
    name: 'Canada',
    unit: 'province',
    units: 'provinces',
    why: 'contracts fall under property and civil rights in the province',
    source: 'Constitution Act, 1867, s. 92(13)',
    example: 'CA-ON, CA-BC, CA-QC',
  },
};

/**
 * Drafting problems visible in the contract's numbers and lists, cheap enough for every `check`:
 * a data-breach cap below the cyber insurance the vendor must carry (the insurance would then cover
 * more than the vendor can owe: the clause library sets the cap at the greater of the two, and the
 * figures should say so), a super-cap with no amount, a regulation named that binds nothing, and a
 * governing law that names a federation whose contract law is its states' ("the laws of the United States"),
 * a placeholder `contracts new` wrote still in place, and incident terms with no security contact to notify.
 */
export function draftingChecks(loaded: LoadedFile, playbook: Playbook): Diagnostic[] {
  const contract = loaded.value as Record<string, any> | undefined;
  if (!contract || typeof contract !== 'object') return [];
  const n = numbersOf(contract);
  const out: Diagnostic[] = [];
  const at = (pointer: string) => ({ file: loaded.file, path: pointer, ...locate(loaded, pointer) });
  const related = (pointer: string, message: string): RelatedLocation => ({ file: loaded.file, path: pointer, message, ...locate(loaded, pointer) });
  const insurance = '/terms/incidentResponse/cyberInsurance/perClaimUsd';

  if (n.cap === 'super-cap' && n.superMultiple === undefined && n.perClaim === undefined) {
    out.push({
      code: 'drafting/cap-without-amount',
      severity: 'warning',
      message:
        'liability.dataBreachCap is super-cap but neither superCapMultipleOfFees nor required cyber insurance gives it an amount, so the agreement leaves data breach liability uncapped',
      ...at('/terms/liability/dataBreachCap'),
      fix: 'set liability.superCapMultipleOfFees (the playbook prefers at least 3)',
    });
  }
  if (n.perClaim !== undefined && n.fees !== undefined) {
    const multiple = n.cap === 'super-cap' ? n.superMultiple : n.cap === 'general-cap' ? n.generalMultiple : undefined;
    if (multiple !== undefined && multiple * n.fees < n.perClaim) {
      const needed = Math.ceil(n.perClaim / n.fees);
      const which = n.cap === 'super-cap' ? 'data-breach super-cap' : 'general cap, which data breaches share,';
      const pointer = n.cap === 'super-cap' ? '/terms/liability/superCapMultipleOfFees' : '/terms/liability/dataBreachCap';
      out.push({
        code: 'drafting/cap-below-insurance',
        severity: 'warning',
        message: `the ${which} is ${multiple} × ${usd(n.fees)} = ${usd(multiple * n.fees)}, below the ${usd(n.perClaim)} per-claim cyber insurance the vendor must carry${
          n.cap === 'super-cap' ? '; the agreement sets the Data Breach Cap at the greater of the two, so the figures should agree' : ''
        }`,
        ...at(pointer),
        fix:
          n.cap === 'super-cap'
            ? `superCapMultipleOfFees: ${needed} (${usd(needed * n.fees)})`
            : `dataBreachCap: super-cap with superCapMultipleOfFees: ${needed} or more`,
        related: [related(insurance, `cyber insurance per claim is ${usd(n.perClaim)}`)],
      });
    }
  }
  for (const placeholder of PLACEHOLDERS) {
    const segments = placeholder.path.split('.');
    if (valueAt(contract, segments) !== placeholder.value) continue;
    out.push({
      code: 'drafting/placeholder',
      severity: 'warning',
      message: `${placeholder.path} is still the placeholder "${placeholder.value}" that contracts new wrote; the agreement would print it`,
      ...at(`/${segments.join('/')}`),
      fix: `write the real ${placeholder.what} (contracts new ${placeholder.flag})`,
    });
  }
  const buyerNotices = contract.parties?.buyer?.notices;
  if (contract.terms?.incidentResponse && !buyerNotices?.securityEmail && !buyerNotices?.securityPhone) {
    const hours = num(contract.terms.incidentResponse.notificationHours);
    out.push({
      code: 'drafting/no-incident-contact',
      severity: 'warning',
      message: `the Notices clause sends a Security Incident by telephone and e-mail to the Buyer's security contact, but parties.buyer.notices names neither securityEmail nor securityPhone, so the ${
        hours === undefined ? 'notice' : `${hours}-hour`
      } clock has no channel the Vendor must use`,
      ...at(contract.parties?.buyer?.notices ? '/parties/buyer/notices' : '/parties/buyer'),
      fix: 'add parties.buyer.notices.securityEmail and securityPhone (a mailbox and a line staffed day and night)',
      related: [related('/terms/incidentResponse', 'the incident-response terms this contact serves')],
    });
  }
  // The cover page recites each party as "organised under the laws of" its jurisdiction. A US company is
  // organised under a state's law; only a federal agency (or a federal charter, which the schema has no
  // field for) is "organised under the laws of the United States".
  for (const side of ['buyer', 'vendor'] as const) {
    const party = contract.parties?.[side];
    if (party?.jurisdiction !== 'US' || (side === 'buyer' && party.entityType === 'federal-agency')) continue;
    const Party = side === 'buyer' ? 'Buyer' : 'Vendor';
    out.push({
      code: 'drafting/country-only-organisation',
      severity: 'warning',
      message: `parties.${side}.jurisdiction is US, so the cover page says the ${Party} is "organised under the laws of the United States", but a US company is organised under the law of a state (corporations are creatures of state law)`,
      ...at(`/parties/${side}/jurisdiction`),
      source: 'Cort v. Ash, 422 U.S. 66, 84 (1975)',
      fix: `name the state the ${Party} is organised in: US-DE, US-NY, US-CA`,
    });
  }
  const law = contract.terms?.jurisdiction?.governingLaw;
  const federal = typeof law === 'string' ? FEDERAL_CONTRACT_LAW[law] : undefined;
  if (federal) {
    out.push({
      code: 'drafting/country-only-law',
      severity: 'warning',
      message: `jurisdiction.governingLaw is ${law}, a country whose contract law is made by its ${federal.units} (${federal.why}), so "the laws of ${federal.name}"${
        contract.terms?.jurisdiction?.venue === undefined ? ` and "the courts of ${federal.name}"` : ''
      } name no law the agreement can be read under`,
      ...at('/terms/jurisdiction/governingLaw'),
      source: federal.source,
      fix: `name the ${federal.unit}: ${federal.example}`,
    });
  }
  if (n.regulations && n.regulations.length > 0 && playbook.laws.size > 0) {
    // Only the rules of the regulations listed are evaluated: this runs on every file `check` reads.
    const named = new Set(n.regulations.flatMap((code) => (typeof code === 'string' ? (playbook.laws.get(code) ?? []) : [])));
    const notApplicable = named.size === 0 ? {} : inapplicableLaws(playbook, ruleApplicability(playbook, contract, { rules: named }));
    n.regulations.forEach((code, i) => {
      const law = typeof code === 'string' && playbook.laws.has(code) && named.size > 0 ? notApplicable[code] : undefined;
      if (!law) return;
      out.push({
        code: 'drafting/law-not-applicable',
        severity: 'warning',
        message: `jurisdiction.regulations names ${code}, but no rule for it binds this deal (${law.reason}); the agreement does not name it`,
        ...at(`/terms/jurisdiction/regulations/${i}`),
        fix: `remove ${code}, or correct the product evaluation if the law does apply`,
      });
    });
  }
  return out;
}
