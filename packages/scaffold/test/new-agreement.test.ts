import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContract, loadPlaybook, preferredTerms, resolvePlaybookPath, ruleApplicability } from '@contracts/playbook';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadYamlText, yamlLib } from '@contracts/core';
import { collectsPersonalData, DEFAULTS, type Evaluation, evaluationChoices, jurisdictionFromName, newAgreement, regionOf } from '../src/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scaffold-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the vendor country read from its legal form', () => {
  it.each([
    ['Klimatik GmbH', 'DE'],
    ['Badgeworks Ltd.', 'GB'],
    ['Acme Cameras, Inc.', 'US'],
    ['Nordlicht AB', 'SE'],
    ['Sakura Devices K.K.', 'JP'],
    ['Lumen Pty Ltd', 'AU'],
    ['Siemens AG', 'DE'],
    ['Müller & Söhne KG', 'DE'],
    ['Acme ULC', 'CA'],
  ])('reads %s as %s', (name, country) => expect(jurisdictionFromName(name)).toBe(country));

  it('guesses nothing from a name without a legal form', () => expect(jurisdictionFromName('Acme Cameras')).toBeUndefined());
});

describe('a new agreement', () => {
  it("starts every negotiable term at the playbook's preferred position and says what it assumed", async () => {
    const out = join(dir, 'hvac.yaml');
    const { file, text, assumed } = await newAgreement('hvac', { vendor: 'Klimatik GmbH', out });
    expect(file).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(text);
    const value = yamlLib().parse(text) as { parties: { vendor: { jurisdiction: string } }; terms: Record<string, unknown> };
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    for (const [section, terms] of Object.entries(preferredTerms(playbook!))) expect(value.terms[section]).toMatchObject(terms as object);
    expect(value.parties.vendor.jurisdiction).toBe('DE');
    expect(assumed).toContain('vendor jurisdiction DE, from the legal form in "Klimatik GmbH" (--vendor-jurisdiction to change)');
    expect(assumed.some((a) => a.startsWith('product category (--category): other'))).toBe(true);
  });

  it('asks only the questions the given answers leave open, and assumes nothing it asked', async () => {
    let asked: Set<keyof Evaluation> | undefined;
    const { assumed, text } = await newAgreement('cams', {
      vendor: 'Acme Cameras, Inc.',
      out: join(dir, 'cams.yaml'),
      evaluation: { category: 'camera' },
      ask: async (start, open) => {
        asked = new Set(open);
        expect(start.category).toBe('camera');
        return { dataCollected: ['video'] };
      },
    });
    expect(asked?.has('category')).toBe(false);
    expect(asked?.has('dataCollected')).toBe(true);
    expect(assumed.some((a) => a.startsWith('data collected'))).toBe(false);
    expect(yamlLib().parse(text).product).toMatchObject({ category: 'camera', dataCollected: ['video'] });
  });

  it('never replaces an existing file unless forced', async () => {
    const out = join(dir, 'x.yaml');
    await newAgreement('x', { vendor: 'A Inc.', out });
    await expect(newAgreement('x', { vendor: 'B Inc.', out })).rejects.toMatchObject({ exitCode: 2 });
    expect(readFileSync(out, 'utf8')).toContain('name: A Inc.');
    await newAgreement('x', { vendor: 'B Inc.', out, force: true });
    expect(readFileSync(out, 'utf8')).toContain('name: B Inc.');
  });

  it('refuses an id git cannot tag and a name over the schema limit, as usage errors', async () => {
    await expect(newAgreement('Bad Id', { vendor: 'A Inc.', out: join(dir, 'a.yaml') })).rejects.toMatchObject({ code: 'usage/bad-id' });
    await expect(newAgreement('ok', { vendor: 'x'.repeat(201), out: join(dir, 'b.yaml') })).rejects.toMatchObject({ code: 'usage/bad-name' });
  });
});

describe('the evaluation', () => {
  it("offers only the schema's values, and every default is one of them", () => {
    const choices = evaluationChoices();
    expect(choices.category).toContain(DEFAULTS.category);
    expect(choices.network).toContain(DEFAULTS.network);
    expect(choices.buyerKind).toContain(DEFAULTS.buyerKind);
    for (const p of DEFAULTS.physical) expect(choices.physical).toContain(p);
    for (const d of DEFAULTS.dataCollected) expect(choices.dataCollected).toContain(d);
  });

  it('stores data in the buyer country by default, or "other" for a country the schema has no region for', () => {
    const { regions } = evaluationChoices();
    expect(regionOf('US-IL', regions)).toBe('US');
    expect(regionOf('ZZ', regions)).toBe('other');
  });
});

describe('a new agreement passes its own check', () => {
  // Evaluations whose facts do not collide with a buyer policy: each rule they bring in is met at once.
  const evaluations: [string, Partial<Evaluation>][] = [
    [
      'an EU-market HVAC sensor with vendor VPN access',
      { buyerJurisdiction: 'US-MA', category: 'building-sensor', remoteAccess: true, remoteMethod: 'vpn', storage: ['DE'], markets: ['EU'] },
    ],
    [
      'a hospital’s cloud-connected medical device',
      {
        buyerKind: 'healthcare',
        buyerJurisdiction: 'US-CA',
        category: 'medical-device',
        dataCollected: ['health', 'personal'],
        remoteAccess: true,
        remoteMethod: 'vendor-cloud',
        features: ['cloudSync'],
      },
    ],
    [
      'a German office’s sensors with data in the US',
      { buyerJurisdiction: 'DE', category: 'building-sensor', dataCollected: ['personal'], dataSubjects: ['employees'], storage: ['US'], processing: ['US'] },
    ],
    [
      'biometric door access in England',
      {
        buyerJurisdiction: 'GB-ENG',
        category: 'access-control',
        dataCollected: ['biometric'],
        dataSubjects: ['employees'],
        features: ['facialRecognition'],
        internetFacing: true,
      },
    ],
    [
      'a city’s cameras with analytics',
      { buyerKind: 'government', buyerJurisdiction: 'US-NY', category: 'camera', dataCollected: ['video'], features: ['analytics'], storage: ['US'] },
    ],
  ];

  it.each(evaluations)('%s: no error and no warning, the required terms listed', async (_name, evaluation) => {
    const out = join(dir, 'new.yaml');
    const { required, text } = await newAgreement('new-deal', {
      vendor: 'Acme Devices Inc.',
      buyer: 'Example Buyer LLC',
      product: 'Sensor 9',
      securityEmail: 'soc@buyer.example',
      out,
      // "Inc." says only US; the state a vendor is organised in is the drafter's to give (see the test below).
      evaluation: { vendorJurisdiction: 'US-DE', ...evaluation },
    });
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const checked = checkContract(loadYamlText(text, out), playbook!);
    expect(checked.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.message}`)).toEqual([]);
    for (const r of required) expect(text).toContain(r.term.split('.').at(-1)!);
  });

  it('warns that parties established only "in the US" leave their recitals and the governing law without a state', async () => {
    const out = join(dir, 'us.yaml');
    const { text } = await newAgreement('us-deal', {
      vendor: 'Acme Devices Inc.',
      buyer: 'Example Buyer LLC',
      product: 'Sensor 9',
      securityEmail: 'soc@buyer.example',
      out,
    });
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const found = checkContract(loadYamlText(text, out), playbook!).diagnostics.filter((d) => d.severity !== 'info');
    expect(found.map((d) => `${d.code} ${d.path}`)).toEqual([
      'drafting/country-only-organisation /parties/buyer/jurisdiction',
      'drafting/country-only-organisation /parties/vendor/jurisdiction',
      'drafting/country-only-law /terms/jurisdiction/governingLaw',
    ]);
  });

  it('warns about each placeholder it wrote, at its line, until the drafter writes the real value', async () => {
    const out = join(dir, 'placeholders.yaml');
    const { text } = await newAgreement('placeholders', { vendor: 'Acme Devices Inc.', out, evaluation: { buyerJurisdiction: 'US-NY' } });
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const loaded = loadYamlText(text, out);
    const found = checkContract(loaded, playbook!).diagnostics.filter((d) => d.code === 'drafting/placeholder');
    const lines = text.split('\n');
    expect(found.map((d) => [d.path, lines[d.line - 1]!.trim(), d.fix])).toEqual([
      ['/parties/buyer/name', 'name: Buyer', 'write the real legal name (contracts new --buyer)'],
      ['/product/name', 'name: Product name and model', 'write the real product name and model (contracts new --product)'],
    ]);
  });

  it('keeps a real conflict visible: a US city’s residency policy against an evaluation that stores data in the EU', async () => {
    const out = join(dir, 'conflict.yaml');
    const { text } = await newAgreement('conflict', {
      vendor: 'Acme Devices Inc.',
      out,
      evaluation: { buyerKind: 'government', buyerJurisdiction: 'US-IL', category: 'camera', dataCollected: ['video'], storage: ['EU'] },
    });
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const codes = checkContract(loadYamlText(text, out), playbook!).diagnostics.map((d) => d.code);
    expect(codes).toContain('risk/evaluation-terms-storage-location');
  });

  it("says personal data is processed when its answers say people's data is collected, and the privacy laws then apply", async () => {
    const out = join(dir, 'badges.yaml');
    const { text } = await newAgreement('badges', {
      vendor: 'TrackCo Ltd.',
      buyer: 'Hafen Logistik GmbH',
      out,
      evaluation: { dataCollected: ['location', 'telemetry'], dataSubjects: ['employees'], storage: ['US'], processing: ['US'] },
    });
    const value = yamlLib().parse(text) as { product: { personalData?: { processed: boolean } } };
    expect(value.product.personalData).toEqual({ processed: true });
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const applies = ruleApplicability(playbook!, value)
      .filter((a) => a.status === 'applies')
      .map((a) => a.ruleId);
    expect(applies).toEqual(expect.arrayContaining(['eu-gdpr-processor-terms', 'eu-transfer-mechanism']));
  });

  it("reads people's data from the answers exactly as the playbook reads an evaluation that does not say (every combination)", async () => {
    const { playbook } = await loadPlaybook(resolvePlaybookPath(undefined));
    const kinds = evaluationChoices().dataCollected;
    for (let mask = 0; mask < 1 << kinds.length; mask++)
      for (const dataSubjects of [[], ['employees']]) {
        const dataCollected = kinds.filter((_, i) => mask & (1 << i));
        const unstated = { parties: { buyer: { jurisdiction: 'DE' } }, product: { dataCollected, ...(dataSubjects.length ? { dataSubjects } : {}) } };
        const playbookSays = ruleApplicability(playbook!, unstated, { rules: new Set(['eu-gdpr-processor-terms']) })[0]!.status === 'applies';
        expect(collectsPersonalData({ dataCollected, dataSubjects }), `${dataCollected.join(',')} / ${dataSubjects.join(',')}`).toBe(playbookSays);
      }
  });
});
