/**
 * Every diagnostic code in one place. A released code never changes meaning: CI configurations, SARIF
 * baselines and suppressions refer to them. Risk-rule codes come from data (`risk/<rule-id>`), so they
 * are a template type rather than a list.
 */
export const yamlCodes = [
  'yaml/syntax',
  'yaml/duplicate-key',
  'yaml/tab-indentation',
  'yaml/unknown-tag',
  'yaml/alias-limit',
  'yaml/too-deep',
  'yaml/too-large',
  'yaml/binary',
  'yaml/encoding',
  'yaml/empty',
  'yaml/multiple-documents',
  'yaml/not-a-mapping',
  'yaml/number-out-of-range',
  'yaml/non-string-key',
] as const;

export const schemaCodes = [
  'schema/required',
  'schema/unknown-field',
  'schema/type',
  'schema/enum',
  'schema/const',
  'schema/pattern',
  'schema/format',
  'schema/range',
  'schema/length',
  'schema/items',
  'schema/unique',
  'schema/invalid',
] as const;

/** Files that are not read: a symlink leaving the repository, a FIFO, device, socket or directory. */
export const ioCodes = ['io/symlink-outside', 'io/not-a-file'] as const;

/** Problems between contract files: two agreements with one id (which names their round tags). */
export const contractCodes = ['contract/duplicate-id'] as const;

export const playbookCodes = [
  'playbook/walk-away',
  'playbook/fallback',
  'playbook/preferred',
  'playbook/missing',
  'playbook/invalid',
  // Wording a counterparty proposed outside any term (`negotiatedWording`, written by `contracts import`).
  'playbook/negotiated-wording',
  'playbook/negotiation-comment',
  // A term negotiated wording restates in the counterparty's own words: not read, or no longer the value read.
  'playbook/restated-term',
] as const;

/**
 * Drafting: the agreement as a reader sees it. The first six are data-level checks `contracts check`
 * always runs; the rest come from the drafting lint over the rendered agreement (`check --drafting`).
 */
export const draftingCodes = [
  'drafting/cap-below-insurance',
  'drafting/cap-without-amount',
  'drafting/law-not-applicable',
  'drafting/country-only-law',
  'drafting/country-only-organisation',
  'drafting/placeholder',
  'drafting/no-incident-contact',
  'drafting/undefined-term',
  'drafting/unused-definition',
  'drafting/duplicate-definition',
  'drafting/broken-reference',
  'drafting/missing-attachment',
  'drafting/raw-code',
] as const;

export type YamlCode = (typeof yamlCodes)[number];
export type SchemaCode = (typeof schemaCodes)[number];
export type PlaybookCode = (typeof playbookCodes)[number];
export type IoCode = (typeof ioCodes)[number];
export type DraftingCode = (typeof draftingCodes)[number];
export type ContractCode = (typeof contractCodes)[number];
export type RiskCode = `risk/${string}`;
export type DiagnosticCode = YamlCode | IoCode | ContractCode | SchemaCode | PlaybookCode | DraftingCode | RiskCode;
