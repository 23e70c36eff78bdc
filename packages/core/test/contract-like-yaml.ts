/**
 * A fast-check generator of contract-like YAML texts aimed at the places a line-based reader can go
 * wrong: keys the core schema resolves to numbers, booleans or null, keys named like Object.prototype
 * members, spaces before colons, keys near yaml's 1024-character limit, odd quoting, comments, block
 * scalars followed by lines of spaces, flow collections with brackets in odd places, CR, CRLF and lone
 * CR line ends, a final CR, byte-order marks and the occasional tab.
 */
import fc from 'fast-check';

const words = ['schemaVersion', 'id', 'title', 'parties', 'buyer', 'name', 'kind', 'terms', 'notificationHours', 'a', 'b', 'k', 'x y', 'aes-256', 'clause-1'];
const numberLike = [
  '1',
  '01',
  '1.10',
  '1.1',
  '0x1F',
  '007',
  '7',
  '1e3',
  '-1',
  '+1',
  '.5',
  '0o17',
  '1_000',
  '12345678901234567890',
  '0',
  '-0',
  '1.0',
  '.inf',
  '.NaN',
];
const booleanLike = ['true', 'True', 'TRUE', 'false', 'False', 'yes', 'no', 'on', 'null', 'Null', 'NULL', '~', 'nULL', 'tRUE'];
const odd = [
  '$ref',
  '_x',
  '<<',
  'a.b',
  'a:b',
  'a#b',
  'a #b',
  '-a',
  '?a',
  ':a',
  'a\u00a0',
  'é',
  '2026-01-01',
  'a[b]',
  'a{b',
  'a,b',
  '@a',
  '`a',
  '%a',
  '!a',
  '&a',
  '*a',
];
const quotedKeys = ['"a"', "'b'", '"1"', "'01'", '"a b"', "'it''s'", '"\\u0041"', '"x\\ty"', '"null"', "''", '""'];
const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

/** In a tame document an edge case is one choice in twenty, so the reader answers often and is judged on it. */
const edge = <T>(wild: boolean, ordinary: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  wild ? fc.oneof(ordinary, odd) : fc.oneof({ weight: 19, arbitrary: ordinary }, { weight: 1, arbitrary: odd });

const anyKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...words) },
  { weight: 3, arbitrary: fc.constantFrom(...numberLike) },
  { weight: 2, arbitrary: fc.constantFrom(...booleanLike) },
  { weight: 2, arbitrary: fc.constantFrom(...prototypeNames) },
  { weight: 2, arbitrary: fc.constantFrom(...odd) },
  { weight: 2, arbitrary: fc.constantFrom(...quotedKeys) },
  { weight: 1, arbitrary: fc.integer({ min: 990, max: 1030 }).map((n) => `k${'e'.repeat(n - 1)}`) },
);

const keyOf = (wild: boolean) => edge(wild, fc.constantFrom(...words), anyKey);
const colonOf = (wild: boolean) => edge(wild, fc.constant(': '), fc.constantFrom(' : ', ':  ', '  : '));

const word = fc.constantFrom('a', 'b', 'x y', 'aes-256', 'tls-1.3', '24', '72', '1.5', '-3', 'true', 'null', '~', 'é', "it's", '#x', 'x#y', 'a:b', 'a: b', ' ');
const plain = fc.oneof(
  fc.constantFrom(...numberLike, ...booleanLike, ...words),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
);
const quoted = fc.oneof(
  fc.array(word, { maxLength: 3 }).map((w) => `"${w.join(' ')}"`),
  fc.array(word, { maxLength: 3 }).map((w) => `'${w.join(' ').replace(/'/g, "''")}'`),
  fc.constantFrom('"\\n"', '"\\u00e9"', '"a\\"b"', "'a''b'", '"[x"', "'{x'", '"# no comment"', '"\\x41"', '"\\q"', '"\\ud800"'),
);
const flowKey = fc.constantFrom('a', 'b', 'high', 'low', '1', 'true', 'null', 'valueOf', 'x y', '"q"', '__proto__', 'k:x');
const flowSpace = fc.constantFrom('', ' ', '  ');
const flowScalar = fc.oneof(fc.constantFrom('1', '60', 'x', 'a b', '"s"', "'t'", '', 'true', 'null', '~', '1.10', 'k: v'), plain);
const flow: fc.Arbitrary<string> = fc.letrec<{ node: string; seq: string; map: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, flowScalar, tie('seq'), tie('map')),
  seq: fc
    .tuple(flowSpace, fc.array(tie('node'), { maxLength: 3 }), flowSpace, fc.constantFrom(', ', ',', ' ,'))
    .map(([s, items, e, sep]) => `[${s}${items.join(sep)}${e}]`),
  map: fc
    .tuple(flowSpace, fc.array(fc.tuple(flowKey, fc.constantFrom(': ', ' : ', ':', '  :  '), tie('node')), { maxLength: 3 }), flowSpace)
    .map(([s, pairs, e]) => `{${s}${pairs.map(([k, c, v]) => `${k}${c}${v}`).join(', ')}${e}}`),
})).node;

const trailOf = (wild: boolean) => edge(wild, fc.constantFrom('', '', '  # note'), fc.constantFrom(' ', ' #', '#x', '\u00a0', '\t', ' # [[['));

const ordinaryValue = fc.oneof(fc.constantFrom('1', '24', 'tls-1.3', 'x y', 'true', '"quoted"', "'single'", '[a, b]', '{a: 1, b: 2}', '', '2.5', 'null'));
const anyValue = fc.oneof(
  { weight: 5, arbitrary: plain },
  { weight: 3, arbitrary: quoted },
  { weight: 3, arbitrary: flow },
  { weight: 1, arbitrary: fc.constant('') },
);
const inlineValueOf = (wild: boolean) => edge(wild, ordinaryValue, anyValue);

const blockLine = fc.constantFrom('some text', 'x', '[[[[ brackets', '{ not: flow }', "it's 'quoted", '# not a comment', 'a: b', '  deeper', '', '"', 'tail  ');
const header = fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1', '| # c', '|  ', '|x');
/** A block scalar body: lines at `indent`, with blank lines and lines of spaces between and after. */
const blockBody = (indent: number, wild: boolean) =>
  fc
    .tuple(
      fc.array(
        fc.tuple(
          edge(wild, fc.constantFrom('some text', 'x', '[[[[ brackets', "it's 'quoted"), blockLine),
          edge(wild, fc.constant(''), fc.constantFrom('spaces', 'blank', 'fewer')),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      edge(wild, fc.constant(''), fc.constantFrom('spaces', 'blank', 'fewer', 'comment')),
    )
    .map(([lines, after]) => {
      const pad = ' '.repeat(indent);
      const filler = (kind: string) =>
        kind === 'spaces'
          ? [' '.repeat(indent + 1)]
          : kind === 'blank'
            ? ['']
            : kind === 'fewer'
              ? [' '.repeat(Math.max(0, indent - 1))]
              : kind === 'comment'
                ? ['# after']
                : [];
      return [...lines.flatMap(([l, extra]) => [l === '' ? '' : `${pad}${l}`, ...filler(extra)]), ...filler(after)];
    });

export interface Shape {
  lines: string[];
}

/** Lines of a block mapping at `indent`, with nested mappings, sequences and block scalars down to `depth`. */
function mapping(indent: number, unit: number, depth: number, wild: boolean): fc.Arbitrary<string[]> {
  const pad = ' '.repeat(indent);
  const [key, colon, trail, inlineValue] = [keyOf(wild), colonOf(wild), trailOf(wild), inlineValueOf(wild)];
  const entry = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(key, colon, inlineValue, trail).map(([k, c, v, t]) => [`${pad}${k}${v === '' ? c.trimEnd() : c}${v}${t}`]) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(key, edge(wild, fc.constant(':'), fc.constant(' :')), edge(wild, fc.constantFrom('|', '>', '|-', '>-'), header), blockBody(indent + unit, wild))
        .map(([k, c, h, body]) => [`${pad}${k}${c} ${h}`, ...body]),
    },
    ...(depth > 0
      ? [
          {
            weight: 2,
            arbitrary: fc
              .tuple(key, edge(wild, fc.constantFrom(':', ': # c'), fc.constant(' :')), edge(wild, fc.constantFrom(unit, unit, 0), fc.constant(unit + 1)))
              .chain(([k, c, step]) =>
                (step === 0
                  ? sequence(indent, unit, depth - 1, wild)
                  : fc.oneof(mapping(indent + step, unit, depth - 1, wild), sequence(indent + step, unit, depth - 1, wild))
                ).map((body) => [`${pad}${k}${c}`, ...body]),
              ),
          },
        ]
      : []),
    { weight: 1, arbitrary: edge(wild, fc.constantFrom('# comment', `${pad}# indented comment`, ''), fc.constantFrom(`${pad}`, '#')).map((l) => [l]) },
  );
  return fc.array(entry, { minLength: 1, maxLength: 4 }).map((entries) => entries.flat());
}

/** Lines of a block sequence whose dashes sit at `indent`. */
function sequence(indent: number, unit: number, depth: number, wild: boolean): fc.Arbitrary<string[]> {
  const pad = ' '.repeat(indent);
  const [key, colon, trail, inlineValue] = [keyOf(wild), colonOf(wild), trailOf(wild), inlineValueOf(wild)];
  const item = fc.oneof(
    fc.tuple(inlineValue, trail).map(([v, t]) => [`${pad}-${v === '' ? '' : ' '}${v}${t}`]),
    fc
      .tuple(key, colon, inlineValue, fc.option(fc.tuple(key, colon, inlineValue)))
      .map(([k, c, v, more]) => [`${pad}- ${k}${c}${v}`, ...(more ? [`${pad}  ${more[0]}${more[1]}${more[2]}`] : [])]),
    ...(depth > 0 ? [mapping(indent + unit, unit, depth - 1, wild).map((body) => [`${pad}-`, ...body])] : []),
  );
  return fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.flat());
}

/** Whole texts: a modeline perhaps, a mapping, then line ends, BOMs and a final CR applied. */
export const contractLikeYaml: fc.Arbitrary<string> = fc.constantFrom(false, false, true).chain((wild) =>
  fc
    .tuple(
      edge(wild, fc.constant(2), fc.constantFrom(4, 1, 3)),
      fc.boolean(),
      edge(wild, fc.constantFrom('\n', '\r\n'), fc.constantFrom('\r', 'mixed')),
      edge(wild, fc.constant(0), fc.constantFrom(1, 2, 3)),
      edge(wild, fc.constant('newline'), fc.constantFrom('none', 'cr', 'spaces')),
      fc.infiniteStream(fc.constantFrom('\n', '\r\n', '\r')),
    )
    .chain(([unit, modeline, eol, boms, ending, eols]) =>
      mapping(0, unit, 3, wild).map((lines) => {
        const all = modeline ? ['# yaml-language-server: $schema=../schemas/vendor-agreement.schema.json', ...lines] : lines;
        let text = '';
        const stream = eols[Symbol.iterator]();
        for (const [i, line] of all.entries()) {
          text += line;
          if (i < all.length - 1 || ending === 'newline') text += eol === 'mixed' ? stream.next().value : eol;
        }
        if (ending === 'cr') text += '\r';
        if (ending === 'spaces') text += '   ';
        return '\ufeff'.repeat(boms) + text;
      }),
    ),
);
