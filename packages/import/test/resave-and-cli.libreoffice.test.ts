/**
 * A DOCX opened and saved by LibreOffice keeps every anchor and the provenance, so a markup made from
 * a re-saved copy still imports; and the CLI end to end: `contracts import` prints the moves as
 * `contracts diff` does, writes the file, `--commit` records the vendor's round under the vendor's name.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Playbook } from '@contracts/playbook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { importMarkup, readMarkup } from '../src/index.js';
import { ROOT, roundOne } from './support/round-one.js';

const CLI = join(ROOT, 'packages/cli/bin/run.js');
const lo = libreOfficeAvailability();
let dir: string;
let file: string;
let git: (...args: string[]) => string;
let office: LibreOffice;
let playbook: Playbook;
let base: Uint8Array;
let anchors: string[];

beforeAll(async () => {
  ({ dir, file, git, playbook, docx: base, anchors } = await roundOne('contracts-import-resave-', { tag: true }));
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!lo.ok)(`a rendering saved by LibreOffice ${lo.reason}`, () => {
  it('keeps every term and clause anchor and the provenance, and imports as no change', async () => {
    const resaved = join(dir, 'resaved.docx');
    expect(await office.edit(base, { out: resaved, author: 'Marcus Lee' })).toEqual([]);
    const markup = readMarkup(readFileSync(resaved), 'resaved.docx');
    const bookmarks = new Set(markup.blocks.flatMap((b) => b.bookmarks));
    expect(anchors.filter((id) => !bookmarks.has(id))).toEqual([]);
    expect(markup.provenance).toMatchObject({ contractId: 'springfield-smartcam', round: 1 });
    const result = await importMarkup({ file, markup: resaved, playbook, dryRun: true });
    expect(result).toMatchObject({ values: [], wording: [] });
  });

  it('imports a markup made from the re-saved copy', async () => {
    const resaved = join(dir, 'resaved.docx');
    const markup = join(dir, 'markup-of-resaved.docx');
    await office.edit(resaved, { out: markup, author: 'Marcus Lee', replacements: [['forty-eight (48) hours', 'seventy-two (72) hours']], replaceAll: true });
    const result = await importMarkup({ file, markup, playbook, dryRun: true });
    expect(result.values).toMatchObject([{ path: 'terms.incidentResponse.notificationHours', from: 48, to: 72, author: 'Marcus Lee' }]);
  });
});

describe.skipIf(!lo.ok)(`contracts import, end to end ${lo.reason}`, () => {
  it('reads a DOCX from contracts render --to docx as the base: re-saved, no change; edited, exactly the value', async () => {
    const rendered = spawnSync(process.execPath, [CLI, 'render', 'contracts/springfield-smartcam.yaml', '--to', 'docx', '--out', 'rendered.docx'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(rendered.status, rendered.stderr).toBe(0);
    const docx = readFileSync(join(dir, 'rendered.docx'));
    const resaved = join(dir, 'rendered-resaved.docx');
    await office.edit(docx, { out: resaved, author: 'Marcus Lee' });
    expect(await importMarkup({ file, markup: resaved, playbook, dryRun: true })).toMatchObject({ values: [], wording: [] });
    const markup = join(dir, 'rendered-markup.docx');
    await office.edit(docx, { out: markup, author: 'Marcus Lee', replacements: [['forty-eight (48) hours', 'seventy-two (72) hours']], replaceAll: true });
    const result = await importMarkup({ file, markup, playbook, dryRun: true });
    expect(result).toMatchObject({ values: [{ path: 'terms.incidentResponse.notificationHours', from: 48, to: 72 }], wording: [] });
    rmSync(join(dir, 'rendered.docx'));
  });

  it('prints the moves as diff does, writes the file, and --commit records the round as the vendor', async () => {
    const markup = join(dir, 'acme.docx');
    await office.edit(base, {
      out: markup,
      author: 'Marcus Lee',
      replacements: [['forty-eight (48) hours', 'seventy-two (72) hours']],
      replaceAll: true,
      comments: [['Costs of remediation.', 'We cannot accept uncapped costs.']],
    });
    const dry = spawnSync(process.execPath, [CLI, 'import', 'contracts/springfield-smartcam.yaml', 'acme.docx', '--dry-run'], { cwd: dir, encoding: 'utf8' });
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Vendor breach notice to buyer\s+48 → 72 hours\s+vendor/);
    expect(dry.stdout).toMatch(/Comments\n {2}paragraph|Comments\n {2}clause incidentResponse\/costs-of-remediation {2}Marcus Lee/);
    expect(git('status', '--porcelain')).not.toContain('springfield-smartcam.yaml');
    const run = spawnSync(process.execPath, [CLI, 'import', 'contracts/springfield-smartcam.yaml', 'acme.docx', '--commit', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      written: true,
      values: [{ path: 'terms.incidentResponse.notificationHours', to: 72 }],
      diff: { positions: [{ gained: 'vendor' }] },
    });
    expect(git('log', '-1', '--format=%an|%s')).toMatch(/^Marcus Lee\|springfield-smartcam: Marcus Lee's markup of round 1/);
    const diff = spawnSync(process.execPath, [CLI, 'diff', 'contracts/springfield-smartcam.yaml', '--from', 'round-1', '--to', 'HEAD', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(JSON.parse(diff.stdout).positions).toEqual(json.diff.positions);
    // The same markup again: it is already imported (the file is its accept-all, committed), so it is refused, naming the commit; nothing is written.
    const again = spawnSync(process.execPath, [CLI, 'import', 'contracts/springfield-smartcam.yaml', 'acme.docx'], { cwd: dir, encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(
      /^contracts: contracts\/springfield-smartcam\.yaml already holds acme\.docx: importing it onto [0-9a-f]{7} \(round-1\), the version it was made from, gives the file as it is now, as [0-9a-f]{7} "springfield-smartcam: Marcus Lee's markup of round 1 \(contracts import acme\.docx\)"; nothing to do \(nothing was written\) \[import\/already-imported\]$/m,
    );
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
