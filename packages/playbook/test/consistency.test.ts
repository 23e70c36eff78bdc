import { describe, expect, it } from 'vitest';
import { checkContract } from '../src/index.js';
import { asLoaded, baseContract, defaultPlaybook } from './helpers.js';

/** Each check: a change to the Nordlicht example that makes the evaluation and the terms disagree. */
describe('consistency between the product evaluation and the terms', async () => {
  const playbook = await defaultPlaybook();
  const line = (text: string, n: number) => text.split('\n')[n - 1]!;
  const found = (mutate: (c: any) => void, id: string) => {
    const c = baseContract();
    mutate(c);
    const loaded = asLoaded(c);
    return { loaded, d: checkContract(loaded, playbook).diagnostics.filter((x) => x.code === `risk/${id}`) };
  };

  it('reports backups in Canada against a US-only residency clause, on both lines', () => {
    const { loaded, d } = found((c) => {
      c.product.dataLocations = { storage: ['US'], processing: ['US'], backups: ['CA'], supportAccess: ['US'] };
      c.terms.jurisdiction.dataResidency = ['US'];
    }, 'evaluation-terms-backup-location');
    expect(d).toHaveLength(1);
    expect(line(loaded.text, d[0]!.line)).toMatch(/dataResidency/);
    expect(d[0]!.related![0]!.path).toBe('/product/dataLocations/backups/0');
    expect(line(loaded.text, d[0]!.related![0]!.line)).toMatch(/backups|- CA/);
  });

  it('accepts backups outside the residency when the clause does not cover backups', () => {
    const { d } = found((c) => {
      c.product.dataLocations.backups = ['CA'];
      c.terms.jurisdiction.backupsIncluded = false;
    }, 'evaluation-terms-backup-location');
    expect(d).toEqual([]);
  });

  it('reports vendor remote access the terms neither permit nor control', () => {
    const { d } = found((c) => delete c.terms.remoteAccess, 'evaluation-terms-remote-access');
    expect(d).toHaveLength(1);
    expect(d[0]!.related![0]!.path).toBe('/product/vendorRemoteAccess/enabled');
  });

  it('reports audio enabled in the deployment while the terms promise it ships disabled', () => {
    const { d } = found((c) => {
      c.product.featuresEnabled.audio = true;
      c.terms.privacy = { ...c.terms.privacy, audioDisabledByDefault: true };
    }, 'evaluation-terms-audio');
    expect(d).toHaveLength(1);
  });

  it('reports a subprocessor named in the evaluation but absent from the terms, matching names case-insensitively', () => {
    const { d } = found((c) => {
      c.product.subprocessors = [
        { name: 'NORTHWIND ANALYTICS INC.', service: 'analytics', dataAccess: true },
        { name: 'Maple Backup Ltd', service: 'backups', location: 'CA', dataAccess: true },
      ];
    }, 'evaluation-terms-subprocessors');
    expect(d.map((x) => x.related![0]!.path)).toEqual(['/product/subprocessors/1/name']);
    expect(d[0]!.path).toBe('/terms/flowDown/subcontractors');
  });

  it('reports a §889 representation that the evaluation contradicts', () => {
    const { d } = found((c) => {
      c.product.manufacturers = ['Hangzhou Hikvision Digital Technology Co.'];
      c.terms.jurisdiction.section889Representation = true;
    }, 'evaluation-terms-covered-equipment');
    expect(d).toHaveLength(1);
  });

  it('finds nothing in the bundled example, whose evaluation and terms agree', () => {
    const loaded = asLoaded(baseContract());
    expect(checkContract(loaded, playbook).inconsistencies).toEqual([]);
  });
});
