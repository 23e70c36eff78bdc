import { escapeMarkdown, markdownToHtml } from '@contracts/render';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffDocuments,
  joinParagraphs,
  reconstruct,
  redlineStats,
  splitParagraphs,
  toRedlineMarkdown,
  type RedlineBlock,
  type WordOp,
} from '../src/redline/index.js';
import { fuzzSettings } from '../../../test-support/fuzz.js';
import { htmlText, resolveChanges } from './support/html-text.js';

const BY = { author: 'Round 2 <legal@example.com>', date: '2026-03-01T12:00:00Z' };
const changes = (blocks: RedlineBlock[]): WordOp[] => blocks.flatMap((b) => b.ops.filter((o) => o.kind !== 'equal'));
/** The HTML redline of two Markdown documents, through render's one converter. */
const redlineHtml = (blocks: RedlineBlock[]) => markdownToHtml(toRedlineMarkdown(blocks, BY));

describe('diffDocuments', () => {
  it('a changed number gives exactly one delete + one insert', () => {
    const blocks = diffDocuments(
      'Supplier shall notify Customer within 24 hours (24) of an incident.',
      'Supplier shall notify Customer within 48 hours (24) of an incident.',
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('change');
    expect(changes(blocks)).toEqual([
      { kind: 'delete', text: '24' },
      { kind: 'insert', text: '48' },
    ]);
  });

  it('keeps parentheses equal around a changed number', () => {
    const [block] = diffDocuments('Fees apply (24) times.', 'Fees apply (48) times.');
    expect(block!.ops).toEqual([
      { kind: 'equal', text: 'Fees apply (' },
      { kind: 'delete', text: '24' },
      { kind: 'insert', text: '48' },
      { kind: 'equal', text: ') times.' },
    ]);
  });

  it('reports an inserted paragraph as a whole insert block', () => {
    const blocks = diffDocuments('Alpha one.\n\nGamma three.', 'Alpha one.\n\nBeta two is new.\n\nGamma three.');
    expect(blocks.map((b) => b.kind)).toEqual(['equal', 'insert', 'equal']);
    expect(blocks[1]!.ops).toEqual([{ kind: 'insert', text: 'Beta two is new.' }]);
  });

  it('reports a deleted paragraph as a whole delete block', () => {
    const blocks = diffDocuments('Alpha one.\n\nBeta two goes.\n\nGamma three.', 'Alpha one.\n\nGamma three.');
    expect(blocks.map((b) => b.kind)).toEqual(['equal', 'delete', 'equal']);
    expect(blocks[1]!.ops).toEqual([{ kind: 'delete', text: 'Beta two goes.' }]);
  });

  it('keeps unchanged paragraphs equal when another paragraph moves', () => {
    const paras = ['Clause alpha text.', 'Clause beta text.', 'Clause gamma text.', 'Clause delta text.'];
    const moved = [paras[1], paras[2], paras[3], paras[0]];
    const blocks = diffDocuments(paras.join('\n\n'), moved.join('\n\n'));
    expect(blocks.filter((b) => b.kind === 'equal').map((b) => b.ops[0]!.text)).toEqual(paras.slice(1));
    expect(blocks.filter((b) => b.kind === 'delete').map((b) => b.ops[0]!.text)).toEqual([paras[0]]);
    expect(blocks.filter((b) => b.kind === 'insert').map((b) => b.ops[0]!.text)).toEqual([paras[0]]);
    expect(blocks.some((b) => b.kind === 'change')).toBe(false);
  });

  it('identical inputs give no changes', () => {
    const doc = '# Title\n\n## 1. Scope\n\nThe Services.\n\n- a\n- b\n';
    const blocks = diffDocuments(doc, doc);
    expect(blocks.every((b) => b.kind === 'equal')).toBe(true);
    expect(redlineStats(blocks)).toMatchObject({ wordsInserted: 0, wordsDeleted: 0, paragraphsChanged: 0 });
    expect(toRedlineMarkdown(blocks, BY)).not.toContain('{.');
    expect(redlineHtml(blocks)).not.toMatch(/<(ins|del)\b/);
  });

  it('handles empty inputs', () => {
    expect(diffDocuments('', '')).toEqual([]);
    expect(toRedlineMarkdown([], BY)).toBe('');
    expect(redlineHtml([])).toBe('\n');
    expect(diffDocuments('', 'New text.').map((b) => b.kind)).toEqual(['insert']);
    expect(diffDocuments('Old text.\n\n\n', '  \n').map((b) => b.kind)).toEqual(['delete']);
  });

  it('merges tiny equal runs between changes (semantic cleanup)', () => {
    const [block] = diffDocuments('pay the fee of ten dollars', 'pay a charge of five euros');
    expect(block!.ops).toEqual([
      { kind: 'equal', text: 'pay ' },
      { kind: 'delete', text: 'the fee of ten dollars' },
      { kind: 'insert', text: 'a charge of five euros' },
    ]);
  });

  it('counts words and paragraphs', () => {
    const blocks = diffDocuments('Keep this.\n\nChange 24 here.\n\nDrop me now.', 'Keep this.\n\nChange 48 here.\n\nBrand new words.');
    expect(redlineStats(blocks)).toEqual({
      wordsInserted: 4,
      wordsDeleted: 4,
      paragraphsInserted: 1,
      paragraphsDeleted: 1,
      paragraphsChanged: 1,
      paragraphsUnchanged: 1,
      paragraphsMoved: 0,
    });
  });
});

describe('toRedlineMarkdown', () => {
  it('keeps a heading prefix outside spans', () => {
    const md = toRedlineMarkdown(diffDocuments('## 3. Incident Response\n', '## 3. Security Incident Response\n'), BY);
    // The blank stays outside the span: pandoc trims a span's blanks, which would fuse the words.
    expect(md).toBe('## 3. [Security]{.insertion author="Round 2 <legal@example.com>" date="2026-03-01T12:00:00Z"} Incident Response\n');
  });

  it('keeps list markers outside whole-paragraph spans', () => {
    const md = toRedlineMarkdown(diffDocuments('1. First.\n2. Second.\n', '1. First.\n2. Second.\n3. Totally different third.\n'), BY);
    expect(md).toMatch(/\n3\. \[Totally different third\.\]\{\.insertion /);
  });

  it('escapes quotes in attribute values', () => {
    const md = toRedlineMarkdown(diffDocuments('a', 'b'), { author: 'O"Brien \\ Co', date: 'd' });
    expect(md).toContain('author="O\\"Brien \\\\ Co"');
  });

  const injections = ['[x](javascript:alert(1))', '`x`{=openxml}', '<script>alert(1)</script>', ']{.deletion}', '{{ 7*7 }}'];
  it.each(injections)('keeps %s as the later round has it, inside its span and unable to leave it', (evil) => {
    const blocks = diffDocuments('Vendor: Acme Corp.\n', `Vendor: ${evil} Corp.\n`);
    const md = toRedlineMarkdown(blocks, BY);
    // Spans are found by a scanner that honours backslash escapes, like pandoc does.
    const spans = [...md.matchAll(/\[((?:\\.|[^\\\]])*)\]\{\.(insertion|deletion) /g)];
    expect(spans.map((m) => m[2])).toEqual(['deletion', 'insertion']);
    const text = md.replace(/\[(?:\\.|[^\\\]])*\]\{[^}]*\}/g, '');
    expect(text).toBe('Vendor: ' + ' Corp.\n'); // nothing outside the spans changed
    const inserted = spans[1]![1]!;
    expect(inserted.replace(/\\(.)/g, '$1')).toBe(evil);
    // What is literal text in the later round is escaped in the span: no bracket, brace or angle can pair with the span's own.
    expect(inserted.replace(/\\./g, '').replace(/`[^`]*`/g, '')).not.toMatch(/[[\]<>{}*]/);
    const html = redlineHtml(blocks);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript');
    expect(htmlText(resolveChanges(html, 'accept'))).toBe(htmlText(markdownToHtml(`Vendor: ${evil} Corp.`)));
  });

  it("keeps a changed paragraph's own markup when the changes are plain words", () => {
    const md = toRedlineMarkdown(
      diffDocuments('**5.1** **Notice.** Within 24 hours, see [Section 6](#liability).', '**5.1** **Notice.** Within 48 hours, see [Section 6](#liability).'),
      BY,
    );
    expect(md).toContain('**5.1** **Notice.** Within [24]{.deletion');
    expect(md).toContain('see [Section 6](#liability).');
  });

  it("keeps each side's markup when a change contains markup or a link's target changes, escaping only what is literal", () => {
    const withMarkup = toRedlineMarkdown(diffDocuments('See [a]. Old.', 'See [a]. New <b>*x*</b>.'), BY);
    // `[a]` and `<b>` are literal text in both versions; `*x*` is the later round's emphasis.
    expect(withMarkup).toMatch(/^See \\\[a\\\]\. \[Old\]\{\.deletion[^}]*\}\[New \\<b\\>\*x\*\\<\/b\\>\]\{\.insertion[^}]*\}\.\n$/);
    const intoTarget = toRedlineMarkdown(diffDocuments('See [Section 6](#insurance) now.', 'See [Section 6](#liability) now.'), BY);
    expect(intoTarget).toMatch(/^See \[\[Section 6\]\(#insurance\)\]\{\.deletion[^}]*\}\[\[Section 6\]\(#liability\)\]\{\.insertion[^}]*\} now\.\n$/);
  });

  it('diffs inside a construct both sides share: a clause number, a term value, link text', () => {
    const md = toRedlineMarkdown(
      diffDocuments(
        '**10.2** **Audit.** Within [forty-eight (48) hours]{#a_te73e3306ba_2}, see [Section 11 (Access)](#remote-access).',
        '**10.1** **Audit.** Within [twenty-four (24) hours]{#a_te73e3306ba}, see [Section 10 (Access)](#remote-access).',
      ),
      BY,
    );
    const d = (t: string) => `[${t}]{.deletion author="Round 2 <legal@example.com>" date="2026-03-01T12:00:00Z"}`;
    const i = (t: string) => `[${t}]{.insertion author="Round 2 <legal@example.com>" date="2026-03-01T12:00:00Z"}`;
    expect(md).toBe(
      `**10.${d('2')}${i('1')}** **Audit.** Within [${d('forty-eight (48')}${i('twenty-four (24')}) hours]{#a_te73e3306ba}, see [Section ${d('11')}${i('10')} (Access)](#remote-access).\n`,
    );
  });

  it("keeps an inserted paragraph's markup inside one span, but not a table", () => {
    const md = toRedlineMarkdown(diffDocuments('A.', 'A.\n\n**5.5** **New.** See [x](#y).\n\n| a | b |\n|---|---|\n| 1 | 2 |'), BY);
    expect(md).toContain('[**5.5** **New.** See [x](#y).]{.insertion');
    expect(md).not.toContain('[| a | b |');
  });
});

describe("the HTML redline (render's converter on the redline Markdown)", () => {
  it('renders headings, lists and paragraphs with ins/del deterministically', () => {
    const blocks = diffDocuments('# T\n\n- one\n- two apples\n\nPay 24.', '# T\n\n- one\n- three apples\n\nPay 48 & <b>.');
    const html = redlineHtml(blocks);
    const by = 'datetime="2026-03-01T12:00:00Z" title="Round 2 &lt;legal@example.com&gt;"';
    expect(html).toBe(
      [
        '<h1 id="t">T</h1>',
        '<ul>',
        '<li>one</li>',
        `<li><del ${by}>two</del><ins ${by}>three</ins> apples</li>`,
        '</ul>',
        `<p>Pay <del ${by}>24</del><ins ${by}>48 &amp; &lt;b&gt;</ins>.</p>`,
        '',
      ].join('\n'),
    );
    expect(redlineHtml(blocks)).toBe(html);
  });
});

// Random texts over a small vocabulary so that paragraphs share words and get paired.
const word = fc.constantFrom('the', 'Supplier', 'shall', '24', '48', '(', ')', '.', ',', '[', ']', '`', '\\', '*', 'fee', 'Customer', 'é', '#');
const line = fc
  .tuple(
    fc.constantFrom('', '', '## ', '- ', '1. ', '> '),
    fc.array(
      fc.tuple(word, fc.constantFrom(' ', '', '  ')).map(([w, s]) => w + s),
      { minLength: 1, maxLength: 12 },
    ),
  )
  .map(([p, ws]) => p + ws.join(''));
const doc = fc
  .array(
    fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n')).map(([l, s]) => l + s),
    { maxLength: 12 },
  )
  .map((ls) => ls.join(''));

describe('property: ops reconstruct both sides', () => {
  it('equal+insert gives the new text, equal+delete gives the old text', () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const blocks = diffDocuments(a, b);
        expect(reconstruct(blocks, 'new')).toBe(joinParagraphs(splitParagraphs(b)));
        expect(reconstruct(blocks, 'old')).toBe(joinParagraphs(splitParagraphs(a)));
        for (const block of blocks) {
          for (let k = 1; k < block.ops.length; k++) expect(block.ops[k]!.kind).not.toBe(block.ops[k - 1]!.kind);
          expect(block.ops.every((o) => o.text.length > 0)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds for arbitrary strings with odd whitespace and escapes', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u00a0', '\t', '\n', '\n\n', '\\', ']', '.', '1', '#', '- '), maxLength: 80 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const blocks = diffDocuments(a, b);
        expect(reconstruct(blocks, 'new')).toBe(joinParagraphs(splitParagraphs(b)));
        expect(reconstruct(blocks, 'old')).toBe(joinParagraphs(splitParagraphs(a)));
      }),
      { numRuns: 1000 },
    );
  });

  // Render's converter reads what the clause library writes: headings, lists, paragraphs (no block
  // quotes), lines without trailing blanks (render trims them).
  const converterLine = fc
    .tuple(
      fc.constantFrom('', '', '## ', '- ', '1. '),
      fc.array(
        fc.tuple(word, fc.constantFrom(' ', '', '  ')).map(([w, s]) => w + s),
        { minLength: 1, maxLength: 12 },
      ),
    )
    .map(([p, ws]) => (p + ws.join('')).trimEnd());
  const converterDoc = fc
    .array(
      fc.tuple(converterLine, fc.constantFrom('\n', '\n\n', '\n\n\n')).map(([l, s]) => l + s),
      { maxLength: 12 },
    )
    .map((ls) => ls.join(''));
  const fuzz = fuzzSettings({ seed: 11, runs: 500 });
  it(`accepting every change gives the later document's text, rejecting every change the earlier one's, in render's converter (${fuzz.label})`, {
    timeout: fuzz.timeout,
  }, () => {
    fc.assert(
      fc.property(converterDoc, converterDoc, (a, b) => {
        const html = redlineHtml(diffDocuments(a, b));
        expect(htmlText(resolveChanges(html, 'accept'))).toBe(htmlText(markdownToHtml(b)));
        expect(htmlText(resolveChanges(html, 'reject'))).toBe(htmlText(markdownToHtml(a)));
      }),
      fuzz.options,
    );
  });

  it('a document diffed against itself is all equal', () => {
    fc.assert(fc.property(doc, (a) => diffDocuments(a, a).every((b) => b.kind === 'equal')));
  });
});

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0 && spawnSync('unzip', ['-v']).status === 0;

describe.skipIf(!hasPandoc)('pandoc docx tracked changes', () => {
  it('pandoc parses injection attempts as plain text inside the spans', () => {
    // Contract values reach the redline already escaped by the renderer; what is literal in a version stays literal in its span.
    const evil = escapeMarkdown('[x](javascript:alert(1)) `x`{=openxml} <script>alert(1)</script> ]{.deletion} {{ 7*7 }} @cite $x$ &amp;');
    const rawEvil = '[x](javascript:alert(1)) `x`{=openxml} <script>alert(1)</script>';
    const long = 'The vendor shall notify the buyer of every security incident without undue delay.';
    const md = toRedlineMarkdown(
      diffDocuments(`Vendor: Acme.\n\nOther.\n\n${long}`, `Vendor: ${evil}\n\n1986. ${evil}\n\n${long.replace('every', `every ${rawEvil}`)}`),
      BY,
    );
    // The later round's own code span stays one; its literal brackets, braces and angles stay literal.
    expect(md).toContain('every [\\[x\\](javascript:alert(1)) `x`\\{=openxml\\} \\<script\\>');
    const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: md, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const json = run.stdout;
    for (const t of ['Link', 'RawInline', 'RawBlock', 'Cite', 'Math', 'Emph']) {
      expect(json).not.toContain(`"t":"${t}"`);
    }
    const classes = [...json.matchAll(/"t":"Span","c":\[\["",\["([^"]*)"\]/g)].map((m) => m[1]);
    expect(new Set(classes)).toEqual(new Set(['insertion', 'deletion']));
  });

  it('turns the redline into w:ins / w:del with the author', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-'));
    try {
      const old = '# MSA\n\n## 3. Incident Response\n\nNotify within 24 hours.\n\n- Vendor: Acme\n';
      const neu = '# MSA\n\n## 3. Security Incident Response\n\nNotify within 48 hours.\n\n- Vendor: ]{.deletion} <script>\n';
      const md = join(dir, 'r.md');
      const docx = join(dir, 'r.docx');
      writeFileSync(md, toRedlineMarkdown(diffDocuments(old, neu), { author: 'Jane "JD" Doe', date: '2026-03-01T12:00:00Z' }));
      const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', docx, md], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
      expect(xml).toMatch(/<w:ins [^>]*w:author="Jane &quot;JD&quot; Doe"/);
      expect(xml).toMatch(/<w:del [^>]*w:date="2026-03-01T12:00:00Z"/);
      expect(xml).toContain('<w:delText xml:space="preserve">24</w:delText>');
      expect(xml).toContain(']{.deletion} &lt;script&gt;');
      expect(readFileSync(md, 'utf8')).toContain('## 3. [Security]{.insertion');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
