import type { RuleStatus } from '../src/index.js';
import { buyer, data, on, people, product, type Facts } from './law.js';

/**
 * The boundaries counsel's review of the shipped rules found, each a scenario on one side of it: the
 * facts of a deal and the standing the rule must take for it (`ruleApplicability`). Read with the
 * `cases` table in risk-rules.test.ts, which holds one `fire` / `silent` / `exempt` case per rule.
 */
export type Boundary = [scenario: string, facts: Facts[], status: RuleStatus];

const euBuyer = buyer({ entityType: 'for-profit', jurisdiction: 'DE' });
const ukBuyer = buyer({ entityType: 'for-profit', jurisdiction: 'GB' });
const caBusiness = [buyer({ entityType: 'for-profit' }), product({ personalData: { subjectsLocatedIn: ['US-CA'] } })];
/** A product that says nothing about personal data beyond what it collects (`personalData.processed` absent). */
const collects = (dataCollected: string[], more: Facts = {}): Facts => product({ dataCollected, ...more });

/** "Personal data processed", inferred when the evaluation does not answer it: the same for every privacy rule. */
const personalData = (rulePrefix: Facts[]): Boundary[] => [
  ['employee badge location', [...rulePrefix, collects(['location', 'telemetry'], { dataSubjects: ['employees'] })], 'applies'],
  ['logins of users', [...rulePrefix, collects(['credentials', 'telemetry'])], 'applies'],
  ['regulated personal data (PHI) alone', [...rulePrefix, collects(['telemetry']), data('phi')], 'applies'],
  ['location of assets, no people named', [...rulePrefix, collects(['location', 'telemetry'])], 'out-of-scope'],
  ['regulated data that is not about people (CUI)', [...rulePrefix, collects(['telemetry']), data('cui')], 'out-of-scope'],
  ['the evaluation says no personal data', [...rulePrefix, collects(['video'], { personalData: { processed: false } })], 'out-of-scope'],
];

export const boundaries: Record<string, Boundary[]> = {
  'eu-gdpr-processor-terms': personalData([euBuyer]),
  'eu-transfer-mechanism': personalData([euBuyer]),
  'uk-gdpr-processor-terms': personalData([ukBuyer]),
  'uk-transfer-mechanism': personalData([ukBuyer]),
  'california-ccpa': [
    ...personalData(caBusiness),
    ['the CPRA text is not operative on 2022-12-31', [...caBusiness, people('US-CA'), on('2022-12-31')], 'not-in-force'],
    ['the CPRA text is operative from 2023-01-01', [...caBusiness, people('US-CA'), on('2023-01-01')], 'applies'],
  ],
  'california-ccpa-2020': [
    ['the 2018 Act is not in force on 2019-12-31', [...caBusiness, people('US-CA'), on('2019-12-31')], 'not-in-force'],
    ['the 2018 Act binds a business on 2022-12-31', [...caBusiness, people('US-CA'), on('2022-12-31')], 'applies'],
    ['the CPRA text replaces it from 2023-01-01', [...caBusiness, people('US-CA'), on('2023-01-01')], 'repealed'],
  ],
};
