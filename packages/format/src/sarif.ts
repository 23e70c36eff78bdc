import type { Diagnostic, DiagnosticCode, Range, RelatedLocation, Severity } from '@contracts/core';
import { dottedPath, sortDiagnostics } from '@contracts/core';
import { describeCode } from './rule-descriptions.js';
import type { Formatter } from './types.js';

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

function location(place: Range & { file: string; path: string }) {
  const reg = region(place);
  return {
    physicalLocation: { artifactLocation: artifactLocation(place.file), ...(reg ? { region: reg } : {}) },
    ...(place.path !== '' ? { logicalLocations: [{ fullyQualifiedName: dottedPath(place.path), kind: 'member' }] } : {}),
  };
}

const related = (r: RelatedLocation, id: number) => ({ id, ...location(r), message: { text: r.message } });

/** One `rules[]` entry per code, sorted; the help text lists the distinct sources the results cite. */
function rules(sorted: readonly Diagnostic[]) {
  const codes = [...new Set(sorted.map((d) => d.code))].sort();
  return codes.map((code: DiagnosticCode) => {
    const sources = [...new Set(sorted.filter((d) => d.code === code && d.source).map((d) => d.source!))].sort();
    return {
      id: code,
      shortDescription: { text: describeCode(code) },
      ...(sources.length ? { help: { text: `Source: ${sources.join('; ')}` } } : {}),
    };
  });
}

/**
 * SARIF 2.1.0 for code scanning: one run, every diagnostic (info as `note`), sorted, so the same input always gives
 * the same bytes. The JSON pointer, suggested fix and source go in `result.properties`: a SARIF `fix` needs byte
 * replacements, and ours is advice for a person.
 */
export const sarif: Formatter = (diagnostics, options = {}) => {
  const sorted = sortDiagnostics(diagnostics);
  const driverRules = rules(sorted);
  const ruleIndex = new Map(driverRules.map((r, i) => [r.id, i]));
  const results = sorted.map((d) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: level[d.severity],
    message: { text: d.message },
    locations: [location(d)],
    ...(d.related?.length ? { relatedLocations: d.related.map(related) } : {}),
    properties: { path: d.path, ...(d.fix ? { fix: d.fix } : {}), ...(d.source ? { source: d.source } : {}) },
  }));
  const driver = { name: 'contracts', ...(options.toolVersion ? { version: options.toolVersion } : {}), rules: driverRules };
  const log = { $schema: schema, version: '2.1.0', runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results }] };
  return `${JSON.stringify(log, null, 2)}\n`;
};
