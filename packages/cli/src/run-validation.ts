import { contractFilesIn, countSeverities, displayPath, validateFiles, type Diagnostic } from '@contracts/core';
import { formatters, type FormatName } from '@contracts/format';
import type { FlagValues, validateFlagSpecs } from './flag-specs.js';
import { batchOutcome, useColor, type BatchOutcome } from './output.js';
import { machineOptions } from './run-check.js';

export interface ValidationRun {
  output: string;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** The whole `contracts validate` command after its flags are parsed (by oclif or by the fast path). */
export async function validateCommand(paths: readonly string[], flags: FlagValues<typeof validateFlagSpecs>, toolVersion: string): Promise<BatchOutcome> {
  const result = await validatePaths(paths.length > 0 ? [...paths] : ['contracts'], { format: flags.format, color: useColor(), toolVersion });
  return batchOutcome(result.output, result, flags['max-warnings']);
}

/** `contracts validate`: collect files, validate them, format the diagnostics. */
export async function validatePaths(
  paths: string[],
  options: { format: string; color: boolean; verbose?: boolean; toolVersion?: string },
): Promise<ValidationRun> {
  const files = await contractFilesIn(paths);
  const results = await validateFiles(files);
  const diagnostics = results.flatMap((r) => r.diagnostics.map((d) => ({ ...d, file: displayPath(d.file) })));
  const formatter = formatters[options.format as FormatName];
  const output = formatter(diagnostics, {
    ...(await machineOptions(options.format)),
    color: options.color,
    verbose: options.verbose ?? false,
    ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
    files: files.map((f) => ({ file: displayPath(f) })),
  });
  const { errors, warnings } = countSeverities(diagnostics);
  return { output, diagnostics, errors, warnings };
}
