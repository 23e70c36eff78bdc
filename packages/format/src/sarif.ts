import { createHash } from 'node:crypto';
import type { Diagnostic, DiagnosticCode, Range, Severity } from '@contracts/core';
import { dottedPath, sortDiagnostics } from '@contracts/core';
import { repositoryPath, rootUri, type RepositoryPaths } from './paths.js';
import { describeRule } from './rule-descriptions.js';
import type { FormatOptions, Formatter } from './types.js';

const schema = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF wants URIs: relative paths stay relative to `%SRCROOT%` (so code scanning can map them to the repository),
 * absolute ones become `file:` URIs. Backslashes are taken as Windows separators; each segment is percent-encoded.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const path = file.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) return { uri: `file:///${drive[1]}:/${encode(path.slice(3))}` };
  if (path.startsWith('/')) return { uri: `file://${encode(path)}` };
  return { uri: encode(path.replace(/^(\.\/)+/, '')), uriBaseId: '%SRCROOT%' };
}

/** SARIF lines and columns are 1-based with an exclusive end column, as ours are; impossible values are left out. */
function region(r: Range) {
  if (!(r.line >= 1)) return undefined;
  const endLine = r.endLine >= r.line ? r.endLine : undefined;
  const columns = r.column >= 1;
  const endColumn = columns && endLine !== undefined && r.endColumn >= 1 && (endLine > r.line || r.endColumn >= r.column);
  return {
    startLine: r.line,
    ...(columns ? { startColumn: r.column } : {}),
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn ? { endColumn: r.endColumn } : {}),
  };
}

function location(place: Range & { file: string; path: string }, repository: RepositoryPaths | undefined) {
  const reg = region(place);
  return {
    physicalLocation: { artifactLocation: artifactLocation(repositoryPath(place.file, repository)), ...(reg ? { region: reg } : {}) },
    ...(place.path !== '' ? { logicalLocations: [{ fullyQualifiedName: dottedPath(place.path), kind: 'member' }] } : {}),
  };
}

/** The distinct citations in `sources`, each once: results cite "GDPR Art. 33; NIS2 Art. 23" as one string. */
export function distinctSources(sources: Iterable<string>): string[] {
  const parts = new Set<string>();
  for (const source of sources) for (const part of source.split(';')) if (part.trim() !== '') parts.add(part.trim());
  return [...parts].sort();
}

/**
 * One `rules[]` entry per code, sorted, with everything GitHub code scanning asks of a rule: a friendly
 * name, short and full descriptions, and help that ends with the distinct sources the results cite.
 */
function rules(sorted: readonly Diagnostic[], options: FormatOptions) {
  const sourcesOf = new Map<string, string[]>();
  for (const d of sorted) if (d.source) (sourcesOf.get(d.code) ?? sourcesOf.set(d.code, []).get(d.code)!).push(d.source);
  const codes = [...new Set(sorted.map((d) => d.code))].sort();
  return codes.map((code: DiagnosticCode) => {
    const described = describeRule(code, options.rules);
    const ruleSource = options.rules && Object.hasOwn(options.rules, code) ? options.rules[code]!.source : undefined;
    const sources = distinctSources([...(ruleSource ? [ruleSource] : []), ...(sourcesOf.get(code) ?? [])]);
    const help = sources.length ? `${described.help}\nSources: ${sources.join('; ')}` : described.help;
    return {
      id: code,
      name: described.name,
      shortDescription: { text: described.short },
      fullDescription: { text: described.full },
      help: { text: help },
      defaultConfiguration: { level: defaultLevel(code) },
    };
  });
}

/** The level a code reports at by default (risk findings can be upcoming obligations, reported as warnings). */
const defaultLevel = (code: string) =>
  code === 'playbook/fallback' || code === 'playbook/missing' ? 'warning' : code === 'playbook/preferred' ? 'note' : 'error';

/**
 * A fingerprint that follows the finding, not its line: the file, the code and the field it is about.
 * Code scanning then keeps one alert for a walk-away term however the lines above it move. Two findings
 * with the same three get an ordinal.
 */
function fingerprints(sorted: readonly Diagnostic[], repository: RepositoryPaths | undefined): string[] {
  const seen = new Map<string, number>();
  return sorted.map((d) => {
    const key = `${repositoryPath(d.file, repository)}\0${d.code}\0${d.path}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n + 1}`;
  });
}

/**
 * SARIF 2.1.0 for code scanning: one run, every diagnostic (info as `note`), sorted, so the same input always gives
 * the same bytes. The JSON pointer, suggested fix and source go in `result.properties`: a SARIF `fix` needs byte
 * replacements, and ours is advice for a person.
 */
export const sarif: Formatter = (diagnostics, options = {}) => {
  const sorted = sortDiagnostics(diagnostics);
  const { repository } = options;
  const driverRules = rules(sorted, options);
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const prints = fingerprints(sorted, repository);
  const results = sorted.map((d, i) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: level[d.severity],
    message: { text: d.message },
    locations: [location(d, repository)],
    ...(d.related?.length ? { relatedLocations: d.related.map((r, id) => ({ id, ...location(r, repository), message: { text: r.message } })) } : {}),
    partialFingerprints: { 'contractsFinding/v1': prints[i] },
    properties: { path: d.path, ...(d.fix ? { fix: d.fix } : {}), ...(d.source ? { source: d.source } : {}) },
  }));
  const driver = {
    name: 'contracts',
    ...(options.toolVersion ? { version: options.toolVersion } : {}),
    ...(options.toolInformationUri ? { informationUri: options.toolInformationUri } : {}),
    rules: driverRules,
  };
  const base = repository ? { originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(repository) } } } : {};
  const vc = options.versionControl;
  const provenance = vc ? { versionControlProvenance: [{ ...vc, mappedTo: { uriBaseId: '%SRCROOT%' } }] } : {};
  const run = { tool: { driver }, ...base, ...provenance, columnKind: 'utf16CodeUnits', results };
  const log = { $schema: schema, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
};
