import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadYamlBytes, loadYamlText } from '../src/load/load.js';
import { parseOptions } from '../src/load/parse-options.js';
import { loadValidator } from '../src/validate/schemas.js';
import { validateLoaded } from '../src/validate/validate.js';

const example = readFileSync(new URL('../../../contracts/springfield-smartcam.yaml', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const all = async (text: string) => {
  const loaded = loadYamlText(text, 'x.yaml');
  return [...loaded.diagnostics, ...validateLoaded(loaded, await loadValidator('vendor-agreement'))];
};

describe('one clear diagnostic for bad input', () => {
  it('gives a file that is not a contract (README.md) one diagnostic, not dozens', () => {
    expect(parseDocument(readme, parseOptions).errors.length).toBeGreaterThan(20); // what yaml alone reports
    const { diagnostics } = loadYamlText(readme, 'README.md');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml/syntax', severity: 'error' });
    expect(diagnostics[0]!.message).toContain('the file does not look like a contract');
  });

  it('gives one tab-indented line one yaml/tab-indentation at the tab, not the cascade after it', () => {
    const text = example.replace('    kind: government', '\tkind: government');
    const diagnostics = loadYamlText(text, 'x.yaml').diagnostics;
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'yaml/tab-indentation', line: lineOf(text, '\tkind'), column: 1 })]);
    expect(diagnostics[0]!.message).toBe('This line is indented with a tab; YAML indentation must be spaces');
  });

  it('says in plain words what a value with ": " and a misaligned field are, with the field and no echoes', () => {
    const colon = example.replace('title: Connected Camera Purchase and Security Agreement', 'title: Cameras: Purchase Agreement');
    expect(loadYamlText(colon, 'x.yaml').diagnostics).toEqual([
      expect.objectContaining({
        code: 'yaml/syntax',
        path: '/title',
        line: lineOf(colon, 'title: Cameras'),
        message:
          'The value of title contains ": ", which YAML reads as the start of another field; put the value in quotes: title: "Cameras: Purchase Agreement"',
      }),
    ]);
    // One field of incidentResponse indented 3 spaces instead of 4: one diagnostic, not the four yaml gives.
    const indent = example.replace('    notificationHours: 48', '   notificationHours: 48');
    expect(parseDocument(indent, parseOptions).errors.length).toBeGreaterThan(1);
    const [d, ...rest] = loadYamlText(indent, 'x.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: '/terms/incidentResponse/notificationHours', line: lineOf(indent, '   notificationHours: 48') });
    expect(d!.message).toMatch(
      /^The line after notificationHours is indented more than notificationHours.*fields of one mapping must start at the same column$/,
    );
    // A field indented less than the one before it in its mapping: at its own column, naming that field.
    const dedent = example.replace('\n  vendor:\n', '\n vendor:\n');
    expect(loadYamlText(dedent, 'x.yaml').diagnostics[0]).toMatchObject({
      path: '/parties/vendor',
      line: lineOf(dedent, ' vendor:'),
      column: 2,
      message:
        'vendor starts at column 2, but buyer, the field before it in the same mapping, at column 3; fields of one mapping must start at the same column',
    });
    // yaml's own words are not cut short where they contain ": ".
    const long = `schemaVersion: 1\n${'k'.repeat(1100)}: 1\n`;
    expect(loadYamlText(long, 'x.yaml').diagnostics[0]!.message).toBe(
      'The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
    );
  });

  it('names a duplicate key and where it was first given', () => {
    const text = example.replace('    kind: government\n', '    kind: government\n    kind: company\n');
    const [d, ...rest] = loadYamlText(text, 'x.yaml').diagnostics;
    expect(rest).toEqual([]);
    const first = lineOf(text, 'kind: government');
    expect(d).toMatchObject({ code: 'yaml/duplicate-key', path: '/parties/buyer/kind', line: first + 1, column: 5 });
    expect(d!.message).toBe(`Field parties.buyer.kind is given twice (first on line ${first}); a mapping names each field once`);
    expect(d!.related).toEqual([expect.objectContaining({ file: 'x.yaml', line: first, column: 5, message: 'first given here' })]);
  });

  it('caps what one file reports and quotes at most a short escaped excerpt of it', () => {
    const secret = `AUTHORIZATION: basic ${'c2VjcmV0'.repeat(20)}\u001b[2J`;
    const text = `schemaVersion: 1\n}\n${secret}\n${Array.from({ length: 40 }, (_, i) => `a${i}: [\n`).join('')}`;
    const diagnostics = loadYamlText(text, 'x.yaml').diagnostics;
    expect(diagnostics.length).toBeLessThanOrEqual(10);
    for (const d of diagnostics) {
      expect(d.message.length).toBeLessThan(260);
      expect(d.message).not.toContain('c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0');
      expect(d.message).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('reads lone-CR line ends as line breaks (YAML 1.2), not as an empty file', () => {
    const loaded = loadYamlText(example.replace(/\n/g, '\r'), 'x.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual(loadYamlText(example, 'x.yaml').value);
  });

  it('keeps every byte-order mark but the first, as yaml does, and escapes the one left in a message', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const count of [1, 2]) {
      const bytes = Buffer.concat([...Array(count).fill(bom), Buffer.from('schemaVersion: 1\n')]);
      const loaded = loadYamlBytes(bytes, 'x.yaml');
      expect(loaded.value).toEqual(parseDocument(bytes.toString('utf8'), parseOptions).toJS());
    }
    const diagnostics = await all(`\ufeff\ufeff${example.replace(/^(#.*\n)+/, '')}`);
    expect(diagnostics.find((d) => d.code === 'schema/unknown-field')!.message).toContain('\\uFEFFschemaVersion');
  });

  it('counts no brackets inside block scalars, so a valid file is never refused as too deep', () => {
    const text = `schemaVersion: 1\nnotes: |\n  ${'['.repeat(100)}\n  ${'{'.repeat(100)}\nlist:\n  - >-\n    ${'['.repeat(100)}\n`;
    const loaded = loadYamlText(`${text}tab:\t1\n`, 'x.yaml'); // the tab sends it to yaml, past the nesting check
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual(parseDocument(`${text}tab:\t1\n`, parseOptions).toJS());
    expect(loadYamlText(`x: ${'['.repeat(100)}${']'.repeat(100)}\ny:\t1\n`, 'x.yaml').diagnostics[0]?.code).toBe('yaml/too-deep');
  });

  it('suggests a field name or value only for short text: a 2 MB key or value costs no edit distance', async () => {
    const long = 'x'.repeat(2 * 1024 * 1024 - 10000);
    for (const [text, code] of [
      [example.replace('schemaVersion: 1', `schemaVersion: 1\n? ${long}\n: 1`), 'schema/unknown-field'], // an explicit key: no 1024 limit
      [example.replace('kind: government', `kind: ${long}`), 'schema/enum'],
    ] as const) {
      const started = performance.now();
      const diagnostics = await all(text);
      expect(performance.now() - started).toBeLessThan(2000); // a hang guard; it was 6 s
      const d = diagnostics.find((x) => x.code === code)!;
      expect(d.message.length).toBeLessThan(400);
      expect(d.fix).toBeUndefined();
    }
  });

  it('says when yaml reads a key as something else than written, and when two keys become one name', () => {
    const loaded = loadYamlText('schemaVersion: 1\nclauses:\n  1.10: a\n  007: b\n  True: c\n', 'x.yaml');
    expect(loaded.value).toEqual(parseDocument('schemaVersion: 1\nclauses:\n  1.10: a\n  007: b\n  True: c\n', parseOptions).toJS());
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
      ['yaml/non-string-key', 'warning', 3, 'Key 1.10 is read as the number 1.1; quote it ("1.10") to keep it as written'],
      ['yaml/non-string-key', 'warning', 4, 'Key 007 is read as the number 7; quote it ("007") to keep it as written'],
      ['yaml/non-string-key', 'warning', 5, 'Key True is read as the boolean true; quote it ("True") to keep it as written'],
    ]);
    const collision = loadYamlText('schemaVersion: 1\nclauses:\n  "1": a\n  1: b\n', 'x.yaml');
    expect(collision.value).toBeUndefined();
    expect(collision.diagnostics).toEqual([
      expect.objectContaining({ code: 'yaml/duplicate-key', line: 4, path: '/clauses/1', related: [expect.objectContaining({ line: 3 })] }),
    ]);
    // yaml itself reports 1 with 01 (equal values): one diagnostic, naming the key.
    const [d, ...rest] = loadYamlText('schemaVersion: 1\nclauses:\n  1: a\n  01: b\n', 'x.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'yaml/duplicate-key',
      line: 4,
      message: 'Field clauses[1] is given twice (first on line 3); a mapping names each field once',
    });
  });

  it('does linear work on a very wide mapping, whichever reader reads it, and lists at most 200 schema problems', async () => {
    const wide = `schemaVersion: 1\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: 1\n`).join('')}`;
    for (const text of [wide, wide.replace('schemaVersion: 1', 'schemaVersion: 1 #\tto yaml')]) {
      const started = performance.now();
      const diagnostics = await all(text);
      // Was n²: yaml's duplicate check and a sibling walk per diagnostic took minutes. A hang guard, not a benchmark.
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(diagnostics.filter((d) => d.code.startsWith('schema/'))).toHaveLength(200);
      expect(diagnostics.at(-1)!.message).toMatch(/more schema problems in this file, not listed/);
    }
  }, 60_000);
});
