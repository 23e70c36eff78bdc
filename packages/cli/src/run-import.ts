import { type Diagnostic, displayPath, UsageError } from '@contracts/core';
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

class BrokenPlaybook {
  constructor(readonly diagnostics: Diagnostic[]) {}
}

/**
 * `contracts import FILE MARKUP.docx`: the counterparty's markup into FILE, and what moved. Exit 1 when a
 * term restated in their own words was NOT READ (imported, but counsel must settle it, as `check` exits 1
 * for findings), or when the counterparty changed a fact (parties, product), which is not applied until
 * counsel confirms it: a script running `import && commit` must not take that round as settled.
 */
export async function runImport(file: string, markup: string, o: ImportRunOptions): Promise<CommandOutput> {
  if (o.dryRun && o.commit) throw new UsageError('usage/conflicting-flags', '--dry-run writes nothing, so it cannot --commit: choose one.');
  // The playbook loads while the markup is read; a broken one is reported as check reports it.
  const loading = playbookFor(o.playbook);
  const playbook = loading.then((p) => (Array.isArray(p) ? Promise.reject(new BrokenPlaybook(p)) : p));
  playbook.catch(() => undefined);
  const result = await importMarkup({
    file,
    markup,
    playbook,
    dryRun: o.dryRun,
    commit: o.commit,
    names: { file: displayPath(file), markup: displayPath(markup) },
    ...(o.base !== undefined ? { base: o.base } : {}),
    ...(o.templates !== undefined ? { templatesDir: o.templates } : {}),
  }).catch((error: unknown) => (error instanceof BrokenPlaybook ? error : Promise.reject(error)));
  if (result instanceof BrokenPlaybook) return brokenOutput(result.diagnostics, o.format);
  return { output: formatImport(result, o.format, { color: o.color }), exitCode: result.unread.length > 0 || result.factsChanged.length > 0 ? 1 : 0 };
}
