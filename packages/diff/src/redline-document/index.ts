/**
 * A redline of two versions of a contract: load each version (`loadVersion`), render both with the
 * same clause library and diff them (`buildRedline`), then write it as pandoc Markdown with
 * insertion/deletion spans (`redline.markdown`), the rendered HTML contract with <ins>/<del> under a
 * position-change header (`redlineHtml`), or DOCX with tracked changes (`redlineDocx`: the later round's
 * document with the changes tracked, written from the DOCX writer's model of both rounds). `redlineVersions` does all of it for two versions from git.
 *
 * @example
 * const redline = buildRedline({ contract: a, label: 'round-1' }, { contract: b, label: 'round-2' },
 *   { by: { author: 'Acme legal', date: changeDate(commit.authorDate) } });
 * const bytes = await redlineDocx(redline, { epoch });
 */
export { loadVersion, type LoadedVersion } from './load-version.js';
export { buildRedline, changeDate, type BuildRedlineOptions, type Redline, type RedlineVersion } from './build-redline.js';
export { positionRows, type PositionRow } from './position-summary.js';
export { redlineHtml } from './html.js';
export { redlineDocx, redlineDocxMany, renderRounds, warmUpRedlineDocx, type RedlineDocxManyOptions, type RedlineDocxOptions } from './docx.js';
export { writeRedline, REDLINE_FORMATS, type RedlineFormat } from './write-redline.js';
export {
  redlineVersions,
  type BrokenVersion,
  type RedlineSource,
  type RedlineVersionsOptions,
  type RedlineVersionsResult,
} from './redline-versions.js';
