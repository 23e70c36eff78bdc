import type { RuleStatus } from '../src/index.js';
import { buyer, data, on, people, product, type Facts } from './law.js';

/**
 * The boundaries counsel's review of the shipped rules found, each a scenario on one side of it: the
 * facts of a deal and the standing the rule must take for it (`ruleApplicability`). Read with the
 * `cases` table in risk-rules.test.ts, which holds one `fire` / `silent` / `exempt` case per rule.
 */
export type Boundary = [scenario: string, facts: Facts[], status: RuleStatus];

const euBuyer = buyer({ entityType: 'for-profit', jurisdiction: 'DE' });
/** A city buyer in Illinois, as in contracts/springfield-smartcam.yaml. */
const gov = buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-IL' });
const ukBuyer = buyer({ entityType: 'for-profit', jurisdiction: 'GB' });
const caBusiness = [buyer({ entityType: 'for-profit' }), product({ personalData: { subjectsLocatedIn: ['US-CA'] } })];
const revenue = (annualRevenueUsd: number): Facts => buyer({ entityType: 'for-profit', annualRevenueUsd });
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

/** The US state consumer privacy Acts: people acting as employees are not consumers; a missing legal form is read from the buyer's kind. */
const stateConsumers = (state: string, nonProfits: 'covered' | 'outside'): Boundary[] => [
  ['employees only', [people(state), product({ dataSubjects: ['employees'] })], 'out-of-scope'],
  ['employees and customers', [people(state), product({ dataSubjects: ['employees', 'customers'] })], 'applies'],
  ['a government buyer that gives only its kind', [buyer({ kind: 'government' }), people(state)], 'out-of-scope'],
  ['a non-profit buyer that gives only its kind', [buyer({ kind: 'nonprofit' }), people(state)], nonProfits === 'covered' ? 'applies' : 'out-of-scope'],
  ['a company that gives only its kind', [buyer({ kind: 'company' }), people(state)], 'applies'],
];

/** A vendor that never holds the buyer's data (the HIPAA rule's test), and the same deployment with the vendor's remote access on. */
const isolated = product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: false }, featuresEnabled: { cloudSync: false } });
/** A US county or city in the given state, its legal form and kind both stated. */
const cityOf = (state: string): Facts => buyer({ entityType: 'local-government', kind: 'government', jurisdiction: state });
const isolatedButRemote = product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: true }, featuresEnabled: { cloudSync: false } });

/**
 * The state breach-notice and data-security rules reach the residents whose information is held: where the people are, else where
 * the devices are, else the buyer's seat; never a vendor that holds no data, nor data the evaluation says is not personal.
 */
const residents = (state: string, other: string, element: Facts[]): Boundary[] => [
  ['people located in the state', [people(state), ...element], 'applies'],
  ['devices in the state, people not located', [product({ deployment: { installedIn: [state] } }), ...element], 'applies'],
  [
    'devices in the state, people located elsewhere',
    [product({ personalData: { processed: true, subjectsLocatedIn: [other] }, deployment: { installedIn: [state] } }), ...element],
    'out-of-scope',
  ],
  [
    'a buyer seated in the state, devices elsewhere',
    [buyer({ jurisdiction: state }), product({ deployment: { installedIn: [other] } }), ...element],
    'out-of-scope',
  ],
  ['a buyer seated in the state, nothing else located', [buyer({ jurisdiction: state }), ...element], 'applies'],
  ['the evaluation says no personal data', [people(state), ...element, product({ personalData: { processed: false } })], 'out-of-scope'],
  ['a vendor that never holds the data', [people(state), ...element, isolated], 'exempt'],
  ['an isolated network, but the vendor connects remotely', [people(state), ...element, isolatedButRemote], 'applies'],
];

export const boundaries: Record<string, Boundary[]> = {
  'california-breach-notice-to-owner': [
    ...residents('US-CA', 'US-NV', [data('financial-account')]),
    ['video of people, no facial recognition', [people('US-CA'), collects(['video'])], 'out-of-scope'],
    ['photographs stored for facial recognition', [people('US-CA'), collects(['video'], { featuresEnabled: { facialRecognition: true } })], 'applies'],
    [
      'facial recognition before biometric data joined (2019-12-31)',
      [people('US-CA'), collects(['video'], { featuresEnabled: { facialRecognition: true } }), on('2019-12-31')],
      'out-of-scope',
    ],
    ['licence plate recognition (ALPR data)', [people('US-CA'), collects(['video'], { featuresEnabled: { licensePlateRecognition: true } })], 'applies'],
    ['location of named employees (no geolocation element)', [people('US-CA'), collects(['location'], { dataSubjects: ['employees'] })], 'out-of-scope'],
    ['logins of users', [people('US-CA'), collects(['credentials'])], 'applies'],
    ['a federal agency owns the data (the statute binds the vendor)', [buyer({ entityType: 'federal-agency' }), people('US-CA'), data('phi')], 'applies'],
  ],
  'florida-third-party-agent-notice': [
    ...residents('US-FL', 'US-GA', [data('cardholder-data')]),
    ['location of named employees on 2024-06-30', [people('US-FL'), collects(['location'], { dataSubjects: ['employees'] }), on('2024-06-30')], 'out-of-scope'],
    [
      'location of named employees from 2024-07-01 (SB 262)',
      [people('US-FL'), collects(['location'], { dataSubjects: ['employees'] }), on('2024-07-01')],
      'applies',
    ],
    ['location of assets, no people named', [people('US-FL'), collects(['location'])], 'out-of-scope'],
    ['a fingerprint reader', [people('US-FL'), collects(['biometric'])], 'applies'],
    [
      'face templates from camera images (data generated from video)',
      [people('US-FL'), collects(['video'], { featuresEnabled: { facialRecognition: true } }), data('biometric-identifiers')],
      'out-of-scope',
    ],
    ['a federal agency buyer (not a covered entity)', [buyer({ entityType: 'federal-agency' }), people('US-FL'), data('phi')], 'out-of-scope'],
    ['a Georgia county', [buyer({ entityType: 'local-government', jurisdiction: 'US-GA' }), people('US-FL'), data('phi')], 'out-of-scope'],
    ['a government named only by its kind, in Georgia', [buyer({ kind: 'government', jurisdiction: 'US-GA' }), people('US-FL'), data('phi')], 'out-of-scope'],
    ['a Florida county (a governmental entity)', [buyer({ entityType: 'local-government', jurisdiction: 'US-FL' }), people('US-FL'), data('phi')], 'applies'],
  ],
  'illinois-breach-notice-to-owner': [
    ...residents('US-IL', 'US-IN', [data('government-id-numbers')]),
    // Springfield: a city's cameras, no facial recognition, filming the public: video, audio and location are no PIPA element.
    ['a city filming the public, no facial recognition', [gov, people('US-IL'), collects(['video', 'audio', 'personal', 'location'])], 'out-of-scope'],
    [
      'a city with facial recognition (biometric data)',
      [gov, people('US-IL'), collects(['video'], { featuresEnabled: { facialRecognition: true } })],
      'applies',
    ],
    ['a city holding ID numbers (the vendor of a government is a data collector)', [gov, people('US-IL'), data('government-id-numbers')], 'applies'],
    ['a fingerprint reader on 2016-12-31, before P.A. 99-503', [people('US-IL'), collects(['biometric']), on('2016-12-31')], 'out-of-scope'],
    ['a fingerprint reader from 2017-01-01', [people('US-IL'), collects(['biometric']), on('2017-01-01')], 'applies'],
    ['logins on 2016-12-31', [people('US-IL'), collects(['credentials']), on('2016-12-31')], 'out-of-scope'],
    ['logins from 2017-01-01', [people('US-IL'), collects(['credentials']), on('2017-01-01')], 'applies'],
    ['health information on 2016-12-31', [people('US-IL'), data('phi'), on('2016-12-31')], 'out-of-scope'],
    ['health information from 2017-01-01', [people('US-IL'), data('phi'), on('2017-01-01')], 'applies'],
    ['location of named employees (no geolocation element)', [people('US-IL'), collects(['location'], { dataSubjects: ['employees'] })], 'out-of-scope'],
    ['the Act is not in force on 2005-12-31', [people('US-IL'), data('financial-account'), on('2005-12-31')], 'not-in-force'],
  ],
  'massachusetts-service-provider-security': [
    ...residents('US-MA', 'US-NH', [data('cardholder-data')]),
    ['health data only', [people('US-MA'), collects(['health']), data('phi')], 'out-of-scope'],
    ['the regulation is not in force on 2010-02-28', [people('US-MA'), data('financial-account'), on('2010-02-28')], 'not-in-force'],
  ],
  'ny-breach-notice-to-owner': [
    ...residents('US-NY', 'US-NJ', [data('financial-account')]),
    ['logins before the SHIELD Act (2019-10-22)', [people('US-NY'), collects(['credentials']), on('2019-10-22')], 'out-of-scope'],
    ['logins from the SHIELD Act (2019-10-23)', [people('US-NY'), collects(['credentials']), on('2019-10-23')], 'applies'],
    ['facial recognition (biometric information)', [people('US-NY'), collects(['video'], { featuresEnabled: { facialRecognition: true } })], 'applies'],
    ['video of people, no facial recognition', [people('US-NY'), collects(['video'])], 'out-of-scope'],
    ['medical information on 2025-03-20', [people('US-NY'), collects(['health']), on('2025-03-20')], 'out-of-scope'],
    ['medical information from 2025-03-21', [people('US-NY'), collects(['health']), on('2025-03-21')], 'applies'],
    [
      'a GLBA bank (its deemed compliance is for notice to persons)',
      [buyer({ statuses: ['glba-financial-institution'] }), people('US-NY'), data('financial-account')],
      'applies',
    ],
  ],
  'ny-shield-safeguards': [
    ...residents('US-NY', 'US-NJ', [data('financial-account')]),
    ['a HIPAA business associate', [buyer({ statuses: ['hipaa-business-associate'] }), people('US-NY'), data('financial-account')], 'exempt'],
    ['the section is not in force on 2020-03-20', [people('US-NY'), data('financial-account'), on('2020-03-20')], 'not-in-force'],
  ],
  'texas-breach-notice-to-owner': [
    ...residents('US-TX', 'US-OK', [data('financial-account')]),
    ['health information (no name needed)', [people('US-TX'), collects(['health'])], 'applies'],
    ['a fingerprint reader (no biometric element)', [people('US-TX'), collects(['biometric']), data('biometric-identifiers')], 'out-of-scope'],
    ['facial recognition (no biometric element)', [people('US-TX'), collects(['video'], { featuresEnabled: { facialRecognition: true } })], 'out-of-scope'],
    ['logins of users (no credential element)', [people('US-TX'), collects(['credentials'])], 'out-of-scope'],
    [
      'a Texas county holding ID numbers',
      [buyer({ entityType: 'local-government', kind: 'government' }), people('US-TX'), data('government-id-numbers')],
      'applies',
    ],
    ['the section is not in force on 2009-03-31', [people('US-TX'), data('financial-account'), on('2009-03-31')], 'not-in-force'],
  ],
  'washington-breach-notice-to-owner': [
    ...residents('US-WA', 'US-OR', [data('financial-account')]),
    ['video of people, no facial recognition', [people('US-WA'), collects(['video'])], 'out-of-scope'],
    [
      'facial recognition on 2020-02-29, before HB 1071',
      [people('US-WA'), collects(['video'], { featuresEnabled: { facialRecognition: true } }), on('2020-02-29')],
      'out-of-scope',
    ],
    [
      'facial recognition from 2020-03-01 (biometric data)',
      [people('US-WA'), collects(['video'], { featuresEnabled: { facialRecognition: true } }), on('2020-03-01')],
      'applies',
    ],
    ['logins on 2020-02-29', [people('US-WA'), collects(['credentials']), on('2020-02-29')], 'out-of-scope'],
    ['logins from 2020-03-01', [people('US-WA'), collects(['credentials']), on('2020-03-01')], 'applies'],
    ['medical information from 2020-03-01', [people('US-WA'), collects(['health']), on('2020-03-01')], 'applies'],
    [
      "government ID numbers in 2019 (Social Security and driver's licence numbers since 2005)",
      [people('US-WA'), data('government-id-numbers'), on('2019-06-01')],
      'applies',
    ],
    ['location of named employees (no geolocation element)', [people('US-WA'), collects(['location'], { dataSubjects: ['employees'] })], 'out-of-scope'],
    ['the section is not in force on 2005-07-23', [people('US-WA'), data('financial-account'), on('2005-07-23')], 'not-in-force'],
  ],
  'new-jersey-breach-notice-to-owner': [
    ...residents('US-NJ', 'US-PA', [data('financial-account')]),
    ['logins on 2019-08-31', [people('US-NJ'), collects(['credentials']), on('2019-08-31')], 'out-of-scope'],
    ['logins from 2019-09-01 (P.L.2019, c.95)', [people('US-NJ'), collects(['credentials']), on('2019-09-01')], 'applies'],
    ['health information (no health element)', [people('US-NJ'), data('phi')], 'out-of-scope'],
    ['a New Jersey township (a public entity)', [cityOf('US-NJ'), people('US-NJ'), data('financial-account')], 'applies'],
    ['a Pennsylvania county', [cityOf('US-PA'), people('US-NJ'), data('financial-account')], 'out-of-scope'],
    ['a federal agency', [buyer({ entityType: 'federal-agency', kind: 'government' }), people('US-NJ'), data('financial-account')], 'out-of-scope'],
    ['the Act is not in force on 2005-12-31', [people('US-NJ'), data('financial-account'), on('2005-12-31')], 'not-in-force'],
  ],
  'new-hampshire-breach-notice-to-owner': [
    ...residents('US-NH', 'US-VT', [data('government-id-numbers')]),
    ['a fingerprint reader (no biometric element)', [people('US-NH'), collects(['biometric']), data('biometric-identifiers')], 'out-of-scope'],
    ['a Vermont town owns the data (the statute binds the vendor)', [cityOf('US-VT'), people('US-NH'), data('government-id-numbers')], 'applies'],
    ['the section is not in force on 2006-12-31', [people('US-NH'), data('government-id-numbers'), on('2006-12-31')], 'not-in-force'],
  ],
  'california-service-provider-security': [
    ...residents('US-CA', 'US-NV', [data('financial-account')]),
    ['a California city (a public agency is no business)', [cityOf('US-CA'), people('US-CA'), data('financial-account')], 'out-of-scope'],
    ['a non-profit (a business whether or not for profit)', [buyer({ entityType: 'non-profit' }), people('US-CA'), data('financial-account')], 'applies'],
    [
      'licence plate recognition (no ALPR element, unlike 1798.82)',
      [people('US-CA'), collects(['video'], { featuresEnabled: { licensePlateRecognition: true } })],
      'out-of-scope',
    ],
    ['health information on 2007-12-31', [people('US-CA'), data('phi'), on('2007-12-31')], 'out-of-scope'],
    ['health information from 2008-01-01', [people('US-CA'), data('phi'), on('2008-01-01')], 'applies'],
    ['logins on 2019-12-31', [people('US-CA'), collects(['credentials']), on('2019-12-31')], 'out-of-scope'],
    ['logins from 2020-01-01', [people('US-CA'), collects(['credentials']), on('2020-01-01')], 'applies'],
    ['photographs stored for facial recognition', [people('US-CA'), collects(['video'], { featuresEnabled: { facialRecognition: true } })], 'applies'],
    ['video of people, no facial recognition', [people('US-CA'), collects(['video'])], 'out-of-scope'],
    ['the section is not in force on 2004-12-31', [people('US-CA'), data('financial-account'), on('2004-12-31')], 'not-in-force'],
  ],
  'maryland-service-provider-security': [
    ...residents('US-MD', 'US-VA', [data('financial-account')]),
    ['a Maryland county (a unit, not a business)', [cityOf('US-MD'), people('US-MD'), data('financial-account')], 'out-of-scope'],
    ['wellness readings (health information only from a HIPAA covered entity)', [people('US-MD'), collects(['health'])], 'out-of-scope'],
    ['PHI on 2017-12-31', [people('US-MD'), data('phi'), on('2017-12-31')], 'out-of-scope'],
    ['PHI from 2018-01-01', [people('US-MD'), data('phi'), on('2018-01-01')], 'applies'],
    ['a fingerprint reader from 2018-01-01', [people('US-MD'), collects(['biometric']), on('2018-01-01')], 'applies'],
    [
      'facial recognition alone (authentication not shown)',
      [people('US-MD'), collects(['video'], { featuresEnabled: { facialRecognition: true } })],
      'out-of-scope',
    ],
    ['a contract entered into on 2008-12-31', [people('US-MD'), data('financial-account'), on('2008-12-31')], 'not-in-force'],
  ],
  'nevada-contract-security': [
    ...residents('US-NV', 'US-AZ', [data('government-id-numbers')]),
    ['a Nevada county (a governmental agency is a data collector)', [cityOf('US-NV'), people('US-NV'), data('government-id-numbers')], 'applies'],
    ['a federal agency', [buyer({ entityType: 'federal-agency', kind: 'government' }), people('US-NV'), data('government-id-numbers')], 'out-of-scope'],
    ['logins on 2015-06-30', [people('US-NV'), collects(['credentials']), on('2015-06-30')], 'out-of-scope'],
    ['logins from 2015-07-01', [people('US-NV'), collects(['credentials']), on('2015-07-01')], 'applies'],
    ['facial recognition (no biometric element)', [people('US-NV'), collects(['video'], { featuresEnabled: { facialRecognition: true } })], 'out-of-scope'],
    ['the section is not in force on 2005-12-31', [people('US-NV'), data('government-id-numbers'), on('2005-12-31')], 'not-in-force'],
  ],
  'rhode-island-third-party-security': [
    ...residents('US-RI', 'US-CT', [data('phi')]),
    ['a Rhode Island city (a municipal agency)', [cityOf('US-RI'), people('US-RI'), data('phi')], 'applies'],
    ['a Massachusetts town', [cityOf('US-MA'), people('US-RI'), data('phi')], 'out-of-scope'],
    ['a federal agency', [buyer({ entityType: 'federal-agency', kind: 'government' }), people('US-RI'), data('phi')], 'out-of-scope'],
    ['logins of users', [people('US-RI'), collects(['credentials'])], 'applies'],
    ['a fingerprint reader (no biometric element)', [people('US-RI'), collects(['biometric']), data('biometric-identifiers')], 'out-of-scope'],
    ['the Act is not in force on 2016-06-25', [people('US-RI'), data('phi'), on('2016-06-25')], 'not-in-force'],
  ],
  'colorado-service-provider-security': [
    ...residents('US-CO', 'US-WY', [data('government-id-numbers')]),
    ['logins (a password needs no name)', [people('US-CO'), collects(['credentials'])], 'applies'],
    ['student records (student ID numbers)', [people('US-CO'), data('student-education-records')], 'applies'],
    [
      'a fingerprint door reader (biometric data only for online accounts)',
      [people('US-CO'), collects(['biometric']), data('biometric-identifiers')],
      'out-of-scope',
    ],
    ['a Colorado city (a governmental entity, C.R.S. 24-73-102)', [cityOf('US-CO'), people('US-CO'), data('government-id-numbers')], 'applies'],
    ['a Wyoming county', [cityOf('US-WY'), people('US-CO'), data('government-id-numbers')], 'out-of-scope'],
    [
      'a HIPAA covered entity with its own procedures',
      [buyer({ kind: 'healthcare', statuses: ['hipaa-covered-entity'] }), people('US-CO'), data('government-id-numbers')],
      'exempt',
    ],
    ['the section is not in force on 2018-08-31', [people('US-CO'), data('government-id-numbers'), on('2018-08-31')], 'not-in-force'],
  ],
  'eu-gdpr-processor-terms': [
    ...personalData([euBuyer]),
    ['Norway, the day the GDPR applies there (2018-07-20)', [buyer({ jurisdiction: 'NO' }), people('NO'), on('2018-07-20')], 'applies'],
    ['Norway before then, with people in the EU', [buyer({ jurisdiction: 'NO' }), people('NO', 'SE'), on('2018-07-19')], 'applies'],
  ],
  'eu-transfer-mechanism': personalData([euBuyer]),
  'uk-gdpr-processor-terms': personalData([ukBuyer]),
  'uk-transfer-mechanism': [
    ...personalData([ukBuyer]),
    ['UK GDPR Chapter V before IP completion day', [ukBuyer, people('GB'), on('2020-12-31')], 'not-in-force'],
    ['UK GDPR Chapter V from 2021-01-01, before the IDTA', [ukBuyer, people('GB'), on('2021-06-01')], 'applies'],
  ],
  'california-ccpa': [
    ...personalData(caBusiness),
    ['the CPRA text is not operative on 2022-12-31', [...caBusiness, people('US-CA'), on('2022-12-31')], 'not-in-force'],
    ['the CPRA text is operative from 2023-01-01', [...caBusiness, people('US-CA'), on('2023-01-01')], 'applies'],
    ['employee data, once the exemption has lapsed', [...caBusiness, people('US-CA'), product({ dataSubjects: ['employees'] }), on('2023-01-01')], 'applies'],
    ['revenue USD 26,000,000 in 2024 (threshold USD 25,000,000)', [revenue(26_000_000), people('US-CA'), on('2024-12-31')], 'applies'],
    ['revenue USD 26,000,000 in 2025 (threshold USD 26,625,000)', [revenue(26_000_000), people('US-CA'), on('2025-01-01')], 'exempt'],
    ['revenue USD 26,625,001 in 2025', [revenue(26_625_001), people('US-CA'), on('2025-06-01')], 'applies'],
  ],
  'virginia-cdpa-processor': stateConsumers('US-VA', 'outside'),
  'colorado-cpa-processor': stateConsumers('US-CO', 'covered'),
  'connecticut-dpa-processor': [
    ...stateConsumers('US-CT', 'outside'),
    ['a GLBA bank on 2026-06-30', [buyer({ kind: 'financial', statuses: ['glba-financial-institution'] }), people('US-CT'), on('2026-06-30')], 'exempt'],
    [
      'a GLBA institution from 2026-07-01 (SB 1295)',
      [buyer({ kind: 'financial', statuses: ['glba-financial-institution'] }), people('US-CT'), on('2026-07-01')],
      'applies',
    ],
  ],
  'texas-dpsa-processor': [
    ...stateConsumers('US-TX', 'outside'),
    ['a HIPAA business associate', [buyer({ entityType: 'for-profit', statuses: ['hipaa-business-associate'] }), people('US-TX')], 'exempt'],
  ],
  'oregon-cpa-processor': stateConsumers('US-OR', 'covered'),
  'hipaa-business-associate': [
    ['a US health care buyer with PHI and no status stated', [buyer({ kind: 'healthcare', jurisdiction: 'US-NY' }), data('phi')], 'applies'],
    ['a covered entity in Puerto Rico (PR)', [buyer({ statuses: ['hipaa-covered-entity'], jurisdiction: 'PR' }), data('phi')], 'applies'],
    ['a covered entity in Puerto Rico (US-PR)', [buyer({ statuses: ['hipaa-covered-entity'], jurisdiction: 'US-PR' }), data('phi')], 'applies'],
    ['a German hospital', [buyer({ kind: 'healthcare', jurisdiction: 'DE' }), data('phi')], 'out-of-scope'],
    [
      'a company that is not in health care, with no PHI',
      [buyer({ kind: 'company', jurisdiction: 'US-NY' }), product({ dataCollected: ['health'] })],
      'out-of-scope',
    ],
    [
      'an isolated network, but the vendor connects remotely',
      [buyer({ kind: 'healthcare' }), data('phi'), product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: true } })],
      'applies',
    ],
    [
      'an isolated network, but the vendor hosts a cloud service',
      [
        buyer({ kind: 'healthcare' }),
        data('phi'),
        product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: false }, featuresEnabled: { cloudSync: true } }),
      ],
      'applies',
    ],
  ],
  'washington-biometric-identifiers': [
    [
      'facial recognition on camera video (data generated from a recording)',
      [product({ category: 'camera', dataCollected: ['video'], featuresEnabled: { facialRecognition: true }, deployment: { installedIn: ['US-WA'] } })],
      'out-of-scope',
    ],
    [
      'face templates from camera images, recorded as biometric identifiers',
      [
        product({
          dataCollected: ['video'],
          regulatedData: ['biometric-identifiers'],
          featuresEnabled: { facialRecognition: true },
          deployment: { installedIn: ['US-WA'] },
        }),
      ],
      'out-of-scope',
    ],
    ['a fingerprint reader', [product({ dataCollected: ['biometric'], deployment: { installedIn: ['US-WA'] } })], 'applies'],
  ],
  'illinois-biometrics': [
    [
      'an Illinois headquarters, devices installed only in Texas',
      [buyer({ entityType: 'for-profit', jurisdiction: 'US-IL' }), data('biometric-identifiers'), product({ deployment: { installedIn: ['US-TX'] } })],
      'out-of-scope',
    ],
    ['an Illinois headquarters, devices not located', [buyer({ entityType: 'for-profit', jurisdiction: 'US-IL' }), data('biometric-identifiers')], 'applies'],
    [
      'a Texas headquarters, devices in Illinois',
      [buyer({ entityType: 'for-profit', jurisdiction: 'US-TX' }), data('biometric-identifiers'), product({ deployment: { installedIn: ['US-IL', 'US-TX'] } })],
      'applies',
    ],
  ],
  'california-connected-device-security': [
    ['a serial-only device', [product({ connectivity: ['serial'], deployment: { installedIn: ['US-CA'] } })], 'out-of-scope'],
    ['a Zigbee-only device (no IP or Bluetooth address)', [product({ connectivity: ['zigbee'], deployment: { installedIn: ['US-CA'] } })], 'out-of-scope'],
    ['connectivity not stated, nothing says it connects', [product({ deployment: { installedIn: ['US-CA'], internetFacing: false } })], 'out-of-scope'],
    ['connectivity not stated, reachable from the internet', [product({ deployment: { installedIn: ['US-CA'], internetFacing: true } })], 'applies'],
    ['a Bluetooth device', [product({ connectivity: ['bluetooth'], deployment: { installedIn: ['US-CA'] } })], 'applies'],
    ['an Ethernet device', [product({ connectivity: ['ethernet', 'serial'], deployment: { installedIn: ['US-CA'] } })], 'applies'],
  ],
  'us-government-data-residency': [
    ['a German city written as local-government', [buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'DE' })], 'out-of-scope'],
    ['a US county', [buyer({ entityType: 'local-government', kind: 'government', jurisdiction: 'US-IL' })], 'applies'],
  ],
  'eu-cra-product-security': [
    ['installed in Germany, markets not stated', [product({ deployment: { installedIn: ['DE'] } })], 'applies'],
    ['installed in Germany, markets stated as the US only', [product({ markets: ['US'], deployment: { installedIn: ['DE'] } })], 'out-of-scope'],
  ],
  'eu-data-act-connected-product': [['installed in France, markets not stated', [product({ deployment: { installedIn: ['FR'] } })], 'applies']],
  'eu-red-cybersecurity': [['installed in Austria, markets not stated', [product({ connectivity: ['wifi'], deployment: { installedIn: ['AT'] } })], 'applies']],
  'uk-psti': [['installed in the UK, markets not stated', [product({ consumerProduct: true, deployment: { installedIn: ['GB-ENG'] } })], 'applies']],
  'dora-ict-third-party': [
    [
      'a one-off hardware purchase: isolated, no remote access, no cloud, no update commitment',
      [
        buyer({ statuses: ['dora-financial-entity'], jurisdiction: 'DE' }),
        product({ deployment: { network: 'isolated' }, vendorRemoteAccess: { enabled: false }, featuresEnabled: { cloudSync: false } }),
      ],
      'out-of-scope',
    ],
    [
      "hardware with the vendor's firmware updates (a hardware service)",
      [buyer({ statuses: ['dora-financial-entity'], jurisdiction: 'DE' }), { terms: { vulnerabilityManagement: { patchDays: { critical: 14 } } } }],
      'applies',
    ],
  ],
  'california-ccpa-2020': [
    ['the 2018 Act is not in force on 2019-12-31', [...caBusiness, people('US-CA'), on('2019-12-31')], 'not-in-force'],
    ['the 2018 Act binds a business on 2022-12-31', [...caBusiness, people('US-CA'), on('2022-12-31')], 'applies'],
    ['employees and customers in 2021', [...caBusiness, people('US-CA'), product({ dataSubjects: ['employees', 'customers'] }), on('2021-06-01')], 'applies'],
    ['revenue USD 26,000,000 in 2022 (threshold USD 25,000,000)', [revenue(26_000_000), people('US-CA'), on('2022-06-01')], 'applies'],
    ['the CPRA text replaces it from 2023-01-01', [...caBusiness, people('US-CA'), on('2023-01-01')], 'repealed'],
  ],
};
