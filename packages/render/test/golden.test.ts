import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@contracts/render';
import { contractFiles, loadContract } from './helpers.js';

// Regenerate on purpose with UPDATE_GOLDEN=1 after changing a template, then review the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden Markdown of the example contracts', () => {
  it.each(contractFiles)('%s renders exactly as its golden file', async (name) => {
    const contract = await loadContract(name);
    const markdown = renderMarkdown(contract);
    const golden = new URL(`./golden/${contract.id}.md`, import.meta.url);
    if (update || !existsSync(golden)) writeFileSync(golden, markdown);
    expect(markdown).toBe(readFileSync(golden, 'utf8'));
  });

  it.each(contractFiles)('%s leaves no template syntax or undefined values behind', async (name) => {
    const markdown = renderMarkdown(await loadContract(name));
    expect(markdown).not.toMatch(/\{\{|\{%|%\}|\}\}|undefined|\[object Object\]/);
  });
});
