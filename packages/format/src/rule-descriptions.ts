import type { DiagnosticCode } from '@contracts/core';
import type { RuleText } from './types.js';

/** What a code-scanning UI shows about a rule: a name, a one-line and a full description, and help. */
export interface RuleDescription {
  /** PascalCase friendly name (`PlaybookWalkAway`). */
  name: string;
  short: string;
  full: string;
  /** What to do about a finding, plain text. */
  help: string;
}

// [one line, full description, what to do]. One entry per released code; a test keeps them complete.
const texts: Record<string, [string, string, string]> = {
  'yaml/syntax': [
    'The file is not valid YAML.',
    'The file cannot be read as YAML, so nothing in it can be checked.',
    'Fix the YAML at the position shown; an editor with the YAML extension marks it as you type.',
  ],
  'yaml/duplicate-key': [
    'A key appears twice in the same mapping.',
    'A field is written twice in the same mapping; YAML keeps only one of the values, so which one counts is ambiguous.',
    'Keep one of the two entries.',
  ],
  'yaml/tab-indentation': [
    'Tabs are used for indentation.',
    'YAML does not allow tabs for indentation, and the structure of the file cannot be read past them.',
    'Indent with spaces (the editor setting "insert spaces").',
  ],
  'yaml/unknown-tag': [
    'A YAML tag is not supported.',
    'The file uses a YAML tag (such as !!js/function); contracts are plain data and tags are refused.',
    'Remove the tag and write the plain value.',
  ],
  'yaml/alias-limit': [
    'Too many YAML aliases are expanded.',
    'The file expands more YAML aliases than allowed, which is how "billion laughs" files exhaust memory.',
    'Write the values out instead of repeating aliases.',
  ],
  'yaml/too-deep': [
    'The document is nested too deeply.',
    'The document nests mappings or lists deeper than any contract needs.',
    'Flatten the structure to the fields the schema describes.',
  ],
  'yaml/too-large': [
    'The file is too large.',
    'The file is larger than the size limit for one contract.',
    'Split the content or remove what does not belong in the agreement.',
  ],
  'yaml/binary': ['The file is binary, not text.', 'The file holds binary data, not a YAML text.', 'Name a YAML contract file.'],
  'yaml/encoding': ['The file is not valid UTF-8.', 'The file is not UTF-8 text, so its characters cannot be read reliably.', 'Save the file as UTF-8.'],
  'yaml/empty': ['The file is empty.', 'The file holds no YAML document.', 'Write the agreement, or start one with contracts new.'],
  'yaml/multiple-documents': [
    'The file holds more than one YAML document.',
    'A contract file holds exactly one agreement, but this one has several YAML documents (---).',
    'Put each agreement in a file of its own.',
  ],
  'yaml/not-a-mapping': [
    'The document is not a mapping of fields.',
    'An agreement is a mapping of fields (schemaVersion, id, parties, …), but this document is a list or a single value.',
    'Write the agreement as fields; contracts new shows the shape.',
  ],
  'yaml/number-out-of-range': [
    'A number cannot be represented exactly.',
    'A number is too large or too precise to be read without changing its value.',
    'Write a smaller number, or quote it if it is an identifier.',
  ],
  'yaml/non-string-key': [
    'A key is not a string.',
    'A key is read as something other than the text written (a number, a boolean or a structure).',
    'Quote the key, or use the field name the schema expects.',
  ],
  'io/symlink-outside': [
    'A contract file links outside the repository.',
    'The file is a symbolic link whose target leaves the repository; it is not read, so that a pull request cannot make the check read other files.',
    'Replace the link with the file itself.',
  ],
  'contract/duplicate-id': [
    'Two contract files have the same id.',
    "The id names the agreement's round tags (<id>/round-<n>) and its output files, so two files with one id would share each other's rounds: contracts round on one would number and tag the other's negotiation.",
    'Give each agreement its own id before tagging a round of it.',
  ],
  'io/not-a-file': [
    'A contract path is not a regular file.',
    'The path names a FIFO, a device, a socket or a directory, which is never read as a contract.',
    'Name a regular YAML file.',
  ],
  'schema/required': [
    'A required field is missing.',
    'The schema requires a field that the agreement does not have.',
    'Add the field; the editor offers its allowed values.',
  ],
  'schema/unknown-field': [
    'A field is not part of the schema.',
    'The agreement has a field the schema does not define, often a misspelt name.',
    'Rename the field as suggested, or remove it.',
  ],
  'schema/type': [
    'A value has the wrong type.',
    'A value is of another type than the schema allows (text where a number is expected, a list where one value is).',
    'Write a value of the type the message names.',
  ],
  'schema/enum': [
    'A value is not one of the allowed values.',
    'A value is not among the values the schema lists for the field.',
    'Choose one of the allowed values the message lists.',
  ],
  'schema/const': [
    'A value differs from the only allowed value.',
    'The field has exactly one allowed value, and this is not it.',
    'Write the value the message names.',
  ],
  'schema/pattern': [
    'A value does not match the expected pattern.',
    'A text value does not have the form the schema expects (an id, a jurisdiction code).',
    'Write the value in the form the message describes.',
  ],
  'schema/format': [
    'A value is not in the expected format.',
    'A value is not in the format the schema expects (a date, an e-mail address, a URL).',
    'Write the value in the format the message names.',
  ],
  'schema/range': ['A number is out of range.', 'A number is smaller or larger than the schema allows.', 'Write a number within the range the message names.'],
  'schema/length': ['A value is too short or too long.', 'A text is shorter or longer than the schema allows.', 'Shorten or complete the value.'],
  'schema/items': ['A list has too few or too many items.', 'A list has fewer or more entries than the schema allows.', 'Add or remove entries.'],
  'schema/unique': ['A list holds duplicate items.', 'A list must not repeat an entry, and this one does.', 'Remove the duplicate entry.'],
  'schema/invalid': [
    'A value does not satisfy the schema.',
    'A value breaks a rule of the schema that is not covered by a more specific code.',
    'Read the message and correct the value.',
  ],
  'playbook/walk-away': [
    'A term is at or beyond the playbook walk-away position.',
    "The negotiated value is at or beyond the position at which the buyer's playbook says to walk away from the deal.",
    'Negotiate the term back to the fallback or preferred position, or have counsel approve an exception.',
  ],
  'playbook/fallback': [
    'A term is at the playbook fallback position.',
    "The negotiated value is acceptable but only at the playbook's fallback position, short of the preferred one.",
    'Try for the preferred position suggested; the fallback is acceptable if the vendor will not move.',
  ],
  'playbook/preferred': ['A term is at the playbook preferred position.', "The negotiated value meets the playbook's preferred position.", 'Nothing to do.'],
  'playbook/missing': [
    'A term the playbook covers is missing.',
    'The agreement does not address a term for which the playbook has positions.',
    'Add the term at the preferred position suggested.',
  ],
  'playbook/negotiated-wording': [
    'Negotiated wording outside the playbook: counsel to review.',
    'The counterparty proposed wording for a clause that no term of the playbook expresses (kept by `contracts import` as negotiated wording, and printed in place of the template wording).',
    'Have counsel accept it, replace it with a term, or remove the entry to restore the template wording.',
  ],
  'playbook/restated-term': [
    "Negotiated wording restates a term in the counterparty's own words, and the term does not match it.",
    'The counterparty rewrote a passage that prints a term ("96 hours" for "ninety-six (96) hours"). `contracts import` could not read a value from it (the document says otherwise elsewhere, or states no one number), or the term has changed since it was read: the term is rated on a value the wording contradicts.',
    'Set the term to what is agreed and replace or remove the wording, so the rating and the text say the same.',
  ],
  'playbook/negotiation-comment': [
    'A counterparty comment awaits an answer.',
    'The counterparty left a Word comment on a clause (kept by `contracts import`); the template wording stands.',
    'Answer it in the next round, then remove the entry.',
  ],
  'playbook/invalid': [
    'The playbook itself is invalid.',
    'The playbook file has an error, so contracts cannot be rated against it.',
    'Fix the playbook at the position shown.',
  ],
  'drafting/cap-below-insurance': [
    'A liability cap for data breaches is below the cyber insurance the vendor must carry.',
    'The data-breach super-cap (a multiple of annual fees) comes to less than the per-claim cyber insurance the vendor must carry, so the insurance the buyer negotiated could never be called on in full.',
    'Raise the multiple so the cap is at least the insurance limit (the finding suggests one), or cap at the greater of the two.',
  ],
  'drafting/cap-without-amount': [
    'A data-breach super-cap has no amount.',
    'The data-breach liability is a super-cap, but neither a multiple of fees nor an insurance limit gives it an amount, so the clause cannot say what the cap is.',
    'Set superCapMultipleOfFees, or the cyber insurance per-claim limit.',
  ],
  'drafting/law-not-applicable': [
    'The contract names a law that does not apply to the deal.',
    'A regulation listed in the terms does not apply to these parties, this product or this data as of the effective date, so the agreement would promise compliance with a law that does not bind the deal.',
    'Remove the regulation from the list, or correct the product evaluation if the law does apply.',
  ],
  'drafting/country-only-law': [
    'The governing law names a federation whose contract law belongs to its states or provinces.',
    'Contract law in the United States is state law (Erie R. Co. v. Tompkins, 304 U.S. 64 (1938)) and in Canada provincial (Constitution Act, 1867, s. 92(13)), so "the laws of the United States" or "the courts of Canada" name no law the agreement can be read under and no court that must hear it.',
    'Name the state or province: US-NY, US-DE, CA-ON.',
  ],
  'drafting/country-only-organisation': [
    'A US party is said to be organised under the laws of the United States.',
    'The cover page recites each party as "organised under the laws of" its jurisdiction. A US company is incorporated or formed under the law of a state (Cort v. Ash, 422 U.S. 66, 84 (1975): corporations are creatures of state law); only a federal agency is a creature of federal law.',
    'Name the state the party is organised in: US-DE, US-NY, US-CA.',
  ],
  'drafting/placeholder': [
    'A value is still the placeholder contracts new wrote.',
    'contracts new fills the product name and the buyer with placeholders when it is not told them, so the file checks and renders at once; left in, the agreement would print "Product means Product name and model".',
    'Write the real value (contracts new takes --product and --buyer).',
  ],
  'drafting/no-incident-contact': [
    'The incident-response terms have no security contact to notify.',
    "The Notices clause requires notice of a Security Incident by telephone and e-mail to the Buyer's security contact, but the contract names none, so the notification deadline has no channel the Vendor must use and late notice is easy to excuse.",
    "Add the Buyer's security mailbox and a telephone line staffed day and night (parties.buyer.notices.securityEmail and securityPhone).",
  ],
  'drafting/undefined-term': [
    'A capitalised defined term is used but not defined.',
    'The rendered agreement uses a capitalised term that no definition introduces, so its meaning is open to argument.',
    'Define the term, or write it in lower case if it is not meant as a defined term.',
  ],
  'drafting/unused-definition': [
    'A term is defined but never used.',
    'The rendered agreement defines a term that no clause uses; unused definitions invite the question what they were meant to cover.',
    'Remove the definition, or use the term where it was meant.',
  ],
  'drafting/duplicate-definition': [
    'A term is defined more than once.',
    'The rendered agreement defines the same term twice, possibly with different meanings.',
    'Keep one definition.',
  ],
  'drafting/broken-reference': [
    'A cross-reference points to a section the agreement does not have.',
    'A clause refers to a section or clause number that the rendered agreement does not contain, for example after a clause was dropped.',
    'Guard the reference with the condition that brings the clause in, or point it at the right clause.',
  ],
  'drafting/missing-attachment': [
    'A clause refers to an attachment the agreement does not contain.',
    'A clause refers to an annex, schedule, exhibit or attachment that the rendered agreement does not produce.',
    'Produce the annex (its term must be set), or remove the reference.',
  ],
  'drafting/raw-code': [
    'A code is printed instead of its name.',
    'The rendered agreement prints a raw code (such as US-MA) where a reader expects a name.',
    'Print the value through the jurisdiction or label filter.',
  ],
};

const pascal = (code: string) =>
  code
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * The description of a code. Risk codes come from data (`risk/<rule-id>`): the playbook's wording when
 * `rules` has it, else a sentence derived from the rule id.
 */
export function describeRule(code: DiagnosticCode, rules?: Readonly<Record<string, RuleText>>): RuleDescription {
  const known = Object.hasOwn(texts, code) ? texts[code] : undefined;
  if (known) return { name: pascal(code), short: known[0], full: known[1], help: known[2] };
  const rule = rules && Object.hasOwn(rules, code) ? rules[code] : undefined;
  const id = code.replace(/^[a-z]+\//, '');
  const short = code.startsWith('risk/') ? `Risk rule "${id}" is not satisfied.` : code;
  const full = rule?.description ?? `${short} The product evaluation makes terms mandatory that the agreement does not carry as required.`;
  return {
    name: pascal(code),
    short,
    full,
    help: 'Add or change the terms the finding names to the value it demands, or correct the product evaluation if it is wrong.',
  };
}

/** One line per code, for SARIF `rules[].shortDescription` (code-scanning UIs show it as the rule name). */
export const describeCode = (code: DiagnosticCode): string => describeRule(code).short;

/** The codes with written descriptions (for the completeness test). */
export const describedCodes = (): string[] => Object.keys(texts);
