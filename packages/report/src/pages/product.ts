/**
 * The product evaluation in plain words, for readers who do not read YAML: what the product is, where
 * it sits, what data it collects about whom, who can reach it remotely, which features are on, where
 * data goes, and how it was reviewed. Enum values read as the rendered contract words them (the clause
 * library's labels.json), anything else with its hyphens spaced out.
 */
import { jurisdictionName, libraryLabels, longDate, regionName, sentence } from '@contracts/render';
import { lines, text, words } from '../html/escape.js';

type Value = Record<string, unknown>;

/** An enum value as the agreement words it (the clause library's labels.json), else with its hyphens spaced out. */
const label = (kind: string, value: unknown): string => libraryLabels().get(kind)?.get(String(value)) ?? words(String(value));
/** A data location or market, and a jurisdiction, named as the agreement names them ("the United States"). */
const region = (code: string) => regionName(code, libraryLabels());
const jurisdiction = (code: string) => jurisdictionName(code, libraryLabels());

/** What the product is, with its article; `other` says nothing the sentence can use. */
const CATEGORY: Record<string, string> = {
  camera: 'a camera',
  'medical-device': 'a medical device',
  'building-sensor': 'a building sensor',
  'access-control': 'an access-control system',
  wearable: 'a wearable device',
  hvac: 'an HVAC system',
  'industrial-controller': 'an industrial controller',
};

/** Where devices are placed, as a place reads in a sentence ("placed in offices and meeting rooms"). */
const PLACED: Record<string, string> = {
  'public-space': 'public spaces',
  'external-perimeter': 'the external perimeter',
  office: 'offices',
  'meeting-room': 'meeting rooms',
  'break-room': 'break rooms',
  'patient-room': 'patient rooms',
  clinic: 'clinics',
  'data-centre': 'data centres',
  industrial: 'industrial sites',
  residential: 'residential buildings',
  school: 'schools',
  workplace: 'workplaces',
  hospital: 'hospitals',
  'retail-store': 'retail stores',
  'bank-branch': 'bank branches',
  'car-park': 'car parks',
  'utility-plant': 'utility plants',
  classroom: 'classrooms',
  home: 'homes',
};

const FEATURES: Record<string, string> = {
  audio: 'audio capture',
  facialRecognition: 'facial recognition',
  cloudSync: 'cloud sync',
  analytics: 'analytics',
  licensePlateRecognition: 'licence plate recognition',
  emotionRecognition: 'emotion recognition',
};

const isRecord = (v: unknown): v is Value => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const said = (items: string[], conjunction = 'and') => sentence(items, conjunction) ?? '';
/** Stakeholders that keep their capitals when read out (data subjects come from labels.json). */
const PROPER: Record<string, string> = { it: 'IT', hr: 'HR' };
const stakeholder = (value: string) => PROPER[value] ?? words(value);
/** A sentence that ends once, whatever the last value ends with (`Acme Inc.`). */
const end = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** The evaluation as `[heading, HTML sentence]` pairs, for a definition list; empty without a product. */
export function productFacts(product: unknown): [string, string][] {
  if (!isRecord(product)) return [];
  const facts: [string, string][] = [];
  const add = (heading: string, sentenceText: string | undefined) => sentenceText && facts.push([heading, sentenceText]);
  const what = [
    text(
      CATEGORY[String(product.category)] ?? (product.category && product.category !== 'other' ? `a ${words(String(product.category))}` : 'a connected product'),
    ),
    list(product.purposes).length > 0 ? ` used for ${text(said(list(product.purposes).map((v) => label('purpose', v))))}` : '',
    list(product.connectivity).length > 0 ? `, connected by ${text(said(list(product.connectivity).map(words), 'or'))}` : '',
    list(product.manufacturers).length > 0 ? `, made by ${text(said(list(product.manufacturers)))}` : '',
  ];
  add('Product', `${text(product.name ?? 'The product')} is ${end(what.join(''))}${product.consumerProduct ? ' It is a consumer connectable product.' : ''}`);
  if (list(product.regulatedAs).length > 0) add('Regulated as', end(text(said(list(product.regulatedAs)))));
  const d = isRecord(product.deployment) ? product.deployment : {};
  add(
    'Deployment',
    [
      d.network ? `On ${text(label('network', d.network))}` : 'Network placement not stated',
      d.internetFacing === true ? ', reachable from the internet' : d.internetFacing === false ? ', not reachable from the internet' : '',
      list(d.physical).length > 0 ? `; placed in ${text(said(list(d.physical).map((p) => PLACED[p] ?? words(p))))}` : '',
      list(d.sites).length > 0 ? ` (${text(said(list(d.sites)))})` : '',
      list(d.installedIn).length > 0 ? `; installed in ${text(said(list(d.installedIn).map(jurisdiction)))}` : '',
      '.',
    ].join(''),
  );
  const data = list(product.dataCollected).map((k) => label('dataKind', k));
  const subjects = list(product.dataSubjects).map((v) => label('dataSubject', v));
  add(
    'Data',
    data.length > 0 ? `It collects ${text(said(data))}${subjects.length > 0 ? ` about ${text(said(subjects))}` : ''}.` : 'No data collection recorded.',
  );
  if (isRecord(product.personalData)) {
    const where = list(product.personalData.subjectsLocatedIn);
    add(
      'Personal data',
      `${product.personalData.processed ? 'Processed' : 'Not processed'}${where.length > 0 ? `; the people are in ${text(said(where.map(region)))}` : ''}.`,
    );
  }
  if (list(product.regulatedData).length > 0) add('Regulated data', `${text(said(list(product.regulatedData).map(words)))}.`);
  const remote = isRecord(product.vendorRemoteAccess) ? product.vendorRemoteAccess : undefined;
  if (remote) {
    const how = remote.method ? ` through ${text(label('accessMethod', remote.method))}` : '';
    const why = remote.purpose ? `, for ${text(remote.purpose)}` : '';
    add('Vendor remote access', remote.enabled ? `The vendor keeps remote access${how}${why}.` : 'The vendor has no remote access.');
  }
  if (isRecord(product.featuresEnabled)) {
    const entries = Object.entries(product.featuresEnabled);
    const named = (on: boolean) => entries.filter(([, v]) => v === on).map(([k]) => FEATURES[k] ?? words(k));
    const on = named(true);
    const off = named(false);
    add('Features', [on.length > 0 ? `On: ${text(said(on))}.` : '', off.length > 0 ? `Off: ${text(said(off))}.` : ''].filter(Boolean).join(' '));
  }
  const loc = isRecord(product.dataLocations) ? product.dataLocations : {};
  const places = (key: string, verb: string) => (list(loc[key]).length > 0 ? `${verb} ${text(said(list(loc[key]).map(region)))}` : '');
  const located = [
    places('storage', 'stored in'),
    places('processing', 'processed in'),
    places('backups', 'backed up in'),
    places('supportAccess', 'supported from'),
  ];
  if (located.some(Boolean)) add('Data locations', `Data is ${located.filter(Boolean).join('; ')}.`);
  if (list(product.markets).length > 0) add('Markets', `Sold in ${text(said(list(product.markets).map(region)))}.`);
  if (isRecord(product.privacyByDesign)) {
    const p = product.privacyByDesign;
    const who = list(p.stakeholders).map(stakeholder);
    const notes = typeof p.notes === 'string' ? ` ${lines(p.notes)}` : '';
    add('Privacy by design', `${p.reviewed ? 'Reviewed' : 'Not reviewed'}${who.length > 0 ? ` with ${text(said(who))}` : ''}.${notes}`);
  }
  if (isRecord(product.riskAssessment)) {
    const r = product.riskAssessment;
    const how = [r.method ? String(r.method).toUpperCase() : '', typeof r.date === 'string' ? (longDate(r.date) ?? '') : ''].filter(Boolean).join(', ');
    const summary = typeof r.summary === 'string' ? ` ${lines(r.summary)}` : '';
    add(
      'Risk assessment',
      `Residual risk ${text(r.residualRisk ? label('residualRisk', r.residualRisk) : 'not stated')}${how ? ` (${text(how)})` : ''}.${summary}`,
    );
  }
  const subprocessors = Array.isArray(product.subprocessors)
    ? product.subprocessors.map((s) => (isRecord(s) ? String(s.name ?? '') : String(s))).filter(Boolean)
    : [];
  if (subprocessors.length > 0) add('Subprocessors', end(text(said(subprocessors))));
  return facts;
}
