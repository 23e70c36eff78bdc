import { basename } from 'node:path';
import { countSeverities, isContractsError, type SchemaValidator, type VendorAgreement } from '@contracts/core';
import { buildRedline, changeDate, redlineHtml } from '@contracts/diff';
import type { RoundVersion } from '@contracts/git';
import { clauseContext, type Playbook } from '@contracts/playbook';
import { agreementHtml, type RenderedAgreement } from '@contracts/render';
import type { AgreementTaskOptions } from './agreement-task.js';
import type { CheckedAgreement } from './collect/check-agreement.js';
import { deadlinesOf } from './collect/deadlines.js';
import type { RoundsOfFile } from './collect/repositories.js';
import { latestRound, roundRowsOf } from './collect/rounds.js';
import { positionSeries } from './collect/series.js';
import { wordingCounts, wordingEntries } from './collect/wording.js';
import type { ReportFile } from './keys.js';
import type { AgreementSummary } from './model.js';
import { agreementPage, type AgreementLinks } from './pages/agreement.js';
import { clauseNames } from './pages/agreement-wording.js';
import { agreementPage as agreementPath, contractPage, redlinePage, sibling } from './pages/links.js';
import type { SiteWrites } from './site/writes.js';

export interface AgreementInput {
  file: ReportFile;
  checked: CheckedAgreement;
  rounds: RoundsOfFile;
  playbook: Playbook;
  validator: SchemaValidator;
  writes: SiteWrites;
  options: AgreementTaskOptions;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One agreement: its summary, and its page, rendered contract and latest redline written to the site. */
export async function reportAgreement(a: AgreementInput): Promise<AgreementSummary> {
  const { file, checked, playbook } = a;
  const value = checked.value;
  const parties = (value?.parties ?? {}) as { vendor?: { name?: unknown }; buyer?: { name?: unknown } };
  const rows = roundRowsOf(a.rounds.versions, playbook);
  const wording = wordingEntries(value, checked.diagnostics);
  const summary: AgreementSummary = {
    key: file.key,
    file: file.shown,
    id: typeof value?.id === 'string' ? value.id : undefined,
    title: str(value?.title) || basename(file.shown),
    vendor: str(parties.vendor?.name),
    product: str((value?.product as { name?: unknown } | undefined)?.name),
    buyer: str(parties.buyer?.name),
    summary: checked.check?.summary,
    problems: checked.validation,
    findings: countSeverities(checked.diagnostics),
    wording: wordingCounts(wording),
    unsettledTerms: [...new Set(wording.flatMap((e) => e.restates.filter((r) => r.problem).map((r) => r.term.replace(/^terms\./, ''))))],
    terms: checked.check?.terms ?? [],
    rounds: rows,
    latest: latestRound(rows, a.options.now),
    deadlines: deadlinesOf(checked.check?.findings ?? []),
    pages: [agreementPath(file.key)],
  };
  if (a.rounds.problem) summary.roundsProblem = a.rounds.problem;

  const links: AgreementLinks = {};
  const schemaValid = value !== undefined && !checked.validation.some((d) => d.severity === 'error');
  let rendering: RenderedAgreement | undefined;
  if (schemaValid) {
    const contract = value as unknown as VendorAgreement;
    const html = rendered(() => {
      // Exactly what `render --to html` writes; its rendering serves the redline when the last round is this version.
      const page = agreementHtml(contract, { ...templates(a.options), extraContext: (c) => clauseContext(playbook, c) });
      rendering = page.rendered;
      return page.html;
    });
    if (typeof html === 'string') {
      await a.writes.add(contractPage(file.key), html);
      summary.pages.push(contractPage(file.key));
      links.contract = sibling(contractPage(file.key));
    } else links.contractProblem = html.problem;
  } else links.contractProblem = 'the current version has errors (listed under “Problems in the file”)';

  // The last round is usually the working tree: its rendering is then the one just made.
  const unchanged = rendering !== undefined && a.rounds.versions.length > 0 && JSON.stringify(a.rounds.versions.at(-1)!.value) === JSON.stringify(value);
  const redline = latestRedline(a.rounds.versions, a, unchanged ? rendering : undefined);
  if (typeof redline.html === 'string') {
    await a.writes.add(redlinePage(file.key), redline.html);
    summary.pages.push(redlinePage(file.key));
    links.redline = { href: sibling(redlinePage(file.key)), from: redline.from!, to: redline.to! };
  } else links.redlineProblem = redline.problem;

  const series = positionSeries(a.rounds.versions, playbook);
  // Clause names cost a split of the rendering into blocks (a few ms): only agreements with wording to show need them.
  await a.writes.add(
    agreementPath(file.key),
    agreementPage({
      summary,
      checked,
      series,
      links,
      wording,
      clauses: clauseNames(wording.some((e) => e.kind === 'clause') ? rendering : undefined),
      playbook,
      footer: a.options.footer,
    }),
  );
  return summary;
}

const templates = (o: AgreementTaskOptions) => (o.templatesDir ? { templatesDir: o.templatesDir } : {});

/** A render's result, or the one-line reason it failed (a template error names the template and line). */
function rendered(render: () => string): string | { problem: string } {
  try {
    return render();
  } catch (error) {
    if (isContractsError(error)) return { problem: error.message.split('\n')[0]! };
    throw error;
  }
}

/**
 * The HTML redline between the last two rounds, exactly as `contracts redline FILE --from round-<n-1>
 * --to round-<n> --format html` writes it (`latest`: the last round, already rendered): labels `round-<n> (<sha7>)`, changes by the later round's
 * commit author at its author date, position changes rated by the playbook.
 */
function latestRedline(
  versions: readonly RoundVersion[],
  a: AgreementInput,
  latest: RenderedAgreement | undefined,
): { html?: string; from?: string; to?: string; problem?: string } {
  if (versions.length < 2) return { problem: versions.length === 0 ? 'no rounds yet' : 'only one round so far' };
  const [before, after] = versions.slice(-2) as [RoundVersion, RoundVersion];
  const broken = [before, after].find((v) => v.value === undefined || !a.validator(v.value));
  if (broken) return { problem: `round-${broken.n} cannot be rendered: ${broken.problem ?? 'it has schema errors'}` };
  const label = (v: RoundVersion) => `round-${v.n} (${v.commit.slice(0, 7)})`;
  // Rounds that mark the same bytes share one parsed value (repoRoundVersions): then one rendering serves both sides.
  const beforeRendered = before.value === after.value ? latest : undefined;
  // As `contracts redline` does: the changes carry the later round's own author date.
  const changedAt = Math.floor(Date.parse(after.authorDate) / 1000);
  try {
    const redline = buildRedline(
      { contract: before.value as unknown as VendorAgreement, label: label(before), ...(beforeRendered !== undefined ? { rendered: beforeRendered } : {}) },
      { contract: after.value as unknown as VendorAgreement, label: label(after), ...(latest !== undefined ? { rendered: latest } : {}) },
      { by: { author: after.authorName || after.authorEmail, date: changeDate(changedAt) }, playbook: a.playbook, ...templates(a.options) },
    );
    return { html: redlineHtml(redline), from: `round-${before.n}`, to: `round-${after.n}` };
  } catch (error) {
    if (isContractsError(error)) return { problem: error.message.split('\n')[0]! };
    throw error;
  }
}
