/**
 * `contracts redline`: read two versions of a contract from git (or the working tree), render and
 * diff them, write md / html / docx. For DOCX, pandoc and the comparison engine start first
 * (`warmUpRedlineDocx`), so pandoc-wasm compiles and the engine initialises while
 * git is read and both versions are rendered and diffed.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { displayPath, InputOutputError, loadValidator, UsageError, type Diagnostic } from '@contracts/core';
import {
  buildRedline,
  changeDate,
  loadVersion,
  REDLINE_FORMATS,
  warmUpRedlineDocx,
  writeRedline,
  type RedlineFormat,
  type RedlineVersion,
} from '@contracts/diff';
import { formatters } from '@contracts/format';
import { commitInfo, fileAtRef, openRepo, repoPath, type Repo } from '@contracts/git';
import { loadPlaybook, resolvePlaybookPath } from '@contracts/playbook';
import { writeFileAtomic } from './write-file.js';

export interface RedlineFlags {
  from: string;
  /** Later version; undefined = the working tree. */
  to?: string | undefined;
  format?: string | undefined;
  out: string;
  force?: boolean;
  templates?: string | undefined;
  playbook?: string | undefined;
}

export interface RedlineRun {
  stdout?: string;
  messages: string[];
  exitCode: number;
}

/** `--format`, else the extension of `--out`. */
export function redlineFormat(format: string | undefined, out: string): RedlineFormat {
  const chosen =
    format ??
    extname(out)
      .slice(1)
      .toLowerCase()
      .replace(/^markdown$/, 'md')
      .replace(/^htm$/, 'html');
  if ((REDLINE_FORMATS as readonly string[]).includes(chosen)) return chosen as RedlineFormat;
  throw new UsageError('usage/redline-format', `Cannot tell the output format from --out ${out}; pass --format md|html|docx`);
}

export async function runRedline(file: string, flags: RedlineFlags): Promise<RedlineRun> {
  const format = redlineFormat(flags.format, flags.out);
  if (format === 'docx') {
    // One conversion per process: TurboFan re-compiling pandoc-wasm's hot functions costs more CPU
    // than it saves (≈1 s of 3 on two cores). Must be set before the module compiles.
    // It stays here, not in the pandoc package: a batch (`render --to docx` of many contracts) runs
    // pandoc-wasm many times in one process, where the optimising tier does pay off. Harmless with
    // system pandoc (no WASM is compiled then).
    setFlagsFromString('--liftoff-only');
    // V8's concurrent marking, woken by every growth of the WASM heaps, cost pandoc-wasm's first DOCX
    // conversion ≈1.5 s of CPU on two cores (measured: 2.5 s → 1.3 s for a one-line document).
    setFlagsFromString('--no-concurrent-marking');
    // Function bodies of the 58 MB module validated when first called, not all up front: −0.3 s CPU of start-up.
    setFlagsFromString('--wasm-lazy-validation');
    warmUpRedlineDocx(); // pandoc-wasm compiles (~1-2 s) and the comparison engine starts while we read git, render and diff
  }
  const repo = await openRepo(resolve(file));
  const rel = repoPath(repo, file);
  const workingBytes = await readFile(file).catch(() => undefined);
  if (flags.to === undefined && !workingBytes) throw new InputOutputError('io/not-found', `Cannot read ${file}`);
  const id = contractIdOf(workingBytes, file);
  const name = displayPath(file);

  const [validator, playbook, fromFile, toFile, by] = await Promise.all([
    loadValidator('vendor-agreement'),
    // Only the HTML header rates position changes; DOCX must not wait for the playbook.
    format === 'html' ? loadPlaybook(resolvePlaybookPath(flags.playbook)).then((l) => l.playbook) : undefined,
    fileAtRef(repo, rel, flags.from, id),
    flags.to === undefined ? undefined : fileAtRef(repo, rel, flags.to, id),
    author(repo, flags.to, id),
  ]);
  const versions = [
    { bytes: fromFile.bytes, ref: flags.from, commit: fromFile.commit },
    toFile ? { bytes: toFile.bytes, ref: flags.to!, commit: toFile.commit } : { bytes: workingBytes!, ref: 'working tree', commit: '' },
  ].map((v) => ({ ...v, loaded: loadVersion(v.bytes, `${name}@${v.ref}`, validator) }));
  const broken: Diagnostic[] = versions.flatMap((v) => (v.loaded.ok ? [] : v.loaded.diagnostics));
  if (broken.length > 0) {
    const report = formatters.stylish(broken, { color: false, files: versions.map((v) => ({ file: `${name}@${v.ref}` })) });
    return { messages: [report.trimEnd(), 'contracts: no redline: fix the errors in the version above first'], exitCode: 1 };
  }
  const [from, to] = versions.map(
    (v): RedlineVersion => ({
      contract: (v.loaded as { contract: RedlineVersion['contract'] }).contract,
      label: v.commit ? `${v.ref} (${v.commit.slice(0, 7)})` : v.ref,
    }),
  );
  const redline = buildRedline(from!, to!, {
    by: { author: by.author, date: changeDate(by.changedAt) },
    ...(flags.templates ? { templatesDir: flags.templates } : {}),
    ...(playbook ? { playbook } : {}),
  });
  const output = await writeRedline(redline, format, { epoch: by.epoch });
  if (flags.out === '-') {
    if (typeof output !== 'string') throw new UsageError('usage/binary-stdout', 'DOCX cannot go to stdout; name a file with --out');
    return { stdout: output, messages: [], exitCode: 0 };
  }
  await writeFileAtomic(flags.out, output, { force: flags.force ?? false });
  const s = redline.stats;
  return {
    messages: [`wrote ${displayPath(flags.out)}: ${redline.from} → ${redline.to}, ${s.wordsInserted} words inserted, ${s.wordsDeleted} deleted`],
    exitCode: 0,
  };
}

/** The contract id for the `round-N` shorthand: the working copy's `id:`, else the file name. */
function contractIdOf(bytes: Uint8Array | undefined, file: string): string {
  const match = bytes ? /^id:[ \t]*["']?([A-Za-z0-9._-]+)["']?[ \t]*(?:#.*)?$/m.exec(Buffer.from(bytes).toString('utf8')) : null;
  return match?.[1] ?? basename(file).replace(/\.ya?ml$/i, '');
}

/**
 * Who the changes are attributed to, and when (seconds since 1970): the `--to` commit's author at its
 * date; for the working tree, `git config user.name` (else "Working copy") at SOURCE_DATE_EPOCH, else now.
 * `epoch` dates the file itself (zip entries, document properties): SOURCE_DATE_EPOCH when set.
 */
async function author(repo: Repo, to: string | undefined, id: string): Promise<{ author: string; changedAt: number; epoch: number }> {
  const fromEnv = process.env['SOURCE_DATE_EPOCH'];
  const envEpoch = fromEnv && /^\d+$/.test(fromEnv) ? Number(fromEnv) : undefined;
  if (to !== undefined) {
    const info = await commitInfo(repo, to, id);
    const changedAt = Math.floor(Date.parse(info.authorDate) / 1000);
    return { author: info.authorName || info.authorEmail, changedAt, epoch: envEpoch ?? changedAt };
  }
  const name = await promisify(execFile)('git', ['config', '--get', 'user.name'], { cwd: repo.root }).then(
    (r) => r.stdout.trim(),
    () => '',
  );
  const changedAt = envEpoch ?? Math.floor(Date.now() / 1000);
  return { author: name || 'Working copy', changedAt, epoch: changedAt };
}
