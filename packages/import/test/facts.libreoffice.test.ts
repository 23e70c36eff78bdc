/**
 * The counterparty does not change the facts: markups made in LibreOffice that rewrite the buyer's
 * jurisdiction, the vendor's own name and jurisdiction, or the product's name are imported with the fact
 * unchanged (the rules keep reading the buyer's facts), the vendor's words kept as negotiated wording that
 * records what it says (`restates`), so the next rendering still reads word for word, paragraph by
 * paragraph, as LibreOffice's accept-all of the markup; `check` reports each as an error until counsel
 * settles it, and the built CLI lists them under their own heading and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlText, type VendorAgreement } from '@contracts/core';
import { checkContract, clauseContext, type Playbook } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeAvailability, startLibreOffice, type LibreOffice } from '../../../test-support/libreoffice/index.mjs';
import { formatImport, importMarkup } from '../src/index.js';
import { paragraphsWithoutNumbering, withValues } from './support/markup-corpus.js';
import { ROOT, type RoundOne, roundOne } from './support/round-one.js';

const VENDOR = 'Marcus Lee (Acme)';
const CLI = join(ROOT, 'packages/cli/bin/run.js');
const HOURS = 'terms.incidentResponse.notificationHours';
const PRODUCT = 'SmartCam 3000 outdoor camera with sound-event detection';
const lo = libreOfficeAvailability();
let round: RoundOne;
let office: LibreOffice;
let playbook: Playbook;
let base: VendorAgreement;

beforeAll(async () => {
  round = await roundOne('contracts-import-facts-');
  playbook = round.playbook;
  base = parse(round.original) as VendorAgreement;
  if (lo.ok) office = await startLibreOffice();
});
afterAll(async () => {
  await office?.close();
  rmSync(round.dir, { recursive: true, force: true });
});

type Steps = { replacements: [string, string][]; replaceAll?: boolean }[];

/** The markup LibreOffice makes from round 1 with these edits, tracked as the vendor's, one session per step. */
async function markupOf(name: string, steps: Steps): Promise<string> {
  const out = join(round.dir, `${name}.docx`);
  let from: string | Uint8Array = round.docx;
  for (const step of steps) {
    expect(await office.edit(from, { out, author: VENDOR, ...step, matchCase: true })).toEqual([]);
    from = out;
  }
  return out;
}

/** LibreOffice's accept-all of the markup and the imported contract rendered again, paragraph by paragraph. */
async function acceptedAndRendered(markup: string, yaml: string): Promise<[string[], string[]]> {
  const contract = parse(yaml) as VendorAgreement;
  const docx = await renderDocx(renderAgreement(contract, { extraContext: (c) => clauseContext(playbook, c) }).anchored, { epoch: 1_780_000_000 });
  return [paragraphsWithoutNumbering(await office.text(markup, 'accept')), paragraphsWithoutNumbering(await office.text(docx))];
}

const findings = (contract: VendorAgreement) =>
  checkContract(loadYamlText(JSON.stringify(contract), 'springfield-smartcam.yaml'), playbook)
    .diagnostics.filter((d) => d.code.startsWith('risk/'))
    .map((d) => `${d.code} ${d.path}`);

describe.skipIf(!lo.ok)(`a fact the vendor changes in its markup ${lo.reason}`, () => {
  it('the buyer’s jurisdiction: not applied, the rules keep reading Illinois, the vendor’s words kept and restated, the term beside it read', async () => {
    const markup = await markupOf('buyer-jurisdiction', [
      {
        replacements: [
          ['City of Springfield, organised under the laws of the State of Illinois', 'City of Springfield, organised under the laws of the State of Delaware'],
        ],
      },
      { replacements: [['forty-eight (48) hours', 'seventy-two (72) hours']], replaceAll: true },
    ]);
    const result = await importMarkup({ file: round.file, markup, playbook, dryRun: true });
    expect(result.values.map((v) => [v.path, v.from, v.to])).toEqual([[HOURS, 48, 72]]);
    expect(result.factsChanged).toMatchObject([
      {
        path: 'parties.buyer.jurisdiction',
        from: 'US-IL',
        to: 'US-DE',
        said: 'the State of Delaware',
        regions: ['paragraph:cover-page/Buyer'],
        author: VENDOR,
      },
    ]);
    const imported = parse(result.yaml) as VendorAgreement & { negotiatedWording?: Record<string, unknown>[] };
    const { negotiatedWording, ...values } = imported;
    expect(values).toEqual(withValues(base, { [HOURS]: 72 }));
    expect(negotiatedWording).toMatchObject([
      {
        paragraph: 'cover-page/Buyer',
        text: 'City of Springfield, organised under the laws of the State of Delaware, 800 East Monroe Street, Springfield, IL 62701',
        proposedBy: VENDOR,
        tracked: true,
        restates: [{ term: 'parties.buyer.jurisdiction', said: 'the State of Delaware', value: 'US-DE' }],
      },
    ]);
    expect(result.diff.product).toEqual([]);
    const [accepted, rendered] = await acceptedAndRendered(markup, result.yaml);
    expect(rendered).toEqual(accepted);
    // The rules read the buyer's facts: the risk findings are those of Illinois with 72 hours, not Delaware's.
    const { diagnostics } = checkContract(loadYamlText(result.yaml, 'springfield-smartcam.yaml'), playbook);
    expect(diagnostics.filter((d) => d.code.startsWith('risk/')).map((d) => `${d.code} ${d.path}`)).toEqual(findings(withValues(base, { [HOURS]: 72 })));
    expect(diagnostics.filter((d) => d.code === 'playbook/restated-term')).toMatchObject([
      {
        severity: 'error',
        path: '/negotiatedWording/0/restates/0',
        message:
          'paragraph cover-page/Buyer says parties.buyer.jurisdiction is "the State of Delaware" (US-DE), but the contract\'s fact is US-IL: the counterparty changed a fact, and the parties and the product decide which laws apply, so it was not applied; counsel to confirm: accept (set parties.buyer.jurisdiction to US-DE and remove the wording) or reject (remove the wording)',
      },
    ]);
    // Counsel accepts: the fact changed, the wording removed; check is then silent about it.
    const accepted2 = result.yaml.replace('jurisdiction: US-IL', 'jurisdiction: US-DE').replace(/\nnegotiatedWording:[\s\S]*$/, '\n');
    expect(checkContract(loadYamlText(accepted2, 'x.yaml'), playbook).diagnostics.filter((d) => d.code.startsWith('playbook/restated'))).toEqual([]);
    expect(formatImport(result, 'text')).toMatch(
      /\nFacts the counterparty changed: not applied, counsel to confirm\n {2}! parties\.buyer\.jurisdiction {2}US-IL → US-DE: paragraph cover-page\/Buyer now says "the State of Delaware"/,
    );
    expect(formatImport(result, 'text')).not.toMatch(/Product evaluation|parties\.buyer\.jurisdiction {2}US-IL → US-DE {2}\(/);
    expect(formatImport(result, 'markdown')).toContain('#### Facts the counterparty changed: not applied, counsel to confirm (1)');
  });

  it('the vendor’s own name and jurisdiction: neither applied, every passage naming it kept in the vendor’s words', async () => {
    const renamed = 'Acme Holdings, LLC';
    const markup = await markupOf('vendor-renamed', [
      { replacements: [['Acme Cameras Inc.', renamed]], replaceAll: true },
      { replacements: [['organised under the laws of the State of Delaware', 'organised under the laws of the State of Nevada']] },
    ]);
    const result = await importMarkup({ file: round.file, markup, playbook, dryRun: true });
    expect(result.values).toEqual([]);
    expect(result.factsChanged.map((f) => [f.path, f.from, f.to])).toEqual(
      expect.arrayContaining([
        ['parties.vendor.jurisdiction', 'US-DE', 'US-NV'],
        ['parties.vendor.name', 'Acme Cameras Inc.', renamed],
      ]),
    );
    const imported = parse(result.yaml) as VendorAgreement & { negotiatedWording?: { paragraph?: string; clause?: string; restates?: { term: string }[] }[] };
    const { negotiatedWording = [], ...values } = imported;
    expect(values).toEqual(base);
    expect(negotiatedWording.length).toBeGreaterThan(1);
    for (const entry of negotiatedWording)
      expect(
        entry.restates?.every((r) => /^(parties|product)\./.test(r.term)),
        JSON.stringify(entry),
      ).toBe(true);
    expect(negotiatedWording.find((e) => e.paragraph === 'cover-page/Vendor')?.restates?.map((r) => r.term)).toEqual(
      expect.arrayContaining(['parties.vendor.name', 'parties.vendor.jurisdiction']),
    );
    const [accepted, rendered] = await acceptedAndRendered(markup, result.yaml);
    expect(rendered).toEqual(accepted);
    const restated = checkContract(loadYamlText(result.yaml, 'x.yaml'), playbook).diagnostics.filter((d) => d.code === 'playbook/restated-term');
    expect(restated.length).toBeGreaterThanOrEqual(negotiatedWording.length);
    expect(restated.every((d) => d.severity === 'error' && d.message.includes('the counterparty changed a fact'))).toBe(true);
  });

  it('the product’s name: not applied, through the built CLI (exit 1, written, json carries it)', async () => {
    await markupOf('product-name', [{ replacements: [[PRODUCT, 'SmartCam 3000 Pro indoor camera']], replaceAll: true }]);
    const contracts = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, 'import', 'contracts/springfield-smartcam.yaml', 'product-name.docx', ...args], { cwd: round.dir, encoding: 'utf8' });
    const json = contracts('--dry-run', '--format', 'json');
    expect(json.status, json.stderr).toBe(1);
    expect(JSON.parse(json.stdout).factsChanged).toMatchObject([
      { path: 'product.name', from: PRODUCT, to: 'SmartCam 3000 Pro indoor camera', said: 'SmartCam 3000 Pro indoor camera' },
    ]);
    const run = contracts();
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Facts the counterparty changed: not applied, counsel to confirm\n  ! product.name');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'wrote contracts/springfield-smartcam.yaml; 1 fact changed by the counterparty NOT APPLIED: imported, but counsel must settle it (exit 1)',
    );
    const check = spawnSync(process.execPath, [CLI, 'check', 'contracts/springfield-smartcam.yaml'], { cwd: round.dir, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/says product\.name is "SmartCam 3000 Pro indoor camera" .*but the contract's fact is .*playbook\/restated-term/);
    const written = readFileSync(round.file, 'utf8');
    expect((parse(written) as VendorAgreement).product.name).toBe(PRODUCT);
    expect(written).toContain('restates:\n      - term: product.name');
    const [accepted, rendered] = await acceptedAndRendered(join(round.dir, 'product-name.docx'), written);
    expect(rendered).toEqual(accepted);
    round.git('checkout', '--', '.');
  });
});
