/**
 * A generated corpus of vendor markups over the bundled contracts. Each case is an intended change to
 * the contract (a value, a boolean that removes a clause, a list member, a free-text edit the schema
 * cannot express, a comment), and the vendor's edits that make it in Word are derived from
 * LibreOffice's own text of the two renderings: blocks that differ become replacements with enough
 * context to be found once, blocks that disappear become paragraph deletions. LibreOffice then makes
 * the markup (tracked, or untracked) as a named author: real word-processor output.
 */
import type { VendorAgreement } from '@contracts/core';
import { jurisdictionName, libraryLabels, renderAgreement } from '@contracts/render';

export interface Intended {
  /** Term path → new value (undefined: removed). */
  values: Record<string, unknown>;
}

export interface CorpusCase {
  id: string;
  contract: string;
  what: string;
  /**
   * The changes the vendor's edits mean (path → value; undefined: removed). A fact among them
   * (`parties.*`, `product.*`) is expected withheld: the contract keeps it, the passages printing it are
   * negotiated wording restating it.
   */
  values: Record<string, unknown>;
  /** Clause or paragraph keys expected as negotiated wording. */
  wording: string[];
  /** Comments to add: [anchor, text]. */
  comments: [string, string][];
  /** Free-text edits in Word on top of the value changes. */
  replacements: [string, string][];
  insertParagraphs: [string, string][];
  record: boolean;
  /**
   * Made by LibreOffice's Compare Document (`.uno:CompareDocuments`): the edits are made untracked, and
   * the edited document compared with the base records them (a changed table as the new table inserted
   * and the old one deleted, every row tracked).
   */
  compare?: boolean;
  /**
   * Word edits as counsel makes them, step by step, instead of those derived from the renderings (a
   * rename with Replace All, then one row by hand): each step is one LibreOffice session over the last.
   */
  steps?: { replacements: [string, string][]; replaceAll?: boolean }[];
  /** Cover-page rows added (`[anchor in the row before, cells]`) or deleted (an anchor in the row), as a user does in Word. */
  insertRows?: [string, string[]][];
  deleteRows?: string[];
  /** Row labels expected as negotiated wording: [paragraph key, label]. */
  labels?: [string, string][];
  /** Rows expected as added after a row: [paragraph key, rows]. */
  rowsAfter?: [string, { label: string; text: string }[]][];
  /** Texts the re-rendering must print as list items (LibreOffice's text has no bullets to judge by). */
  items?: string[];
}

type Change = [path: string, value: unknown, what: string];

/** Value changes tried on every contract that has the term (skipped where the value is already that). */
export const VALUE_CHANGES: Change[] = [
  ['terms.incidentResponse.notificationHours', 72, 'incident notice 72 h'],
  ['terms.incidentResponse.notificationHours', 96, 'incident notice 96 h'],
  ['terms.audit.onSiteNoticeDays', 60, 'audit notice 60 days'],
  ['terms.termination.dataReturnDays', 90, 'data return 90 days'],
  ['terms.vulnerabilityManagement.patchDays.critical', 45, 'critical patches 45 days'],
  ['terms.vulnerabilityManagement.supportPeriodYears', 3, 'support 3 years'],
  ['terms.incidentResponse.cyberInsurance.perClaimUsd', 2_000_000, 'insurance USD 2,000,000 per claim'],
  ['terms.liability.superCapMultipleOfFees', 2, 'super-cap 2× fees'],
  ['terms.flowDown.noticeDays', 14, 'subprocessor notice 14 days'],
  ['terms.audit.frequency', 'for-cause', 'audits for cause only'],
  ['terms.incidentResponse.remediationCostsBorneBy', 'shared', 'remediation costs shared'],
  ['terms.jurisdiction.governingLaw', 'US-DE', 'governed by Delaware law'],
  ['terms.audit.accessLogReview', false, 'access-log clause deleted'],
  ['terms.audit.onSite', false, 'on-site audit clause deleted'],
  ['terms.incidentResponse.cooperation', false, 'cooperation clause deleted'],
  ['terms.liability.indemnity', false, 'indemnity clause deleted'],
];

/** The value cases also made with Compare Document: a cover-page row and its clause, a place, a deleted clause. */
const COMPARED = ['perClaimUsd', 'governingLaw', 'onSite', 'frameworks-list'];

/** List changes: [path, (current) → new list, what]. */
export const LIST_CHANGES: [string, (list: string[]) => string[] | undefined, string][] = [
  ['terms.securityProgram.frameworks', (l) => (l.length > 1 ? l.slice(0, -1) : undefined), 'last framework struck'],
  ['terms.incidentResponse.costsCovered', (l) => (l.length > 1 ? l.slice(1) : undefined), 'first covered cost struck'],
];

/** Free text no term expresses: [anchor in the base text, inserted paragraph or replacement, the clause it lands in]. */
export const FREE_TEXT: { replace?: [string, string]; insert?: [string, string]; clause: string; what: string }[] = [
  {
    insert: ['Each party bears its own costs of an audit', 'The Buyer shall give the Vendor a copy of every audit report it receives.'],
    clause: 'audit/costs',
    what: 'a sentence added after the audit costs clause',
  },
  {
    replace: ['preserve logs and other evidence', 'preserve logs and other evidence for at least one year'],
    clause: 'incidentResponse/cooperation',
    what: 'cooperation clause reworded',
  },
];

export function valueAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

export function withValues(contract: VendorAgreement, values: Record<string, unknown>): VendorAgreement {
  const copy = structuredClone(contract) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(values)) {
    const keys = path.split('.');
    let node = copy;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    if (value === undefined) delete node[keys.at(-1)!];
    else node[keys.at(-1)!] = value;
  }
  return copy as unknown as VendorAgreement;
}

/** The cases for one contract, in a fixed order. */
export function casesFor(name: string, contract: VendorAgreement): CorpusCase[] {
  const base = { contract: name, wording: [], comments: [], replacements: [], insertParagraphs: [], record: true };
  const out: CorpusCase[] = [];
  for (const [path, value, what] of VALUE_CHANGES) {
    const current = valueAt(contract, path);
    if (current === undefined || current === value) continue;
    if (out.some((c) => Object.keys(c.values)[0] === path)) continue; // one change per term and contract
    out.push({ ...base, id: `${name}/${path.split('.').pop()}`, what, values: { [path]: value } });
  }
  // Two values in one cover-page row: the vendor renamed everywhere, and re-domiciled in its own row.
  // Both are facts (parties.*): the import does not apply them, it keeps the vendor's words for counsel.
  const { vendor, buyer } = contract.parties;
  if (vendor.jurisdiction.startsWith('US-') && vendor.jurisdiction !== 'US-NV' && buyer.jurisdiction !== vendor.jurisdiction) {
    const renamed = `${vendor.name.replace(/,?\s+(?:Inc\.|LLC|GmbH)$/, '')} Holdings, LLC`;
    const laws = (code: string) => `organised under the laws of ${jurisdictionName(code, libraryLabels())}`;
    out.push({
      ...base,
      id: `${name}/vendor-renamed-and-redomiciled`,
      what: 'vendor renamed everywhere and re-domiciled in Nevada (two values in one cover row)',
      values: { 'parties.vendor.name': renamed, 'parties.vendor.jurisdiction': 'US-NV' },
      steps: [{ replacements: [[vendor.name, renamed]], replaceAll: true }, { replacements: [[laws(vendor.jurisdiction), laws('US-NV')]] }],
    });
  }
  for (const [path, change, what] of LIST_CHANGES) {
    const current = valueAt(contract, path);
    const next = Array.isArray(current) ? change(current as string[]) : undefined;
    if (next) out.push({ ...base, id: `${name}/${path.split('.').pop()}-list`, what, values: { [path]: next } });
  }
  const withComment = out[0];
  if (withComment)
    out.push({
      ...withComment,
      id: `${withComment.id}+comment`,
      what: `${withComment.what}, with a comment`,
      comments: [['Costs.', 'Our insurer caps audit costs; please confirm.']],
    });
  const untracked = out.filter((c) => !c.id.endsWith('+comment')).slice(0, 3);
  for (const c of untracked) out.push({ ...c, id: `${c.id}+untracked`, what: `${c.what}, tracking switched off`, record: false });
  const compared = out.filter((c) => COMPARED.some((k) => c.id === `${name}/${k}`));
  for (const c of compared) out.push({ ...c, id: `${c.id}+compare`, what: `${c.what}, recorded by Compare Document`, compare: true });
  out.push(...rowCases(name, contract, base));
  out.push(...cellCases(name, contract, base));
  out.push(...paragraphCases(name, contract, base));
  for (const f of FREE_TEXT) {
    if (f.replace)
      out.push({
        ...base,
        id: `${name}/free-${f.clause.split('/')[1]}+compare`,
        what: `${f.what}, recorded by Compare Document`,
        values: {},
        wording: [f.clause],
        replacements: [f.replace],
        compare: true,
      });
    out.push({
      ...base,
      id: `${name}/free-${f.clause.split('/')[1]}`,
      what: f.what,
      values: {},
      wording: [f.clause],
      replacements: f.replace ? [f.replace] : [],
      insertParagraphs: f.insert ? [f.insert] : [],
    });
  }
  return out;
}

/**
 * Edits to the cover page's rows that no term explains, each kept as negotiated wording for its row: a
 * label edited (tracked, untracked, recorded by Compare Document), a label edited while the row's value
 * changes too (the value read, the label kept), a row added, a row deleted.
 */
function rowCases(name: string, contract: VendorAgreement, base: Omit<CorpusCase, 'id' | 'what' | 'values'>): CorpusCase[] {
  const out: CorpusCase[] = [];
  const days = contract.terms.termination?.dataReturnDays;
  const relabel = {
    replacements: [['Data return', 'Data return and deletion', 0]] as [string, string, number][],
    labels: [['cover-page/Data return', 'Data return and deletion']] as [string, string][],
  };
  if (days !== undefined) {
    out.push({ ...base, ...relabel, id: `${name}/row-label`, what: 'a cover-page row relabelled', values: {} });
    out.push({
      ...base,
      ...relabel,
      id: `${name}/row-label+compare`,
      what: 'a cover-page row relabelled, recorded by Compare Document',
      values: {},
      compare: true,
    });
    if (days !== 90)
      out.push({
        ...base,
        ...relabel,
        id: `${name}/row-label-and-value`,
        what: 'a row relabelled while its value changes (value read, label kept)',
        values: { 'terms.termination.dataReturnDays': 90 },
      });
  }
  out.push({
    ...base,
    id: `${name}/row-label-rewritten+untracked`,
    what: 'a cover-page row label rewritten, tracking switched off',
    values: {},
    replacements: [['Governing law', 'Law and jurisdiction', 0]],
    labels: [['cover-page/Governing law', 'Law and jurisdiction']],
    record: false,
  });
  const venue = { label: 'Venue', text: 'the state and federal courts where the Buyer has its seat' };
  out.push({
    ...base,
    id: `${name}/row-added`,
    what: 'a cover-page row added',
    values: {},
    insertRows: [['Governing law', [venue.label, venue.text]]],
    rowsAfter: [['cover-page/Governing law', [venue]]],
  });
  out.push({
    ...base,
    id: `${name}/row-deleted`,
    what: 'a cover-page row deleted',
    values: {},
    deleteRows: ['Data residency'],
    wording: ['cover-page/Data residency'],
  });
  return out;
}

/**
 * Paragraphs the vendor typed inside a table cell (Enter at the end of the cell's text, then text): under
 * the Data return value on the cover page (tracked and untracked), and under the vendor's signatory's
 * name in the signature table (a value cell: the added paragraph is wording, not part of the name). A
 * pipe-table cell holds no paragraphs, so each renders as a line of its own in that cell; the judge
 * counts the line break as the paragraph's end.
 */
function cellCases(name: string, contract: VendorAgreement, base: Omit<CorpusCase, 'id' | 'what' | 'values'>): CorpusCase[] {
  const out: CorpusCase[] = [];
  if (contract.terms.termination?.dataReturnDays !== undefined) {
    const cell = {
      ...base,
      values: {},
      insertParagraphs: [['after the Agreement ends', 'in CSV or JSON, at the Customer’s choice']] as [string, string][],
      wording: ['cover-page/Data return'],
    };
    out.push({ ...cell, id: `${name}/cell-paragraph`, what: 'a paragraph added inside a cover-page value cell' });
    out.push({
      ...cell,
      id: `${name}/cell-paragraph+untracked`,
      what: 'a paragraph added inside a cover-page value cell, tracking switched off',
      record: false,
    });
  }
  const { buyer, vendor } = contract.parties;
  if (vendor.signatory?.name)
    out.push({
      ...base,
      id: `${name}/signature-cell-paragraph`,
      what: 'a paragraph added under the vendor signatory’s name in the signature table',
      values: {},
      insertParagraphs: [[`Name: ${vendor.signatory.name}`, `for and on behalf of ${vendor.name}`]],
      wording: [`signatures/Name: ${buyer.signatory?.name ?? ''}`.trimEnd()],
    });
  return out;
}

/**
 * New paragraphs the vendor typed (Enter, then text), where the shape is what counsel reads: outside the
 * clauses (after the cover page's introduction, after the signature block's introduction, after an annex
 * heading) and inside one (between a clause's introduction and its list, a new list item). Each is kept
 * as negotiated wording of the block it follows, and renders as a paragraph of its own, not run on.
 */
export const NEW_PARAGRAPHS: { anchor: string; text: string; region: string | ((markdown: string) => string); what: string; items?: string[] }[] = [
  {
    anchor: 'records the variables the parties negotiated',
    text: 'Where the Cover Page and an order form differ, the Cover Page prevails.',
    region: 'cover-page#1',
    what: 'a paragraph added after the cover page introduction',
  },
  {
    anchor: 'Each party has caused this Agreement to be executed',
    text: 'This Agreement may be signed in counterparts, each an original.',
    region: 'signatures#1',
    what: 'a paragraph added after the signature block introduction',
  },
  {
    anchor: 'Annex A: ',
    text: 'This Annex binds the Vendor’s affiliates as well.',
    region: (markdown) => /^# Annex A: .*\{#([\w-]+)\}$/m.exec(markdown)![1]!,
    what: 'a paragraph added after an annex heading',
  },
  {
    anchor: 'measured from when the Vendor learns of it:',
    text: 'The Vendor may agree a longer period with the Buyer in writing.',
    region: 'vulnerabilityManagement/patch-deadlines',
    what: 'a paragraph added between two paragraphs of a clause',
    items: ['Critical Vulnerabilities and Vulnerabilities known to be actively exploited'],
  },
  {
    anchor: 'use only cryptographic modules validated under FIPS 140-3',
    text: 'rotate every administrative credential at least once a year;',
    region: 'securityProgram/enumerated-safeguards',
    what: 'a list item added to a clause',
    items: ['use only cryptographic modules validated', 'rotate every administrative credential at least once a year;'],
  },
];

function paragraphCases(name: string, contract: VendorAgreement, base: Omit<CorpusCase, 'id' | 'what' | 'values'>): CorpusCase[] {
  const { markdown } = renderAgreement(contract);
  const text = markdown.replace(/\\(.)/g, '$1');
  return NEW_PARAGRAPHS.filter((p) => text.includes(p.anchor)).map((p) => ({
    ...base,
    id: `${name}/new-paragraph-${NEW_PARAGRAPHS.indexOf(p) + 1}`,
    what: p.what,
    values: {},
    wording: [typeof p.region === 'string' ? p.region : p.region(markdown)],
    insertParagraphs: [[p.anchor, p.text]],
    ...(p.items ? { items: p.items } : {}),
  }));
}

const NUMBERING = /^(?:\d+(?:\.\d+)*\.?)$/;

/** Words of LibreOffice text blocks with generated numbering (clause and section numbers, "Section N (") as `§`. */
export function wordsWithoutNumbering(blocks: readonly string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    const words = block.split(/\s+/).filter(Boolean);
    if (words.length > 0 && NUMBERING.test(words[0]!)) words[0] = '§';
    for (let i = 0; i + 2 < words.length; i++) if (words[i] === 'Section' && /^\d+$/.test(words[i + 1]!) && words[i + 2]!.startsWith('(')) words[i + 1] = '§';
    out.push(...words);
  }
  return out;
}

const normalBlock = (b: string) => wordsWithoutNumbering([b]).join(' ');

/**
 * The paragraphs of LibreOffice text blocks (each paragraph of a table cell one), whitespace-normalised,
 * numbering as in `wordsWithoutNumbering`, empty ones left out (an accepted deletion of a paragraph's
 * text can leave its empty mark): the shape a counsel reads, where words alone would pass a run-on
 * paragraph. A hard line break (`\n` in LibreOffice's text) counts as a paragraph's end: a pipe-table cell
 * holds no paragraphs, so a rendering prints a cell's paragraphs with line breaks between them.
 */
export const paragraphsWithoutNumbering = (blocks: readonly string[]): string[] =>
  blocks
    .flatMap((b) => b.split('\n'))
    .map(normalBlock)
    .filter(Boolean);

/**
 * The Word edits that turn `before` (LibreOffice's blocks of the base) into `after`: changed blocks as
 * replacements (the changed words plus context until the text occurs once), removed blocks as paragraph
 * deletions; undefined when the change adds a block (not what these cases model).
 */
export function editsBetween(
  before: readonly string[],
  after: readonly string[],
): { replacements: [string, string, number][]; deleteParagraphs: string[] } | undefined {
  const all = before.join('\n');
  const offsets: number[] = [];
  before.reduce((at, b) => {
    offsets.push(at);
    return at + b.length + 1;
  }, 0);
  const replacements: [string, string, number][] = [];
  const deleteParagraphs: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && normalBlock(before[i]!) === normalBlock(after[j]!)) {
      i++;
      j++;
      continue;
    }
    // Resynchronise: the next before-block that reappears later in `after`.
    let next = -1;
    for (let k = i; k < before.length && next < 0; k++) if (after.slice(j).some((b) => normalBlock(b) === normalBlock(before[k]!))) next = k;
    const until = next < 0 ? before.length : next;
    const afterUntil = next < 0 ? after.length : after.findIndex((b, k) => k >= j && normalBlock(b) === normalBlock(before[next]!));
    const removed = before.slice(i, until);
    const added = after.slice(j, afterUntil);
    if (added.length > removed.length) return undefined;
    const pairs = pairBlocks(removed, added);
    removed.forEach((old, k) => {
      const replacement = pairs[k] === undefined ? undefined : added[pairs[k]!];
      if (replacement === undefined) deleteParagraphs.push(uniqueSnippet(all, old, 0, Math.min(old.length, 60)));
      else if (old !== replacement) replacements.push(replacementFor(all, old, replacement, offsets[i + k]!));
    });
    i = until;
    j = afterUntil;
  }
  return { replacements, deleteParagraphs };
}

/**
 * Which removed block each added block rewrites (removed index → added index; the rest are deleted):
 * in order, with the most words in common, as counsel would edit it. Pairing by position would turn a
 * deleted clause into a rewrite of its neighbour when the neighbour's wording changes too (deleting
 * the indemnity also drops the indemnity from the Excluded Claims that follow it).
 */
function pairBlocks(removed: readonly string[], added: readonly string[]): (number | undefined)[] {
  const shared = (a: string, b: string) => {
    const bag = new Map<string, number>();
    for (const w of normalBlock(a).split(' ')) bag.set(w, (bag.get(w) ?? 0) + 1);
    let n = 0;
    for (const w of normalBlock(b).split(' ')) {
      if ((bag.get(w) ?? 0) === 0) continue;
      bag.set(w, bag.get(w)! - 1);
      n++;
    }
    return n;
  };
  // best[a][r]: the most shared words pairing the first a added blocks with the first r removed ones (every added block paired).
  const best = added.map(() => removed.map(() => Number.NEGATIVE_INFINITY));
  const at = (a: number, r: number) => (a < 0 ? 0 : r < 0 ? Number.NEGATIVE_INFINITY : best[a]![r]!);
  for (let a = 0; a < added.length; a++)
    for (let r = 0; r < removed.length; r++) best[a]![r] = Math.max(at(a, r - 1), at(a - 1, r - 1) + shared(removed[r]!, added[a]!));
  const pairs: (number | undefined)[] = removed.map(() => undefined);
  for (let a = added.length - 1, r = removed.length - 1; a >= 0; r--) {
    if (at(a, r - 1) === at(a, r)) continue;
    pairs[r] = a--;
  }
  return pairs;
}

/** `[old text, new text, n]`: the n-th occurrence (case-sensitive, from 0) of the old text is the one in this block. */
function replacementFor(all: string, old: string, next: string, blockOffset: number): [string, string, number] {
  let p = 0;
  while (p < old.length && p < next.length && old[p] === next[p]) p++;
  let s = 0;
  while (s < old.length - p && s < next.length - p && old[old.length - 1 - s] === next[next.length - 1 - s]) s++;
  let start = p;
  let end = old.length - s;
  // Whole words, then context until the text occurs once in the document.
  while (start > 0 && /\S/.test(old[start - 1]!)) start--;
  while (end < old.length && /\S/.test(old[end]!)) end++;
  const { text, at } = snippetAt(all, old, start, end);
  const n = all.slice(0, blockOffset + at).split(text).length - 1;
  return [text, next.slice(at, next.length - (old.length - at - text.length)), n];
}

/** Text of `block` from `[start, end)` widened by words until it occurs once in `all` (or is the whole block). */
function snippetAt(all: string, block: string, start: number, end: number): { text: string; at: number } {
  let a = start;
  let b = Math.max(end, start + 1);
  const occurrences = (text: string) => all.split(text).length - 1;
  while (occurrences(block.slice(a, b)) > 1 && (a > 0 || b < block.length)) {
    if (b < block.length) b = Math.min(block.length, block.indexOf(' ', b + 1) < 0 ? block.length : block.indexOf(' ', b + 1));
    if (occurrences(block.slice(a, b)) > 1 && a > 0) a = Math.max(0, block.lastIndexOf(' ', a - 2) + 1);
  }
  return { text: block.slice(a, b), at: a };
}

const uniqueSnippet = (all: string, block: string, start: number, end: number) => snippetAt(all, block, start, end).text;
