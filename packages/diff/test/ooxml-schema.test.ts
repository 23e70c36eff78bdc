/**
 * Our own OOXML is schema-valid, judged by Microsoft's Open XML SDK validator (ISO/IEC 29500
 * transitional schemas and their constraints; @ooxml-tools/validate runs it in WebAssembly).
 * Pandoc's own output has schema errors of its own (`w:bCs` before `w:b`, `w:tblHeader w:val="true"`…):
 * those are pandoc's. What the project writes itself must add none, so each check is differential:
 * our reference document against pandoc's default one, a rendered contract against pandoc's raw output
 * for the same Markdown, and a redline against the two documents it compares.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VendorAgreement } from '@contracts/core';
import { convert } from '@contracts/pandoc';
import { normalizeDocx, PANDOC_MARKDOWN_EXTENSIONS, referenceDocPath, renderDocx, renderMarkdown } from '@contracts/render';
import validate, { type ValidationResult } from '@ooxml-tools/validate';
import { describe, expect, it } from 'vitest';
import { buildRedline, redlineDocx } from '../src/index.js';
import { bundledContract } from './support/round-pairs.js';

const EPOCH = 1_779_098_400;
const hasSystemPandoc = spawnSync('pandoc', ['--version']).status === 0;

/** Schema errors of a DOCX as `part id: description @ xpath` (xpath optional: indices shift between documents). */
async function schemaErrors(docx: Uint8Array, withPath = true): Promise<string[]> {
  const results: ValidationResult[] = await validate(new Uint8Array(docx), 'docx', 'Office2007');
  return results.map((r) => `${r.path.partUri} ${r.id}: ${r.description}${withPath ? ` @ ${r.path.xpath}` : ''}`).sort();
}

/** Members of `ours` (a multiset) beyond those of `theirs`. */
function beyond(ours: string[], theirs: string[]): string[] {
  const left = new Map<string, number>();
  for (const e of theirs) left.set(e, (left.get(e) ?? 0) + 1);
  return ours.filter((e) => {
    const n = left.get(e) ?? 0;
    left.set(e, n - 1);
    return n <= 0;
  });
}

describe('OOXML the project writes, against the ISO/IEC 29500 transitional schema', () => {
  it.skipIf(!hasSystemPandoc)(
    `templates/reference.docx adds no schema error to pandoc's default reference document${hasSystemPandoc ? '' : ' (skipped: no system pandoc to print its default)'}`,
    async () => {
      const ours = await schemaErrors(readFileSync(fileURLToPath(new URL('../../../templates/reference.docx', import.meta.url))));
      const pandocs = await schemaErrors(execFileSync('pandoc', ['--print-default-data-file', 'reference.docx'], { maxBuffer: 64 << 20 }));
      expect(beyond(ours, pandocs)).toEqual([]);
      // The two orderings issue 11 names are fixed: Heading1 keepNext/keepLines before pageBreakBefore; Table tblInd before tblBorders.
      expect(ours.join('\n')).not.toMatch(/styles\.xml .*(keepNext|tblInd)/);
    },
  );

  it('a rendered contract adds no schema error to what pandoc wrote (normalizeDocx writes valid numbering and bookmarks)', async () => {
    const markdown = renderMarkdown(bundledContract('springfield-smartcam') as VendorAgreement);
    const raw = await convert(markdown, {
      from: 'markdown',
      to: 'docx',
      extensions: { ...PANDOC_MARKDOWN_EXTENSIONS, auto_identifiers: false },
      referenceDoc: referenceDocPath(),
    });
    const rendered = await renderDocx(markdown, { epoch: EPOCH, docxEngine: 'pandoc' });
    expect(Buffer.compare(normalizeDocx(raw.output, EPOCH), rendered)).toBe(0);
    expect(beyond(await schemaErrors(rendered, false), await schemaErrors(raw.output, false))).toEqual([]);
  });

  it('a redline (a removed clause, changed terms, a reordered list) has no kind of schema error its two rounds do not have', async () => {
    const from = bundledContract('springfield-smartcam');
    const to = structuredClone(from);
    to.terms.audit.onSite = false;
    to.terms.incidentResponse.notificationHours = 24;
    to.terms.incidentResponse.costsCovered.reverse();
    to.parties.vendor.address = '12 Harbor Street, Suite 40';
    const redline = buildRedline(
      { contract: from as VendorAgreement, label: 'round-1' },
      { contract: to as VendorAgreement, label: 'round-2' },
      { by: { author: 'Marcus Lee', date: '2026-05-18T10:00:00Z' } },
    );
    const [docx, earlier, later] = await Promise.all([
      redlineDocx(redline, { epoch: EPOCH }),
      renderDocx(redline.fromMarkdown, { epoch: EPOCH }),
      renderDocx(redline.toMarkdown, { epoch: EPOCH }),
    ]);
    const kinds = new Set([...(await schemaErrors(earlier, false)), ...(await schemaErrors(later, false))]);
    expect((await schemaErrors(docx, false)).filter((e) => !kinds.has(e))).toEqual([]);
  });
});
