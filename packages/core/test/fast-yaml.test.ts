import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { LineIndex } from '../src/load/line-index.js';
import { locate } from '../src/load/locate.js';
import { judge } from './differential.js';

const reference = (text: string) => parseDocument(text, { uniqueKeys: true, merge: false, resolveKnownTags: false, strict: true }).toJS();
const examplesDir = new URL('../../../contracts/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'));

/** Every pointer to every value in a plain JSON-like value. */
function pointers(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [at];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return [at, ...entries.flatMap(([k, v]) => pointers(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
}

describe('fast YAML reader', () => {
  it('reads every bundled example, exactly as the full parser does', () => {
    for (const text of examples) {
      const fast = fastParseYaml(text);
      expect(fast, 'the examples should take the fast path').toBeDefined();
      expect(fast!.value).toStrictEqual(reference(text));
    }
  });

  it('points at the same line and column as the full parser for every field of the examples', () => {
    for (const text of examples) {
      const fast = fastParseYaml(text)!;
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter });
      const viaTree = { document, lineCounter, text } as never;
      const viaOffsets = { document: undefined, fields: fast.fields, lineCounter, text } as never;
      for (const pointer of pointers(fast.value).filter((p) => p !== '')) {
        const a = locate(viaTree, pointer);
        const b = locate(viaOffsets, pointer);
        expect({ pointer, line: b.line, column: b.column }).toEqual({ pointer, line: a.line, column: a.column });
      }
    }
  });

  it("computes the same line and column as yaml's LineCounter for every offset", () => {
    for (const text of [...examples, 'a: 1\r\nb: 2\r\n', '\n\nx: y', '']) {
      const lineCounter = new LineCounter();
      parseDocument(text, { lineCounter });
      const index = new LineIndex(text);
      for (let offset = 0; offset < text.length; offset += 7) expect(index.linePos(offset)).toEqual(lineCounter.linePos(offset));
    }
  });

  const tricky = [
    'a: 1e3\n',
    'a: 0x1F\n',
    'a: 0o17\n',
    'a: +1\n',
    'a: 007\n',
    'a: .inf\n',
    'a: 1_000\n',
    'a: 12345678901234567890\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: "x\n  y"\n',
    'a: b\n  c\n',
    'a: [1,\n  2]\n',
    'a: {b: [1]}\n',
    'a: 1\na: 2\n',
    'a:\n\t- x\n',
    '- a\n',
    'a: b: c\n',
    'a: "x" # c\n',
    "a: 'it''s'\n",
    'a: "\\u00e9\\n"\n',
    'a: >\n  x\n\n  y\n',
    'a: |\n  x\n   y\n',
    'a: >+\n  x\n',
    '? a\n: b\n',
    'a: [a, b, ]\n',
    'a: {b: 1, b: 2}\n',
    'a: x #c\n',
    'a: yes\n',
    'a: 2026-01-01\n',
    'a: ~\n',
    'a:\n',
    'a: -x\n',
    'a: - x\n',
    'a: :x\n',
    '__proto__: 1\n',
    'a:\n- x\n- y\nb: 1\n',
    'a:\n  - b: 1\n    c: 2\n  - d\n',
    'a: "#x"\n',
    'a: x#y\n',
    'a: ""\n',
    "a: ''\n",
    'a: []\n',
    'a: {}\n',
    'a: [x, "y, z", \'w\']\n',
    'a: {b: "c: d", e: f}\n',
    'a: >-\n  one\n  two\n',
    'a: |-\n  one\n  two\n',
    '"q": 1\n',
    'a: 1\n---\nb: 2\n',
    // Only the space is YAML white space: other Unicode spaces are content, never trimmed.
    'a: b\u00a0\n',
    'a: b\u2028\n',
    'a: \ufeffb\n',
    'a: "x"\u00a0\n',
    'a: \u00a0\n',
    'a: [b\u00a0, c]\n',
    'a: b \u00a0\n',
    'a:\u00a0b\n',
    'a: b\rc: d\n',
    '- a\r- b\n',
    // Block scalars next to blank and comment lines, where a line-based reader could drop content.
    'a: |\n\n  x\n',
    'a: |\n  x\n  # y\nb: 1\n',
    'a: >\n  x\n  #y\n',
    'a: |\n  x\n# c\nb: 1\n',
    'a: | # c\n  x\n',
    'a: |\n  x\n\nb: 1\n',
    // Keys Object.prototype already has: the reader leaves them to the full parser.
    'constructor: 1\n',
    'toString: x\n',
    'a:\n  hasOwnProperty: 1\n',
    'a: {valueOf: 1}\n',
    'a: 1.50\n',
    'a: -0\n',
    'a: 0.000001\n',
    'a: b\r\nc: d\r\n',
    'a:   spaced   \n',
    'a: "\\x41"\n',
    'a: [1, [2]]\n',
    'a: {b: [1, {c: d}], e: []}\n',
    'a: [[[[x]]]]\n',
    'a: [x, {y: [z, "w, v"]}]\n',
  ];

  it('either agrees with the full parser or steps aside, on tricky inputs', () => {
    for (const text of tricky) judge(text);
  });

  it('reads keys as the core schema does, or hands them to yaml (issue 9: 1.10, 0x1F, 007, True, null, 1 with 01)', () => {
    for (const text of [
      '1.10: a\n',
      '0x1F: a\n',
      '007: a\n',
      'True: a\n',
      'null: a\n',
      '~: a\n',
      '1: a\n01: b\n',
      'a: {1.10: x}\n',
      'a: {True: x}\n',
      '1: a\n',
    ]) {
      expect(judge(text), text).toBe('bailed');
    }
    expect(fastParseYaml('clause-1.10: a\n')!.value).toEqual({ 'clause-1.10': 'a' });
  });

  it('takes flow keys with spaces before the colon as yaml does: { high : 60 } has the key high', () => {
    for (const text of ['a: {b : c}\n', 'a: { high : 60 }\n', 'a: {x  : 1, y: 2}\n']) expect(judge(text), text).toBe('agreed');
    expect(fastParseYaml('a: { high : 60 }\n')!.value).toEqual({ a: { high: 60 } });
  });

  it('keeps lines of spaces after a block scalar (suite case L24T), a final CR, long keys and extra byte-order marks as yaml does', () => {
    for (const text of [
      'foo: |\n  x\n   \n',
      'foo: |\n  x\n   ',
      'foo: >\n  x\n   \n',
      'k: TRUE\r',
      'k: a\r\nj: b\r',
      `${'k'.repeat(1100)}: a\n`,
      '\ufeff\ufeffa: 1\n',
    ]) {
      expect(judge(text), JSON.stringify(text)).toBe('bailed');
    }
    expect(judge('\ufeffa: 1\n')).toBe('agreed');
    expect(judge(`${'k'.repeat(900)}: a\n`)).toBe('agreed');
  });

  it('agrees with the full parser on random documents in every style yaml writes', () => {
    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 _-]{0,12}$/);
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^[a-z0-9 .,:#'"-]{0,16}$/),
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, value.node, { minKeys: 1, maxKeys: 6 }), fc.boolean(), fc.integer({ min: 0, max: 20 }), (doc, flow, flowLevel) => {
        const text = stringify(doc, { collectionStyle: flow ? 'flow' : 'any', flowCollectionPadding: flowLevel % 2 === 0, lineWidth: 40 + flowLevel });
        const fast = fastParseYaml(text);
        if (fast) expect(fast.value).toStrictEqual(reference(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the full parser, values and positions, on hand-written-looking lines', () => {
    // yaml.stringify writes tidy YAML; people write comments, odd spacing, Unicode spaces and quotes.
    const word = fc.constantFrom(
      'a',
      'b',
      'key',
      'x y',
      'aes-256',
      '24',
      '1.5',
      'true',
      'null',
      '~',
      '-x',
      ':x',
      'a:b',
      '#x',
      'é',
      '\u00a0',
      '\u2028',
      '\ufeff',
    );
    const scalar = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w}'`),
      fc.array(word, { maxLength: 3 }).map((w) => `[${w.join(', ')}]`),
    );
    const trail = fc.constantFrom('', '', ' ', '  # note', ' #', '\u00a0', '\t', '\r');
    const keys = fc.uniqueArray(fc.constantFrom('k', 'a', 'b', 'list', 'x y', 'k2', 'z'), { minLength: 1, maxLength: 4 });
    const colon = fc.constantFrom(': ', ': ', ':  ');
    const pair = (indent: string, key: string) => fc.tuple(colon, scalar, trail).map(([c, value, end]) => `${indent}${key}${c}${value}${end}`);
    const nested = (key: string) =>
      fc.oneof(
        keys.chain((inner) => fc.tuple(...inner.map((k) => pair('  ', k)))).map((lines) => [`${key}:`, ...lines]),
        fc
          .array(fc.tuple(fc.constantFrom('  ', ''), scalar, trail), { minLength: 1, maxLength: 3 })
          .map((items) => [`${key}:`, ...items.map(([i, v, t]) => `${i}- ${v}${t}`)]),
      );
    const extra = fc.constantFrom('', '# comment', '  # indented comment', '   ');
    let answered = 0;
    fc.assert(
      fc.property(
        keys.chain((ks) =>
          fc.tuple(
            ...ks.map((k) =>
              fc.oneof(
                pair('', k).map((l) => [l]),
                nested(k),
              ),
            ),
          ),
        ),
        fc.array(extra, { maxLength: 2 }),
        (entries, extras) => {
          const lines = entries.flat();
          for (const [i, e] of extras.entries()) lines.splice(Math.min(lines.length, 1 + i * 2), 0, e);
          const text = `${lines.join('\n')}\n`;
          const fast = fastParseYaml(text);
          if (!fast) return;
          answered++;
          const lineCounter = new LineCounter();
          const document = parseDocument(text, { uniqueKeys: true, merge: false, resolveKnownTags: false, strict: true, lineCounter });
          expect({ text, errors: document.errors.length + document.warnings.length }).toEqual({ text, errors: 0 });
          expect({ text, value: fast.value }).toStrictEqual({ text, value: document.toJS() });
          const viaTree = { document, lineCounter, text } as never;
          const viaOffsets = { document: undefined, fields: fast.fields, lineCounter, text } as never;
          for (const pointer of pointers(fast.value).filter((p) => p !== '')) {
            const [fastAt, treeAt] = [locate(viaOffsets, pointer), locate(viaTree, pointer)];
            // An empty value (`k:`) has no text of its own: the fast reader points at its key, on the same line.
            const [, , valueStart, valueEnd] = fast.fields.find(pointer)!.offsets;
            const empty = valueEnd <= valueStart;
            if (empty) expect({ text, pointer, line: fastAt.line }).toEqual({ text, pointer, line: treeAt.line });
            else expect({ text, pointer, at: fastAt }).toEqual({ text, pointer, at: treeAt });
          }
        },
      ),
      { numRuns: 3000 },
    );
    // The property means something only if the fast reader answers often.
    expect(answered).toBeGreaterThan(300);
  });
});
