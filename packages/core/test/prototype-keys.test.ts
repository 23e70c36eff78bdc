import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYamlText } from '../src/load/load.js';
import { loadValidator } from '../src/validate/schemas.js';
import { validateLoaded } from '../src/validate/validate.js';

const example = readFileSync(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url), 'utf8');
const names = Object.getOwnPropertyNames(Object.prototype);
/** Values that would trip code comparing or printing them (fast-deep-equal calls `a.valueOf()` when it is overridden). */
const values = ['1', '{valueOf: 1, toString: 2, constructor: 3}', '[{hasOwnProperty: 1}, {__proto__: 1}]'];

describe('keys named like Object.prototype members', () => {
  it('never crash loading or validation, at every level, and are reported as unknown fields where they stand', async () => {
    const validator = await loadValidator('vendor-agreement');
    const lines = example.split('\n');
    // The first key of every block mapping: one place per level and per mapping.
    const indentOf = (line: string) => /^ */.exec(line)![0].length;
    const keyLines = lines.flatMap((line, i) =>
      /^ *[A-Za-z]\w*:/.test(line) && (i === 0 || !/^ *[A-Za-z]\w*:/.test(lines[i - 1]!) || indentOf(lines[i - 1]!) < indentOf(line)) ? [i] : [],
    );
    expect(keyLines.length).toBeGreaterThan(20);
    let checked = 0;
    for (const at of keyLines) {
      const indent = /^ */.exec(lines[at]!)![0];
      for (const name of names) {
        for (const value of [values[(at + name.length) % values.length]!]) {
          const text = [...lines.slice(0, at), `${indent}${name}: ${value}`, ...lines.slice(at)].join('\n');
          const loaded = loadYamlText(text, 'x.yaml');
          const diagnostics = [...loaded.diagnostics, ...validateLoaded(loaded, validator)];
          const unknown = diagnostics.find((d) => d.code === 'schema/unknown-field' && d.path.endsWith(`/${name}`));
          expect(unknown, `${name}: ${value} before line ${at + 1}: ${JSON.stringify(diagnostics.slice(0, 2))}`).toBeDefined();
          expect(unknown!.line).toBe(at + 1);
          checked++;
        }
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(names);
    expect(({} as Record<string, unknown>).valueOf).toBe(Object.prototype.valueOf);
    expect(checked).toBe(keyLines.length * names.length);
  }, 120_000);
});
