import type { DiagnosticCode } from '@contracts/core';

/** One line per released code, for SARIF `rules[].shortDescription` (code-scanning UIs show it as the rule name). */
const descriptions: Record<Exclude<DiagnosticCode, `risk/${string}`>, string> = {
  'yaml/syntax': 'The file is not valid YAML.',
  'yaml/duplicate-key': 'A key appears twice in the same mapping.',
  'yaml/tab-indentation': 'Tabs are used for indentation.',
  'yaml/unknown-tag': 'A YAML tag is not supported.',
  'yaml/alias-limit': 'Too many YAML aliases are expanded.',
  'yaml/too-deep': 'The document is nested too deeply.',
  'yaml/too-large': 'The file is too large.',
  'yaml/binary': 'The file is binary, not text.',
  'yaml/encoding': 'The file is not valid UTF-8.',
  'yaml/empty': 'The file is empty.',
  'yaml/multiple-documents': 'The file holds more than one YAML document.',
  'yaml/not-a-mapping': 'The document is not a mapping of fields.',
  'yaml/number-out-of-range': 'A number cannot be represented exactly.',
  'yaml/non-string-key': 'A key is not a string.',
  'io/symlink-outside': 'A symbolic link leads outside the repository; the file was not read.',
  'io/not-a-file': 'A FIFO, device, socket or directory stands where a contract file was expected.',
  'schema/required': 'A required field is missing.',
  'schema/unknown-field': 'A field is not part of the schema.',
  'schema/type': 'A value has the wrong type.',
  'schema/enum': 'A value is not one of the allowed values.',
  'schema/const': 'A value differs from the only allowed value.',
  'schema/pattern': 'A value does not match the expected pattern.',
  'schema/format': 'A value is not in the expected format.',
  'schema/range': 'A number is out of range.',
  'schema/length': 'A value is too short or too long.',
  'schema/items': 'A list has too few or too many items.',
  'schema/unique': 'A list holds duplicate items.',
  'schema/invalid': 'A value does not satisfy the schema.',
  'playbook/walk-away': 'A term is at or beyond the playbook walk-away position.',
  'playbook/fallback': 'A term is at the playbook fallback position.',
  'playbook/preferred': 'A term is at the playbook preferred position.',
  'playbook/missing': 'A term the playbook covers is missing.',
  'playbook/invalid': 'The playbook itself is invalid.',
  'drafting/cap-below-insurance': 'A liability cap for data breaches is below the cyber insurance the vendor must carry.',
  'drafting/cap-without-amount': 'A data-breach super-cap has no amount (no multiple of fees and no insurance).',
  'drafting/law-not-applicable': 'The contract names a law that does not apply to the deal.',
  'drafting/undefined-term': 'A capitalised defined term is used but not defined in the agreement.',
  'drafting/unused-definition': 'A term is defined but never used in the agreement.',
  'drafting/duplicate-definition': 'A term is defined more than once in the agreement.',
  'drafting/broken-reference': 'A cross-reference points to a section or clause the agreement does not have.',
  'drafting/missing-attachment': 'A clause refers to an annex, schedule, exhibit or attachment the agreement does not contain.',
  'drafting/raw-code': 'A code (such as US-MA) is printed instead of its name.',
};

/** Risk codes come from data (`risk/<rule-id>`), so their description is derived from the rule id. */
export function describeCode(code: DiagnosticCode): string {
  if (code.startsWith('risk/')) return `Risk rule "${code.slice('risk/'.length)}" is not satisfied.`;
  return descriptions[code as keyof typeof descriptions] ?? code;
}
