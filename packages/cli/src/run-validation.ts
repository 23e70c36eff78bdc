import { collectContractFiles, countSeverities, displayPath, validateFiles, type Diagnostic } from '@contracts/core';
import { formatters, type FormatName } from '@contracts/format';

export interface ValidationRun {
  output: string;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** `contracts validate`: collect files, validate them, format the diagnostics. */
export async function validatePaths(paths: string[], options: { format: string; color: boolean; verbose?: boolean; toolVersion?: string }): Promise<ValidationRun> {
  const files = await collectContractFiles(paths);
  const results = await validateFiles(files);
  const diagnostics = results.flatMap((r) => r.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) })));
  const formatter = formatters[options.format as FormatName];
  const output = formatter(diagnostics, { color: options.color, verbose: options.verbose ?? false, toolVersion: options.toolVersion, files: files.map((f) => ({ file: displayPath(f) })) });
  const { errors, warnings } = countSeverities(diagnostics);
  return { output, diagnostics, errors, warnings };
}
