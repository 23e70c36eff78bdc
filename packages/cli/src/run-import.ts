import { displayPath, UsageError } from '@contracts/core';
import { formatImport, importMarkup, type ImportFormat } from '@contracts/import';
import { brokenOutput, playbookFor, type CommandOutput } from './contract-versions.js';

export interface ImportRunOptions {
  format: ImportFormat;
  color: boolean;
  dryRun: boolean;
  commit: boolean;
  base?: string;
  templates?: string;
  playbook?: string;
}

/** `contracts import FILE MARKUP.docx`: the counterparty's markup into FILE, and what moved. */
export async function runImport(file: string, markup: string, o: ImportRunOptions): Promise<CommandOutput> {
  if (o.dryRun && o.commit) throw new UsageError('usage/conflicting-flags', '--dry-run writes nothing, so it cannot --commit: choose one.');
  const playbook = await playbookFor(o.playbook);
  if (Array.isArray(playbook)) return brokenOutput(playbook, o.format);
  const result = await importMarkup({
    file,
    markup,
    playbook,
    dryRun: o.dryRun,
    commit: o.commit,
    names: { file: displayPath(file), markup: displayPath(markup) },
    ...(o.base !== undefined ? { base: o.base } : {}),
    ...(o.templates !== undefined ? { templatesDir: o.templates } : {}),
  });
  return { output: formatImport(result, o.format, { color: o.color }), exitCode: 0 };
}
