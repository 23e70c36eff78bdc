import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@contracts/render';
import { parseLabels } from '../src/liquid/filters.js';
import { jurisdictionName, placeCodesNamedIn, regionName } from '../src/places.js';
import { loadContract } from './helpers.js';

const require = createRequire(import.meta.url);
const labels = parseLabels(require('../../../templates/labels.json'));
const iso = require('iso-3166-2') as { country(code: string): { sub: Record<string, { name: string; type: string }> } | null };

describe('jurisdiction and region names come from the ISO 3166 datasets', () => {
  it.each([
    ['US-MA', 'the Commonwealth of Massachusetts'],
    ['US-IL', 'the State of Illinois'],
    ['US-DC', 'the District of Columbia'],
    ['GB-ENG', 'England and Wales'],
    ['CA-ON', 'the Province of Ontario'],
    ['DE', 'Germany'],
    ['NL', 'the Netherlands'],
    ['FR-75', 'Paris, France'],
  ])('%s reads "%s"', (code, name) => expect(jurisdictionName(code, labels)).toBe(name));

  it('names every US state from the dataset, with its style', () => {
    const states = Object.entries(iso.country('US')!.sub).filter(([, s]) => s.type === 'State');
    expect(states.length).toBe(50);
    for (const [code, s] of states) expect(jurisdictionName(code, labels)).toMatch(new RegExp(`^the (State|Commonwealth) of ${s.name}$`));
  });

  it('prints a code no dataset knows as written (the drafting lint reports it)', () => {
    expect(jurisdictionName('US-ZZ', labels)).toBe('US-ZZ');
    expect(regionName('EU', labels)).toBe('the European Union');
    expect(regionName('CH', labels)).toBe('Switzerland');
  });

  it('reads codes back from the names written (longest name first, whole words only)', () => {
    expect(placeCodesNamedIn('the laws of the State of Delaware, without regard')).toEqual(['US-DE']);
    expect(placeCodesNamedIn('the State of New York')[0]).toBe('US-NY');
    expect(placeCodesNamedIn('courts of Germany')).toContain('DE');
    expect(placeCodesNamedIn('Delawareans')).toEqual([]);
    // Every US state reads back to its own code from the wording render prints.
    for (const [code] of Object.entries(iso.country('US')!.sub).filter(([, s]) => s.type === 'State'))
      expect(placeCodesNamedIn(jurisdictionName(code, labels))).toContain(code);
  });
});

describe('extra context from the caller', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clauses-extra-'));
  mkdirSync(join(dir, 'clauses'));
  writeFileSync(
    join(dir, 'clauses/audit.md.liquid'),
    '{% heading %}\n\n**{% clause "x" %}** {% if applicable.some-rule %}Applies from {{ applicable.some-rule.from }}.{% else %}Nothing.{% endif %}\n',
  );

  it('is visible to every template, and absent when not given', async () => {
    const contract = await loadContract('springfield-smartcam.yaml');
    expect(renderMarkdown(contract, { templatesDir: dir, extraContext: { applicable: { 'some-rule': { from: '2027-12-11' } } } })).toContain(
      'Applies from 2027-12-11.',
    );
    expect(renderMarkdown(contract, { templatesDir: dir })).toContain('Nothing.');
  });

  it('cannot replace the names the renderer gives templates', async () => {
    const contract = await loadContract('springfield-smartcam.yaml');
    expect(() => renderMarkdown(contract, { extraContext: { c: {} } })).toThrow(/extraContext may not set `c`/);
  });
});
