import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@contracts/render';
import { asRendered, contractFiles, loadContract } from './helpers.js';

// Regenerate on purpose with UPDATE_GOLDEN=1 after changing a template, then review the diff. The goldens
// are what `contracts render --to md` prints: the bundled playbook decides which laws are named.
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden Markdown of the example contracts', () => {
  it.each(contractFiles)('%s renders exactly as its golden file', async (name) => {
    const contract = await loadContract(name);
    const markdown = renderMarkdown(contract, asRendered);
    const golden = new URL(`./golden/${contract.id}.md`, import.meta.url);
    if (update) writeFileSync(golden, markdown);
    // A missing golden is a failure, not a new golden: write it on purpose with UPDATE_GOLDEN=1.
    expect(existsSync(golden), `${golden.pathname} is missing; run UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });

  it('has a golden for every example contract and no golden without one', async () => {
    const ids = await Promise.all(contractFiles.map(async (name) => `${(await loadContract(name)).id}.md`));
    expect(readdirSync(new URL('./golden/', import.meta.url)).sort()).toEqual(ids.sort());
  });

  it.each(contractFiles)('%s leaves no template syntax or undefined values behind', async (name) => {
    const markdown = renderMarkdown(await loadContract(name), asRendered);
    expect(markdown).not.toMatch(/\{\{|\{%|%\}|\}\}|undefined|\[object Object\]/);
  });
});
