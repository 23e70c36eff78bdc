/**
 * @contracts/report: the portfolio as a static site — one table of every agreement (sortable,
 * filterable, the view kept in the URL), a page per agreement (evaluation, terms, risks, rounds with
 * charts, the counterparty's wording for counsel, the rendered contract and the latest redline) and a
 * page per playbook term. Works from
 * file:// and GitHub Pages, with no network and a strict Content-Security-Policy.
 *
 * @example
 * const { files } = await buildReport(['contracts'], { out: 'site' });
 */
export { buildReport, type ReportOptions, type ReportResult } from './build-report.js';
export type { AgreementSummary, Deadline, LatestRound, PositionSeries, SeriesPoint } from './model.js';
export type { WordingCounts } from './collect/wording.js';
export { positionChart } from './pages/chart.js';
export { reportFiles, type ReportFile } from './keys.js';
