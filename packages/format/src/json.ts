import type { Diagnostic, RelatedLocation } from '@contracts/core';
import type { ChunkedFormat } from './chunks.js';
import { wholeReport } from './report-writer.js';
import type { Formatter } from './types.js';

// Rebuilt field by field so the key order does not depend on which producer built the object. Optional
// fields are assigned, not spread: spreading conditional objects was a third of this formatter's time.
const relatedLocation = (r: RelatedLocation) => ({
  file: r.file,
  path: r.path,
  message: r.message,
  line: r.line,
  column: r.column,
  endLine: r.endLine,
  endColumn: r.endColumn,
});
const diagnostic = (d: Diagnostic) => {
  const out: Record<string, unknown> = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    path: d.path,
  };
  if (d.source !== undefined) out.source = d.source;
  if (d.fix !== undefined) out.fix = d.fix;
  if (d.related !== undefined) out.related = d.related.map(relatedLocation);
  return out;
};

const PREFIX = '{\n  "diagnostics": [';
const SUFFIX = '\n  ]\n}';

/**
 * Stable JSON: `{ diagnostics, files }`, diagnostics sorted, keys in a fixed order, two-space indents.
 * Diagnostics come first so the report can be written file by file while checking; the file list,
 * with each file's counts, closes it.
 */
export const jsonChunks: ChunkedFormat = {
  begin: () => PREFIX,
  // A file's diagnostics at the depth they have in the report: stringified inside the same wrapper,
  // then cut out of it.
  file: (_file, diagnostics) => {
    if (diagnostics.length === 0) return '';
    const text = JSON.stringify({ diagnostics: diagnostics.map(diagnostic) }, null, 2);
    return text.slice(PREFIX.length, text.length - SUFFIX.length);
  },
  separator: ',',
  end: (totals, _options, files) => `${totals.diagnostics > 0 ? '\n  ]' : ']'},\n${JSON.stringify({ files }, null, 2).slice(2)}\n`,
};

export const json: Formatter = wholeReport(jsonChunks);
