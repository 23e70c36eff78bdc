import { join } from 'node:path';
import { loadYamlBytes, type SchemaValidator, type VendorAgreement, validateLoaded } from '@contracts/core';
import { writeFileAtomic } from '@contracts/core/write';
import { buildRedline, changeDate, writeRedline, type RedlineFormat } from '@contracts/diff';
import type { VersionAuthor } from '@contracts/git';
import type { Playbook } from '@contracts/playbook';
import type { ContractReview } from './review.js';

export interface RedlineRequest {
  outDir: string;
  formats: readonly Extract<RedlineFormat, 'docx' | 'html'>[];
  baseLabel: string;
  headLabel: string;
  /** Short names for file names: `abc1234`, `head`. */
  baseName: string;
  headName: string;
  by: VersionAuthor;
  playbook: Playbook;
  validator: SchemaValidator;
}

/**
 * The redline of each changed contract against the base, as files for upload: DOCX with tracked
 * changes and HTML with <ins>/<del>, named `<id>-<base>-<head>.<ext>` in `outDir`. Contracts added by
 * the PR have no earlier version, and a version with schema errors cannot be rendered: both are skipped
 * with the reason. Returns the files written per contract path.
 */
export async function writeRedlines(contracts: readonly ContractReview[], r: RedlineRequest): Promise<{ written: Map<string, string[]>; skipped: string[] }> {
  const written = new Map<string, string[]>();
  const skipped: string[] = [];
  for (const c of contracts) {
    if (!c.baseBytes) continue;
    const before = valid(c.baseBytes, `${c.basePath}@base`, r.validator);
    const after = valid(c.headBytes, c.path, r.validator);
    if (!before || !after) {
      skipped.push(`${c.path}: no redline, the ${before ? 'head' : 'base'} version has schema errors`);
      continue;
    }
    const redline = buildRedline(
      { contract: before, label: r.baseLabel },
      { contract: after, label: r.headLabel },
      { by: { author: r.by.name, date: changeDate(r.by.changedAt) }, playbook: r.playbook },
    );
    const files: string[] = [];
    for (const format of r.formats) {
      const file = join(r.outDir, `${fileSafe(String(after.id ?? c.path))}-${r.baseName}-${r.headName}.${format}`);
      await writeFileAtomic(file, await writeRedline(redline, format, { epoch: r.by.epoch }), { force: true });
      files.push(file);
    }
    written.set(c.path, files);
  }
  return { written, skipped };
}

function valid(bytes: Uint8Array, name: string, validator: SchemaValidator): VendorAgreement | undefined {
  const loaded = loadYamlBytes(bytes, name);
  if (!loaded.value || loaded.diagnostics.some((d) => d.severity === 'error') || validateLoaded(loaded, validator).some((d) => d.severity === 'error'))
    return undefined;
  return loaded.value as unknown as VendorAgreement;
}

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'contract';
