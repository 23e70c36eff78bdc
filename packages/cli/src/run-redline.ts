/**
 * `contracts redline`: two versions of a contract from git (or the working tree), rendered and diffed,
 * written as md / html / docx. The DOCX redline is written natively from the built-in DOCX writer's
 * model; only when pandoc renders the rounds (CONTRACTS_DOCX_ENGINE=pandoc) do pandoc and the
 * comparison engine start first (`warmUpRedlineDocx`), so pandoc-wasm compiles and the engine
 * initialises while git is read and both versions are rendered.
 */
import { setFlagsFromString } from 'node:v8';
import { displayPath, loadValidator, UsageError } from '@contracts/core';
import { REDLINE_FORMATS, redlineVersions, warmUpRedlineDocx, type RedlineFormat } from '@contracts/diff';
import { formatters, terminalText } from '@contracts/format';
import { resolveDocxEngine } from '@contracts/render';
import { committedAs, listRounds, versionAuthor, type ContractFile, type ContractVersion } from '@contracts/git';
import { loadPlaybook, resolvePlaybookPath } from '@contracts/playbook';
import { openContractFile, versionOf } from './contract-versions.js';
import { assertExtensionMatches, formatOfExtension } from './format-extension.js';
import { writeFileAtomic } from '@contracts/core/write';

export interface RedlineFlags {
  from: string;
  /** Later version; undefined = the working tree. */
  to?: string | undefined;
  format?: string | undefined;
  /** Output file, `-` for stdout; default `<id>-<from>-<to>.<format>` in the working directory. */
  out?: string | undefined;
  force?: boolean;
  templates?: string | undefined;
  playbook?: string | undefined;
}

export interface RedlineRun {
  stdout?: string;
  messages: string[];
  exitCode: number;
}

/**
 * `--format`, else the extension of `--out`, else DOCX (what counsel opens). A `--format` that an
 * `--out` extension contradicts (`--format md --out x.docx`) is refused: a file named `.docx` that
 * holds Markdown is a file counsel cannot open, found only when it is sent. An extension that names no
 * redline format (`.txt`, none) takes the `--format` given.
 */
export function redlineFormat(format: string | undefined, out: string | undefined): RedlineFormat {
  if (format === undefined && (out === undefined || out === '-')) return out === '-' ? 'md' : 'docx';
  const named = out === undefined || out === '-' ? undefined : formatOfExtension(out, REDLINE_FORMATS);
  if (format !== undefined) {
    if (!(REDLINE_FORMATS as readonly string[]).includes(format))
      throw new UsageError('usage/redline-format', `Unknown --format ${format}; pass md, html or docx`);
    assertExtensionMatches(format as RedlineFormat, out, REDLINE_FORMATS, '--format');
    return format as RedlineFormat;
  }
  if (named !== undefined) return named;
  throw new UsageError('usage/redline-format', `Cannot tell the output format from --out ${out}; pass --format md|html|docx`);
}

/** `<id>-<from>-<to>.<ext>`, as `render` names `<id>.<ext>`: refs made file-name safe, the working tree as `working`. */
export function redlineFileName(id: string, from: string, to: string | undefined, format: RedlineFormat): string {
  const safe = (ref: string) => ref.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'ref';
  return `${id}-${safe(from)}-${to === undefined ? 'working' : safe(to)}.${format}`;
}

export async function runRedline(file: string, flags: RedlineFlags): Promise<RedlineRun> {
  const format = redlineFormat(flags.format, flags.out);
  if (flags.out === '-' && format === 'docx') throw new UsageError('usage/binary-stdout', 'DOCX cannot go to stdout; name a file with --out');
  if (format === 'docx' && resolveDocxEngine() === 'pandoc') {
    // One conversion per process: TurboFan re-compiling pandoc-wasm's hot functions costs more CPU than it
    // saves (≈1 s of 3 on two cores), and it must be set before the module compiles. Not in the pandoc
    // package: a batch render runs pandoc-wasm many times in one process, where the optimising tier pays.
    setFlagsFromString('--liftoff-only');
    // V8's concurrent marking, woken by every growth of the WASM heaps, cost pandoc-wasm's first DOCX
    // conversion ≈1.5 s of CPU on two cores (measured: 2.5 s → 1.3 s for a one-line document).
    setFlagsFromString('--no-concurrent-marking');
    // Function bodies of the 58 MB module validated when first called, not all up front: −0.3 s CPU of start-up.
    setFlagsFromString('--wasm-lazy-validation');
    warmUpRedlineDocx({ docxEngine: 'pandoc' }); // pandoc-wasm compiles and the comparison engine starts while we read git and render
  }
  const contract = await openContractFile(file);
  const [validator, playbook, from, to] = await Promise.all([
    loadValidator('vendor-agreement'),
    // The same playbook as `render`: it rates the header's moves and decides which laws the clauses cite.
    loadPlaybook(resolvePlaybookPath(flags.playbook)).then((l) => l.playbook),
    versionOf(contract, flags.from),
    versionOf(contract, flags.to),
  ]);
  const result = await redlineVersions(from, to, {
    format,
    ...(format === 'docx' ? { provenance: await laterProvenance(contract, to) } : {}),
    by: await versionAuthor(contract.repo, to.commit ?? undefined),
    validator,
    ...(flags.templates ? { templatesDir: flags.templates } : {}),
    ...(playbook ? { playbook } : {}),
  });
  if (!result.ok) {
    const diagnostics = result.broken.flatMap((b) => b.diagnostics);
    const report = formatters.stylish(diagnostics, { color: false, files: [from, to].map((v) => ({ file: v.loaded.file })) });
    return { messages: [report.trimEnd(), 'contracts: no redline: fix the errors in the version above first'], exitCode: 1 };
  }
  const { redline } = result;
  const output = result.outputs[0]!.content;
  if (flags.out === '-') return { stdout: String(output), messages: [], exitCode: 0 };
  const out = flags.out ?? redlineFileName(redline.id, flags.from, flags.to, format);
  await writeFileAtomic(out, output, { force: flags.force ?? false });
  const s = redline.stats;
  const moved = `${redline.from} → ${redline.to}, ${s.wordsInserted} words inserted, ${s.wordsDeleted} deleted`;
  return { messages: [terminalText(`wrote ${displayPath(out)}: ${moved}`)], exitCode: 0 };
}

/**
 * Where the later version comes from, for the DOCX redline's properties: its commit and round (the
 * latest round tagged on that commit), or, for the working tree, the committed version it is byte for
 * byte (as `render --to docx` records it). The counterparty marks up the later round; `import` reads this.
 */
async function laterProvenance(contract: ContractFile, to: ContractVersion): Promise<{ commit?: string; round?: number; ref?: string }> {
  const id = contract.id;
  if (to.commit === null) return (id ? await committedAs(contract.repo, contract.relPath, to.bytes, id) : undefined) ?? {};
  const round = id ? (await listRounds(contract.repo, id).catch(() => [])).filter((r) => r.commit === to.commit).at(-1) : undefined;
  return { commit: to.commit, ...(round ? { round: round.n, ref: round.tag } : { ref: to.ref }) };
}
