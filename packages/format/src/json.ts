import { compareDiagnostics } from '@contracts/core';
import type { Formatter } from './types.js';

/** Stable JSON: `{ files, diagnostics }`, diagnostics sorted, keys in a fixed order. */
export const json: Formatter = (diagnostics, options = {}) => {
  const sorted = diagnostics.slice().sort(compareDiagnostics);
  const files = (options.files ?? []).map((f) => ({
    file: f.file,
    ...(f.summary ? { summary: f.summary } : {}),
    errors: diagnostics.filter((d) => d.file === f.file && d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.file === f.file && d.severity === 'warning').length,
  }));
  return JSON.stringify({ files, diagnostics: sorted }, null, 2) + '\n';
};
