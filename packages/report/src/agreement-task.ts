/**
 * The per-agreement half of a report, as a batch task for core's `runFileTask`: on whichever thread
 * runs it, for its share of the files, it checks each contract, reads the rounds (one pass per
 * repository), renders the contract and the latest redline, writes the agreement's pages, and hands
 * back the plain summary the portfolio and term pages are made from.
 */
import { compareDiagnostics, ContractIds, loadValidator } from '@contracts/core';
import { loadPlaybook, type LoadedPlaybook, type Playbook } from '@contracts/playbook';
import { checkAgreement, loadAgreement, type CheckedAgreement } from './collect/check-agreement.js';
import { roundsOfFiles } from './collect/repositories.js';
import type { ReportFile } from './keys.js';
import type { AgreementSummary } from './model.js';
import { reportAgreement } from './report-agreement.js';
import { SiteWrites } from './site/writes.js';

export interface AgreementTaskOptions {
  playbookPath: string;
  /** The output folder, already prepared. */
  out: string;
  /** Report date, ms since 1970. */
  now: number;
  /** The footer every page carries (HTML). */
  footer: string;
  /** A clause library overriding the built-in templates, as `contracts render --templates`. */
  templatesDir?: string;
  /** [id, shown file] of the first file of every id over the whole report, when its files are split between threads. */
  firstFileOfId?: [string, string][];
}

const playbooks = new Map<string, Promise<LoadedPlaybook>>();

/** The compiled playbook for `path`, once per thread; the main thread hands over the one it loaded. */
export async function playbookAt(path: string, loaded?: LoadedPlaybook): Promise<Playbook> {
  if (loaded) playbooks.set(path, Promise.resolve(loaded));
  let pending = playbooks.get(path);
  if (!pending) playbooks.set(path, (pending = loadPlaybook(path)));
  const { playbook } = await pending;
  if (!playbook) throw new Error(`playbook ${path} became invalid while the report was written`);
  return playbook;
}

/** Items are `ReportFile`s as JSON (runFileTask hands out strings). */
export default async function agreementTask(items: string[], options: AgreementTaskOptions): Promise<AgreementSummary[]> {
  const files = items.map((item) => JSON.parse(item) as ReportFile);
  const [validator, playbook] = await Promise.all([loadValidator('vendor-agreement'), playbookAt(options.playbookPath)]);
  const loaded = files.map((f) => loadAgreement(f.path, f.shown, validator));
  const ids = loaded.map(({ loaded: l }) => {
    const id = (l.value as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' && id.trim() !== '' ? id : undefined;
  });
  // git reads the rounds in its own processes while this thread checks the contracts.
  const reading = roundsOfFiles(files.map((f, i) => ({ path: f.path, shown: f.shown, id: ids[i] })));
  const checked: CheckedAgreement[] = [];
  // As check does, in the same file order: a file whose id an earlier file has gets contract/duplicate-id.
  const seen = new ContractIds(new Map(options.firstFileOfId ?? []));
  for (const [i, agreement] of loaded.entries()) {
    const one = checkAgreement(agreement, playbook);
    const duplicate = seen.see(one.shown, one.id);
    if (duplicate) one.diagnostics = [...one.diagnostics, duplicate].sort(compareDiagnostics);
    checked.push(one);
    (loaded as unknown[])[i] = undefined; // its text and positions are garbage now
    if (checked.length % 25 === 0) await new Promise((resume) => setImmediate(resume)); // let git's output in
  }
  const rounds = await reading;
  const writes = new SiteWrites(options.out);
  const summaries: AgreementSummary[] = [];
  for (const [i, file] of files.entries()) {
    summaries.push(await reportAgreement({ file, checked: checked[i]!, rounds: rounds[i]!(), playbook, validator, writes, options }));
    // An agreement's versions are parsed just before its pages are made and are garbage right after:
    // they die young, instead of ten thousand of them being copied into the old generation and walked.
    (checked as unknown[])[i] = undefined;
    (rounds as unknown[])[i] = undefined;
  }
  await writes.done();
  return summaries;
}
