import { describe, expect, it } from 'vitest';
import { loadValidator, loadYamlBytes, loadYamlText, validateLoaded } from '../src/index.js';

const check = async (source: string | Uint8Array) => {
  const started = Date.now();
  const loaded = typeof source === 'string' ? loadYamlText(source, 'bad.yaml') : loadYamlBytes(source, 'bad.yaml');
  const diagnostics = [...loaded.diagnostics, ...validateLoaded(loaded, await loadValidator('vendor-agreement'))];
  return { loaded, diagnostics, ms: Date.now() - started };
};

/** Every hostile input: at least one error with a real position, quickly, without throwing. */
const hostile: [string, string | Uint8Array, string, number?][] = [
  ['a syntax error', 'id: [unclosed\ntitle: x\n', 'yaml/syntax'],
  ['bad indentation', 'parties:\n  buyer:\n    name: A\n   kind: x\n', 'yaml/syntax'],
  ['tab indentation', 'parties:\n\tbuyer: x\n', 'yaml/tab-indentation', 2],
  ['an unterminated string', 'schemaVersion: 1\ntitle: "never closed\n', 'yaml/syntax', 2],
  ['a duplicate key', 'schemaVersion: 1\nid: a\nid: b\n', 'yaml/duplicate-key', 3],
  [
    'an alias bomb',
    `${[
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n')}\n`,
    'yaml/alias-limit',
  ],
  ['20,000-deep flow nesting', `x: ${'['.repeat(20000)}${']'.repeat(20000)}\n`, 'yaml/'],
  ['binary bytes', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]), 'yaml/binary'],
  ['UTF-16 with a BOM', new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]), 'yaml/encoding'],
  ['invalid UTF-8', new Uint8Array([...Buffer.from('schemaVersion: 1\nid: caf'), 0xc3, 0x28, 0x0a]), 'yaml/encoding', 2],
  ['an empty file', '', 'yaml/empty'],
  ['a comments-only file', '# nothing here\n', 'yaml/empty'],
  ['several documents', 'schemaVersion: 1\n---\nschemaVersion: 1\n', 'yaml/multiple-documents', 2],
  ['a top-level list', '- schemaVersion: 1\n', 'yaml/not-a-mapping'],
  ['a top-level scalar', 'just words\n', 'yaml/not-a-mapping'],
  ['a !!js/function tag', 'title: !!js/function "function(){}"\n', 'yaml/unknown-tag'],
  ['a !!binary tag', 'title: !!binary aGVsbG8=\n', 'yaml/unknown-tag'],
  ['a custom tag', 'title: !include secrets.yaml\n', 'yaml/unknown-tag'],
  ['a huge number', 'schemaVersion: 1\nannualFeesUsd: 1e400\n', 'yaml/number-out-of-range', 2],
  ['an oversized hex integer', 'schemaVersion: 1\nannualFeesUsd: 0x7FFFFFFFFFFFFFFFFF\n', 'yaml/number-out-of-range', 2],
  ['a single 8 MB line', `title: ${'x'.repeat(8 * 1024 * 1024)}\n`, 'yaml/too-large'],
];

describe('hostile YAML', () => {
  for (const [name, source, code, line] of hostile) {
    it(`reports ${name} as ${code} with a position`, async () => {
      const { diagnostics, ms } = await check(source);
      const match = diagnostics.find((d) => d.code.startsWith(code) && d.severity === 'error');
      expect(match, JSON.stringify(diagnostics.slice(0, 3))).toBeDefined();
      expect(match!.file).toBe('bad.yaml');
      expect(match!.line).toBeGreaterThanOrEqual(1);
      expect(match!.column).toBeGreaterThanOrEqual(1);
      if (line !== undefined) expect(match!.line).toBe(line);
      expect(ms).toBeLessThan(5000); // a generous hang guard; speed is measured by `pnpm bench`
    });
  }

  it('does not pollute prototypes with __proto__ or constructor keys', async () => {
    const { diagnostics } = await check('schemaVersion: 1\n__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const unknown = diagnostics.filter((d) => d.code === 'schema/unknown-field').map((d) => d.path);
    expect(unknown).toEqual(expect.arrayContaining(['/__proto__', '/constructor']));
    expect(diagnostics.find((d) => d.path === '/__proto__')!.line).toBe(2);
  });

  it('treats merge keys as ordinary (unknown) fields', async () => {
    const { diagnostics } = await check('schemaVersion: 1\n<<: {id: x}\n');
    expect(diagnostics.find((d) => d.path === '/<<')?.code).toBe('schema/unknown-field');
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const { loaded } = await check(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('schemaVersion: 1\n')]));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value).toEqual({ schemaVersion: 1 });
  });
});

describe('nesting guard', () => {
  it('refuses deep flow nesting before the parser recurses, even after another error in the same process', async () => {
    // This order once crashed V8 (fatal out-of-memory in its regexp compiler) inside the yaml parser.
    await check('parties:\n\tbuyer: x\n');
    const { diagnostics } = await check(`x: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml/too-deep', line: 1 });
  });

  it('does not count brackets inside quotes, comments or words', () => {
    const loaded = loadYamlText(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\nc: it's [fine]\n`, 'ok.yaml');
    expect(loaded.diagnostics).toEqual([]);
  });
});
