import { describe, expect, it } from 'vitest';
import { formatNames, formatters } from '@contracts/format';
import { diagnostics, options } from './sample.js';

// Goldens live in fixtures/golden; after an intended format change, update them with `-u` and review the diff.
describe.each(formatNames)('the %s formatter', (name) => {
  const format = formatters[name];

  it('matches its golden output', async () => {
    await expect(format(diagnostics, options)).toMatchFileSnapshot(`./fixtures/golden/${name}.txt`);
  });

  it('matches its golden output with --verbose', async () => {
    await expect(format(diagnostics, { ...options, verbose: true })).toMatchFileSnapshot(`./fixtures/golden/${name}.verbose.txt`);
  });

  it('gives the same bytes whatever the input order', () => {
    expect(format(diagnostics.slice().reverse(), options)).toBe(format(diagnostics, options));
  });

  it('handles no diagnostics and no options', () => {
    expect(format([])).toMatch(/\S/);
  });
});

it('registers every format named in the architecture', () => {
  expect(formatNames).toEqual(['stylish', 'json', 'github', 'sarif', 'junit', 'markdown']);
});
