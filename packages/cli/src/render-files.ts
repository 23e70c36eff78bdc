/**
 * `contracts render`: load and schema-check the contracts, render each to the requested format, and
 * decide where each output goes. One contract: md/html to stdout, docx/pdf to `<id>.<ext>` in the
 * working directory, unless `--out` says otherwise. Several contracts (or a directory): `--out` must
 * be a directory, which receives `<id>.<ext>` for each. Nothing existing is overwritten without --force.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { contractFilesIn, displayPath, loadValidator, readContractFile, UsageError, validateOne, type VendorAgreement } from '@contracts/core';
import { formatters, terminalText } from '@contracts/format';
import { clauseContext, loadPlaybook, negotiatedWordingDiagnostics, resolvePlaybookPath } from '@contracts/playbook';
import { renderMany, type RenderFormat } from '@contracts/render';
import { writeFileAtomic } from '@contracts/core/write';
import type { CommittedAs } from '@contracts/git';
import { assertExtensionMatches } from './format-extension.js';

const RENDER_FORMATS: readonly RenderFormat[] = ['md', 'html', 'docx', 'pdf'];

export interface RenderFlags {
  to: RenderFormat;
  out?: string | undefined;
  force?: boolean;
  templates?: string | undefined;
  htmlEngine?: 'builtin' | 'pandoc';
  /** DOCX writer; undefined: CONTRACTS_DOCX_ENGINE, else the built-in one. */
  docxEngine?: 'builtin' | 'pandoc' | undefined;
  concurrency?: number | undefined;
  /** The playbook that decides which laws the agreement names (default: ./playbook.yaml, else the bundled one). */
  playbook?: string | undefined;
}

export interface RenderRun {
  /** What to print on stdout (single md/html without --out, or `--out -`). */
  stdout?: string | Uint8Array;
  /** Lines for stderr: files written, or diagnostics. */
  messages: string[];
  exitCode: number;
}

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

export async function renderFiles(paths: string[], flags: RenderFlags): Promise<RenderRun> {
  if (paths.length === 0) throw new UsageError('usage/missing-file', 'Name a contract file (or, with --out DIR, several files or a directory)');
  if (flags.templates && !(await isDirectory(flags.templates))) {
    throw new UsageError('usage/bad-templates', `--templates ${flags.templates} is not a directory`);
  }
  const files = await contractFilesIn(paths);
  const batch = files.length > 1 || (await Promise.all(paths.map(isDirectory))).some(Boolean);
  const outIsDir = flags.out !== undefined && flags.out !== '-' && (batch || (await isDirectory(flags.out)) || /[/\\]$/.test(flags.out));
  if (batch && !outIsDir) throw new UsageError('usage/out-directory', 'Rendering several contracts needs --out DIR (a directory for the <id>.<ext> files)');
  if (!outIsDir) assertExtensionMatches(flags.to, flags.out, RENDER_FORMATS, '--to');

  const validator = await loadValidator('vendor-agreement');
  const results = files.map((file) => validateOne(file, validator));
  const invalid = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ ...d, file: displayPath(d.file) })));
  if (invalid.length > 0) {
    const report = formatters.stylish(invalid, { color: false, files: files.map((f) => ({ file: displayPath(f) })) });
    const kinds = new Set(invalid.map((d) => (d.code.startsWith('schema/') ? 'schema error' : d.code.startsWith('yaml/') ? 'YAML error' : 'error')));
    const what = kinds.size === 1 ? [...kinds][0]! : 'error';
    const count = invalid.length === 1 ? `the ${what}` : `the ${invalid.length} ${what}s`;
    return { messages: [report.trimEnd(), `contracts: not rendered: fix ${count} above first`], exitCode: 1 };
  }
  const contracts = results.map((r) => r.loaded.value as unknown as VendorAgreement);
  // Output files are named by id: two contracts with one id would overwrite each other.
  const seen = new Map<string, string>();
  for (const [i, contract] of contracts.entries()) {
    const first = seen.get(contract.id);
    if (first !== undefined && outIsDir) {
      throw new UsageError(
        'usage/duplicate-id',
        `${displayPath(files[i]!)} and ${displayPath(first)} both have id ${contract.id}; ids name the output files and must be unique`,
      );
    }
    seen.set(contract.id, files[i]!);
  }
  // The clause library names only the laws that bind each deal: the playbook's risk rules decide.
  const playbookFile = resolvePlaybookPath(flags.playbook);
  const { playbook } = await loadPlaybook(playbookFile);
  if (!playbook) throw new UsageError('usage/bad-playbook', `${displayPath(playbookFile)} is not a valid playbook; run contracts check to see why`);
  // A Word document records the version it was rendered from, so `contracts import` finds the base itself.
  const versions = flags.to === 'docx' ? await Promise.all(files.map((file, i) => versionRenderedFrom(file, contracts[i]!.id))) : undefined;
  const outputs = await renderMany(contracts, flags.to, {
    ...(versions ? { provenances: versions.map((v) => v?.provenance), epochs: versions.map((v) => v?.epoch) } : {}),
    extraContext: (contract) => clauseContext(playbook, contract),
    ...(flags.templates ? { templatesDir: flags.templates } : {}),
    ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
    html: { engine: flags.htmlEngine ?? 'builtin' },
    ...(flags.docxEngine ? { docxEngine: flags.docxEngine } : {}),
  });

  // The counterparty's wording prints in place of the template's: where it restates a term the value no
  // longer matches (or the import could not read), the document says something other than its terms.
  const disagreements = results.flatMap((r) =>
    negotiatedWordingDiagnostics(r.loaded)
      .filter((d) => d.code === 'playbook/restated-term')
      .map((d) => ({ ...d, file: displayPath(d.file) })),
  );
  const warnings: string[] = [];
  if (disagreements.length > 0) {
    warnings.push(formatters.stylish(disagreements, { color: false, files: files.map((f) => ({ file: displayPath(f) })) }).trimEnd());
    warnings.push(
      `contracts: rendered, but the counterparty's wording restates a term it does not match in ${disagreements.length === 1 ? 'one place' : `${disagreements.length} places`}: the document says what the wording says; settle it before sending`,
    );
  }
  const textual = flags.to === 'md' || flags.to === 'html';
  if (!batch && (flags.out === '-' || (flags.out === undefined && textual))) return { stdout: outputs[0]!, messages: warnings, exitCode: 0 };
  const messages: string[] = [];
  for (const [i, contract] of contracts.entries()) {
    const target = outIsDir ? join(flags.out!, `${contract.id}.${flags.to}`) : (flags.out ?? `${contract.id}.${flags.to}`);
    await writeFileAtomic(target, outputs[i]!, { force: flags.force ?? false });
    messages.push(terminalText(`wrote ${displayPath(target)}`));
  }
  return { messages: [...messages, ...warnings], exitCode: 0 };
}

/**
 * The committed version (commit, round) a contract file is byte for byte, when it is in a git repository
 * and unchanged since HEAD, with the date its document carries: that commit's (as a redline's), unless
 * SOURCE_DATE_EPOCH is set. Not the effective date, which may lie ahead: Word would show the vendor's
 * tracked changes dated before the document was made.
 */
async function versionRenderedFrom(file: string, contractId: string): Promise<{ provenance: CommittedAs; epoch: number } | undefined> {
  const { committedAs, openRepo, repoPath, versionAuthor } = await import('@contracts/git');
  const repo = await openRepo(file).catch(() => undefined);
  const read = readContractFile(file); // the bytes as committed: git compares blobs, not decoded text
  if (!repo || !read.ok) return undefined;
  const provenance = await committedAs(repo, repoPath(repo, file), read.bytes, contractId);
  if (!provenance) return undefined;
  return { provenance, epoch: (await versionAuthor(repo, provenance.commit)).epoch };
}
