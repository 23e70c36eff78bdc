import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadValidator, loadYamlText, PLACEHOLDERS, schemaFile, UsageError, validateLoaded, yamlLib } from '@contracts/core';
import { agreementIdProblem } from '@contracts/git';
import { loadPlaybook, preferredTerms, resolvePlaybookPath, withRequiredTerms, type RequiredTerm } from '@contracts/playbook';
import { writeFileAtomic } from '@contracts/core/write';
import { collectsPersonalData, DEFAULTS, evaluationChoices, jurisdictionFromName, regionOf, type Evaluation } from './evaluation.js';

const [PRODUCT_PLACEHOLDER, BUYER_PLACEHOLDER] = PLACEHOLDERS.map((p) => p.value);
const MAX_NAME = 200; // the schema's maxLength for names and the title

/** A title within the schema's limit: cut at a word, marked with an ellipsis. */
function fitTitle(title: string): string {
  if (title.length <= MAX_NAME) return title;
  const cut = title.slice(0, MAX_NAME - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`;
}

/** The evaluation as the schema writes it. */
function productOf(e: Evaluation, features: readonly string[], product: string | undefined) {
  return {
    name: product ?? PRODUCT_PLACEHOLDER,
    category: e.category,
    deployment: { network: e.network, internetFacing: e.internetFacing, physical: e.physical },
    dataCollected: e.dataCollected,
    ...(e.dataSubjects.length ? { dataSubjects: e.dataSubjects } : {}),
    // Said outright, so the privacy laws that ask whether personal data is processed need not infer it.
    ...(collectsPersonalData(e) ? { personalData: { processed: true } } : {}),
    vendorRemoteAccess: { enabled: e.remoteAccess, ...(e.remoteAccess && e.remoteMethod ? { method: e.remoteMethod } : {}) },
    featuresEnabled: Object.fromEntries(features.map((f) => [f, e.features.includes(f)])),
    dataLocations: { storage: e.storage, ...(e.processing.length ? { processing: e.processing } : {}) },
    ...(e.markets.length ? { markets: e.markets } : {}),
  };
}

const shown = (v: unknown) => (Array.isArray(v) ? (v.length ? v.join(', ') : 'none') : String(v));

/** What `contracts new` is told: the names, the answers already given, and how to ask for the rest. */
export interface NewAgreementOptions {
  vendor: string;
  /** Answers already given (the CLI's flags); the rest are asked (see `ask`) or assumed. */
  evaluation?: Partial<Evaluation>;
  /**
   * Asks the questions the given answers leave open (the CLI's terminal prompts), each starting at
   * the answer that would otherwise be assumed; without it every open answer is assumed and listed.
   */
  ask?: (start: Evaluation, open: ReadonlySet<keyof Evaluation>, names: { vendor: string }) => Promise<Partial<Evaluation>>;
  buyer?: string | undefined;
  /** The product's name and model (else a placeholder `check` warns about). */
  product?: string | undefined;
  /** Where the vendor reports a Security Incident to the buyer, day and night (else `check` warns: drafting/no-incident-contact). */
  securityEmail?: string | undefined;
  title?: string | undefined;
  out?: string | undefined;
  playbook?: string | undefined;
  force?: boolean;
  /** Make the agreement but write nothing (`contracts init` checks every file before it writes any). */
  write?: boolean;
  /** The schema the modeline names (default: the repository's copy, else ours); `init` names the copy it is about to write. */
  schema?: string;
  /**
   * How the header comment names the file and the playbook (default: their paths from the working directory).
   * `init` names them from the new repository's root, where its user will run `contracts check`.
   */
  shownAs?: { file: string; playbook: string };
}

/** The schema the modeline should name: the repository's copy (after `contracts init`), else ours. */
function schemaFor(outFile: string): string {
  for (let dir = dirname(resolve(outFile)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'schemas', 'vendor-agreement.schema.json');
    if (existsSync(candidate)) return relativeSchema(outFile, candidate);
    if (dirname(dir) === dir) return schemaFile('vendor-agreement');
  }
}

const relativeSchema = (outFile: string, schema: string) =>
  relative(dirname(resolve(outFile)), resolve(schema))
    .split('\\')
    .join('/');

/** What `newAgreement` wrote. */
export interface NewAgreement {
  file: string;
  text: string;
  /** The answers taken without being given or asked, each with the flag that changes it. */
  assumed: string[];
  /** Terms set beyond the preferred positions because a rule that binds this product requires them. */
  required: RequiredTerm[];
}

/**
 * `contracts new`: an agreement whose terms start at the playbook's preferred positions, plus the terms
 * the rules that bind the evaluated product require (so it passes its own check), with a product
 * evaluation to fill in. It is validated before it is written, and never replaces an existing file.
 */
export async function newAgreement(id: string, options: NewAgreementOptions): Promise<NewAgreement> {
  const idProblem = await agreementIdProblem(id);
  if (idProblem) throw new UsageError('usage/bad-id', `"${id}" cannot be an agreement id: ${idProblem} (e.g. springfield-smartcam)`);
  for (const [what, name] of [
    ['vendor', options.vendor],
    ['buyer', options.buyer],
    ['product', options.product],
  ] as const)
    if (name !== undefined && (name.trim() === '' || name.length > MAX_NAME))
      throw new UsageError(
        'usage/bad-name',
        `The ${what}'s name must be 1 to ${MAX_NAME} characters (the schema's limit); it has ${name.length}. ${what === 'product' ? 'Use the name and model' : 'Use the legal name, without the address'}`,
      );
  const choices = evaluationChoices();
  const given = options.evaluation ?? {};
  const inferred = jurisdictionFromName(options.vendor);
  const buyerJurisdiction = given.buyerJurisdiction ?? (options.buyer ? jurisdictionFromName(options.buyer) : undefined) ?? DEFAULTS.buyerJurisdiction;
  const start: Evaluation = {
    ...DEFAULTS,
    buyerJurisdiction,
    vendorJurisdiction: inferred ?? DEFAULTS.vendorJurisdiction,
    storage: [regionOf(buyerJurisdiction, choices.regions)],
    ...given,
  };
  const open = new Set((Object.keys(DEFAULTS) as (keyof Evaluation)[]).filter((k) => given[k] === undefined));
  const answers = options.ask ? await options.ask(start, open, { vendor: options.vendor }) : {};
  const e: Evaluation = { ...start, ...answers };
  const assumed: string[] = [];
  for (const k of open) {
    if (Object.hasOwn(answers, k) || (k === 'remoteMethod' && !e.remoteAccess)) continue;
    if (k === 'vendorJurisdiction' && inferred)
      assumed.push(
        `vendor jurisdiction ${inferred}, from the legal form in "${options.vendor}" (--vendor-jurisdiction to change${inferred === 'US' ? ', naming the state: US-DE' : ''})`,
      );
    else assumed.push(`${ASSUMPTION[k]}: ${shown(e[k])}`);
  }
  const { playbook, diagnostics } = await loadPlaybook(resolvePlaybookPath(options.playbook));
  if (!playbook) throw new UsageError('usage/bad-playbook', `The playbook has errors (${diagnostics.length}); run contracts check to see them`);
  const file = options.out ?? join('contracts', `${id}.yaml`);
  const agreement = {
    schemaVersion: 1,
    id,
    title: fitTitle(options.title ?? `Purchase and Security Agreement with ${options.vendor}`),
    parties: {
      buyer: {
        name: options.buyer ?? BUYER_PLACEHOLDER,
        kind: e.buyerKind,
        jurisdiction: e.buyerJurisdiction,
        ...(options.securityEmail ? { notices: { securityEmail: options.securityEmail } } : {}),
      },
      vendor: { name: options.vendor, jurisdiction: e.vendorJurisdiction },
    },
    product: productOf(e, choices.features, options.product),
    terms: preferredTerms(playbook),
  };
  // Text terms have no preferred value in the playbook; governing law starts as the buyer's own.
  const terms = agreement.terms as { jurisdiction?: Record<string, unknown>; remoteAccess?: Record<string, unknown> };
  terms.jurisdiction = { governingLaw: agreement.parties.buyer.jurisdiction, ...terms.jurisdiction };
  // The residency clause allows where the evaluation says the data is, not the playbook's usual regions.
  const located = [...new Set([...e.storage, ...e.processing])];
  if (located.length > 0) terms.jurisdiction.dataResidency = located;
  // The evaluation says the vendor connects: the contract permits it, and the rules then ask for its controls.
  if (e.remoteAccess) terms.remoteAccess = { permitted: true, ...terms.remoteAccess };
  // What the law asks of this product (the Data Act's access, the CRA's reporting hours, MFA for remote access, …).
  const { contract: draft, set: required } = withRequiredTerms(playbook, agreement);
  const header = [
    `# yaml-language-server: $schema=${options.schema ? relativeSchema(file, options.schema) : schemaFor(file)}`,
    `# New agreement: the terms start at the playbook's preferred positions (${options.shownAs?.playbook ?? (relative(process.cwd(), playbook.file) || playbook.file)}).`,
    ...(required.length > 0 ? [`# Beyond them, the rules that bind this product set: ${required.map((r) => r.term).join(', ')}.`] : []),
    '# First complete the product evaluation and the parties: risk rules read them to decide which',
    `# terms this contract must carry. Then run: contracts check ${options.shownAs?.file ?? file}`,
  ].join('\n');
  const text = `${header}\n${yamlLib().stringify(draft, { lineWidth: 0 })}`;
  const problems = validateLoaded(loadYamlText(text, file), await loadValidator('vendor-agreement'));
  if (problems.length > 0) throw new UsageError('usage/bad-answer', `The answers do not make a valid agreement: ${problems[0]!.message}`);
  if (options.write !== false) await writeFileAtomic(file, text, { force: options.force ?? false });
  return { file, text, assumed, required };
}

/** How an assumed answer is named, with the flag that changes it. */
const ASSUMPTION: Record<keyof Evaluation, string> = {
  buyerKind: 'buyer kind (--buyer-kind)',
  buyerJurisdiction: "buyer's jurisdiction (--buyer-jurisdiction)",
  vendorJurisdiction: "vendor's jurisdiction (--vendor-jurisdiction)",
  category: 'product category (--category)',
  network: 'network placement (--network)',
  internetFacing: 'reachable from the internet (--internet-facing)',
  physical: 'installed in (--physical)',
  dataCollected: 'data collected (--data)',
  dataSubjects: 'whose data (--subjects)',
  remoteAccess: 'vendor remote access (--remote-access)',
  remoteMethod: 'remote access method (--remote-method)',
  features: 'features switched on (--features)',
  storage: 'data stored in (--storage)',
  processing: 'data processed elsewhere (--processing)',
  markets: 'markets (--markets)',
};
