import { readFileSync } from 'node:fs';
import { loadValidator, type VendorAgreement } from '@contracts/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderAgreement } from '@contracts/render';
import { breather, fuzzSettings } from '../../../test-support/fuzz.js';
import { contractFiles, loadContract } from './helpers.js';
import { objectArbitrary, type SchemaNode } from './support/schema-arbitrary.js';

// Valid means renderable: every contract the schema accepts renders to Markdown and HTML without
// throwing and without leftovers. A fixed seed in CI; `pnpm fuzz` runs it longer (test-support/fuzz.ts).
const fuzz = fuzzSettings({ seed: 20_260_601, runs: 150, msPerRun: 2_000 });
const schema = JSON.parse(readFileSync(new URL('../../../schemas/vendor-agreement.schema.json', import.meta.url), 'utf8')) as SchemaNode;

describe('every contract the schema accepts renders', () => {
  it(`to Markdown and HTML (${fuzz.label})`, { timeout: fuzz.timeout }, async () => {
    const validator = await loadValidator('vendor-agreement');
    const seeds = await Promise.all(contractFiles.map(loadContract));
    const contracts = fc.constantFrom(...seeds).chain((base) => objectArbitrary(schema, schema, base as unknown as Record<string, unknown>));
    let accepted = 0;
    let runs = 0;
    const breathe = breather(5);
    await fc.assert(
      fc.asyncProperty(contracts, async (value) => {
        await breathe();
        runs++;
        if (!validator(value)) return true; // the schema's judgement, not ours
        accepted++;
        const { markdown, anchored, anchors } = renderAgreement(value as unknown as VendorAgreement);
        // No template syntax left unescaped, no object printed, no anchor mark in the people's Markdown.
        expect(markdown).not.toMatch(/(?<!\\)\{[{%]|\[object Object\]|[\uE000-\uE007]/);
        expect(markdown).toMatch(/^#/);
        expect(new Set(anchors.map((a) => a.id)).size).toBe(anchors.length);
        markdownToHtml(anchored);
        return true;
      }),
      { ...fuzz.options, endOnFailure: true },
    );
    // The generator must mostly make valid contracts, or the property proves little.
    expect(accepted / runs).toBeGreaterThan(0.5);
  });
});
