/**
 * One redline between two versions of a contract, from git to bytes: both versions parsed and
 * schema-checked, the changes attributed to the later version's author at its date, rendered with one
 * clause library and written in each format asked for. What `contracts redline` and `contracts pr` both
 * do; they only add where the versions come from and where the files go.
 */
import { loadValidator, type Diagnostic, type SchemaValidator } from '@contracts/core';
import type { ContractVersion, VersionAuthor } from '@contracts/git';
import type { Playbook } from '@contracts/playbook';
import type { ProvenanceInput } from '@contracts/render';
import { buildRedline, changeDate, type Redline } from './build-redline.js';
import { loadVersion } from './load-version.js';
import { writeRedline, type RedlineFormat } from './write-redline.js';

/**
 * A version as `contractAt` / `openContract(…).working` return it (or the same fields). `loaded.file`
 * names it in diagnostics (`contracts/acme.yaml@round-1`); `label` names it to readers (default
 * `<ref> (<commit>)`, the working tree by its ref).
 */
export type RedlineSource = Pick<ContractVersion, 'bytes' | 'ref' | 'commit'> & { loaded: { file: string }; label?: string };

export interface RedlineVersionsOptions {
  /** One format, or several made from the one diff (`['docx', 'html']`). */
  format: RedlineFormat | readonly RedlineFormat[];
  /** Who made the later version and when (`versionAuthor`): stamped on every change at `changedAt`. */
  by: VersionAuthor;
  /** Clause library overriding the built-in templates, for both versions. */
  templatesDir?: string;
  /** Rates the position changes in the HTML header. */
  playbook?: Playbook;
  /** Seconds since 1970 the output files are dated (DOCX metadata and zip). Default `by.epoch`. */
  epoch?: number;
  /** The vendor-agreement validator, when the caller has loaded it already. */
  validator?: SchemaValidator;
  /** Where the later version comes from (commit, round, ref): the DOCX redline records it with the contract id, as `render --to docx` does. */
  provenance?: Omit<ProvenanceInput, 'contractId'>;
}

/** A version that cannot be redlined, with the errors that stop it. */
export interface BrokenVersion {
  version: 'before' | 'after';
  file: string;
  diagnostics: Diagnostic[];
}

export type RedlineVersionsResult =
  | { ok: true; redline: Redline; outputs: { format: RedlineFormat; content: string | Uint8Array }[] }
  | { ok: false; broken: BrokenVersion[] };

/** `round-2 (047d781)`; the working tree as its ref. */
const labelOf = (v: RedlineSource) => v.label ?? (v.commit ? `${v.ref} (${v.commit.slice(0, 7)})` : v.ref);

/**
 * The redline `before` → `after` in each format, or the versions whose YAML or schema errors stop it
 * (returned, not thrown). Environment failures (pandoc, the comparison engine) are thrown.
 */
export async function redlineVersions(before: RedlineSource, after: RedlineSource, options: RedlineVersionsOptions): Promise<RedlineVersionsResult> {
  const validator = options.validator ?? (await loadValidator('vendor-agreement'));
  const [from, to] = [before, after].map((v) => loadVersion(v.bytes, v.loaded.file, validator));
  const broken: BrokenVersion[] = [];
  if (!from!.ok) broken.push({ version: 'before', file: before.loaded.file, diagnostics: from!.diagnostics });
  if (!to!.ok) broken.push({ version: 'after', file: after.loaded.file, diagnostics: to!.diagnostics });
  if (!from!.ok || !to!.ok) return { ok: false, broken };
  const redline = buildRedline(
    { contract: from!.contract, label: labelOf(before) },
    { contract: to!.contract, label: labelOf(after) },
    {
      // Tracked changes carry the later version's own date; the epoch dates the file itself.
      by: { author: options.by.name, date: changeDate(options.by.changedAt) },
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
      ...(options.playbook ? { playbook: options.playbook } : {}),
      ...(options.provenance ? { provenance: { ...options.provenance, contractId: String(to!.contract.id) } } : {}),
    },
  );
  const epoch = options.epoch ?? options.by.epoch;
  const outputs: { format: RedlineFormat; content: string | Uint8Array }[] = [];
  for (const format of typeof options.format === 'string' ? [options.format] : options.format)
    outputs.push({ format, content: await writeRedline(redline, format, { epoch }) });
  return { ok: true, redline, outputs };
}
