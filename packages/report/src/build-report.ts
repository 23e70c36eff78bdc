import { join } from 'node:path';
import { contractFilesIn, contractIdsOf, countSeverities, displayPath, runFileTask, ContractsError, type Diagnostic } from '@contracts/core';
import { writeFileAtomic } from '@contracts/core/write';
import { loadPlaybook, resolvePlaybookPath, type Playbook } from '@contracts/playbook';
import { playbookAt, type AgreementTaskOptions } from './agreement-task.js';
import { reportTime } from './collect/rounds.js';
import { text } from './html/escape.js';
import { reportFiles } from './keys.js';
import type { AgreementSummary } from './model.js';
import { PORTFOLIO, TERMS_INDEX, termPage } from './pages/links.js';
import { portfolioOrder, portfolioPage } from './pages/portfolio.js';
import { termPage as termPageHtml } from './pages/term.js';
import { termsIndexPage } from './pages/terms-index.js';
import { GENERATOR, MANIFEST, prepareOutput, removeStale } from './site/output.js';
import { SiteWrites } from './site/writes.js';

export interface ReportOptions {
  /** The folder the site is written to. */
  out: string;
  /** Write into a non-empty folder that holds no previous report. */
  force?: boolean;
  /** Playbook file (default: ./playbook.yaml, else the bundled one), as `contracts check --playbook`. */
  playbook?: string;
  /** A clause library overriding the built-in templates, for the rendered contracts and redlines. */
  templatesDir?: string;
  /** Threads (default: CONTRACTS_THREADS, else the machine's cores up to 4; small portfolios use one). */
  threads?: number;
}

/** Below twice this many agreements the report runs on one thread (a thread's start-up outweighs its share). */
const MIN_FILES_PER_THREAD = 60;

/** What was written. */
export interface ReportResult {
  out: string;
  agreements: AgreementSummary[];
  files: string[];
  /** Pages of the previous report removed because the new one no longer has them. */
  removed: number;
  generatedAt: string;
}

/**
 * `contracts report`: the static site of every agreement under `paths` (files, or folders walked for
 * *.yaml / *.yml). The numbers are `contracts check`'s and `contracts rounds`' (the same library calls);
 * rounds are read in one pass per repository. Throws UsageError 'usage/no-contracts' for a path without
 * contracts, 'report/out-not-empty' for a foreign non-empty folder, 'report/broken-playbook' (exit 1).
 */
export async function buildReport(paths: readonly string[], options: ReportOptions): Promise<ReportResult> {
  const files = await contractFilesIn(paths.length > 0 ? paths : ['contracts']);
  const playbookPath = resolvePlaybookPath(options.playbook);
  const loaded = await loadPlaybook(playbookPath);
  if (!loaded.playbook) throw brokenPlaybook(loaded.diagnostics);
  const playbook = await playbookAt(playbookPath, loaded);
  const { previous } = await prepareOutput(options.out, options.force ?? false);

  const now = reportTime();
  const generatedAt = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const footer = `Generated ${text(generatedAt.replace('T', ' ').replace('Z', ' UTC'))} by <code>contracts report</code> from ${files.length} contract file${files.length === 1 ? '' : 's'}, playbook “${text(playbook.title)}”. A negotiation aid, not legal advice.`;
  const task: AgreementTaskOptions = { playbookPath, out: options.out, now, footer, ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}) };
  const reported = reportFiles(files);
  // Threads each check a share of the files. As check does over all of them, a file whose id an earlier
  // file has is a duplicate, wherever the earlier one falls: so each thread starts from the first file of
  // every id (read here once, only when the files may be split: one thread sees them all in order).
  if (reported.length >= 2 * MIN_FILES_PER_THREAD) task.firstFileOfId = [...contractIdsOf(reported)];
  const items = reported.map((f) => JSON.stringify(f));
  const agreements = await runFileTask<AgreementTaskOptions, AgreementSummary>(new URL(import.meta.resolve('@contracts/report/agreement-task')), items, task, {
    minFilesPerThread: MIN_FILES_PER_THREAD,
    ...(options.threads ? { threads: options.threads } : {}),
  });

  const writes = new SiteWrites(options.out);
  const written = new Set(agreements.flatMap((a) => a.pages));
  const site = (path: string, html: string) => {
    written.add(path);
    return writes.add(path, html);
  };
  await site(PORTFOLIO, portfolioPage(agreements, { footer, playbook: playbook.title }));
  await site(TERMS_INDEX, termsIndexPage(playbook, portfolioOrder(agreements), footer));
  for (const term of playbook.terms) await site(termPage(term.path), termPageHtml(term, portfolioOrder(agreements), footer));
  await writes.done();
  const list = [...written, MANIFEST].sort();
  await writeFileAtomic(join(options.out, MANIFEST), manifest(agreements, playbook, generatedAt, list), { force: true });
  const removed = await removeStale(options.out, previous, new Set(list));
  return { out: options.out, agreements, files: list, removed, generatedAt };
}

/** report.json: marks the folder as a report (so it may be rewritten) and gives the numbers to machines. */
function manifest(agreements: readonly AgreementSummary[], playbook: Playbook, generatedAt: string, files: readonly string[]): string {
  const data = {
    generator: GENERATOR,
    reportVersion: 1,
    generatedAt,
    playbook: { title: playbook.title, file: displayPath(playbook.file) },
    agreements: agreements.map(({ terms: _terms, problems, pages, ...a }) => ({ ...a, problems: countSeverities(problems), pages })),
    files,
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

function brokenPlaybook(diagnostics: readonly Diagnostic[]): ContractsError {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  const where = first ? `${displayPath(first.file)}:${first.line}:${first.column}: ${first.message} (${first.code})` : 'it cannot be read';
  const more = diagnostics.length > 1 ? `; ${diagnostics.length - 1} more problem(s): run contracts check to see them` : '';
  return new ContractsError('report/broken-playbook', `The playbook is broken, so no agreement can be rated: ${where}${more}`, { exitCode: 1 });
}
