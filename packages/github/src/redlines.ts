import { join } from 'node:path';
import type { SchemaValidator } from '@contracts/core';
import { writeFileAtomic } from '@contracts/core/write';
import { redlineVersions, type RedlineFormat } from '@contracts/diff';
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
  /** Clause library overriding the bundled templates, for both versions (`reviewTemplates`: the base's). */
  templatesDir?: string;
  /** The head commit, recorded in the DOCX as the version it shows, so `contracts import` finds the base of the vendor's markup. */
  headCommit?: string;
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
    const result = await redlineVersions(
      { bytes: c.baseBytes, ref: 'base', commit: null, loaded: { file: `${c.basePath}@base` }, label: r.baseLabel },
      { bytes: c.headBytes, ref: 'head', commit: null, loaded: { file: c.path }, label: r.headLabel },
      {
        format: r.formats,
        by: r.by,
        playbook: r.playbook,
        validator: r.validator,
        ...(r.templatesDir ? { templatesDir: r.templatesDir } : {}),
        ...(r.headCommit ? { provenance: { commit: r.headCommit } } : {}),
      },
    );
    if (!result.ok) {
      skipped.push(`${c.path}: no redline, the ${result.broken[0]!.version === 'before' ? 'base' : 'head'} version has schema errors`);
      continue;
    }
    const files: string[] = [];
    for (const { format, content } of result.outputs) {
      const file = join(r.outDir, `${fileSafe(result.redline.id || c.path)}-${r.baseName}-${r.headName}.${format}`);
      await writeFileAtomic(file, content, { force: true });
      files.push(file);
    }
    written.set(c.path, files);
  }
  return { written, skipped };
}

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'contract';
