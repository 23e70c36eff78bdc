import { describe, expect, it } from 'vitest';
import { markdownToHtml, renderAgreement, renderHtml } from '@contracts/render';
import { backends, contractFiles, loadContract } from './helpers.js';

// Our converter is held to pandoc's: same text, same headings (and ids), paragraphs, lists, tables,
// emphasis, links, spans and divs with ids, insertions and deletions, in the same order.
const KEPT = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'strong',
  'em',
  'code',
  'span',
  'div',
  'ins',
  'del',
]);

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const typography = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '--').replace(/—/g, '---').replace(/…/g, '...');

/** The document as a list of elements (with the attributes that carry meaning) and text runs. */
function structure(html: string): string[] {
  const body = html.replace(/^[\s\S]*<main class="agreement">|<\/main>[\s\S]*$/g, '');
  const out: string[] = [];
  const open: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      const text = typography(decode(m[4])).replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      continue;
    }
    const [, closing, tag, attrs = ''] = m;
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
    let name = tag!;
    // pandoc writes changes as spans with data- attributes; ours are <ins>/<del>.
    if (name === 'span' && /class="[^"]*insertion/.test(attrs)) name = 'ins';
    if (name === 'span' && /class="[^"]*deletion/.test(attrs)) name = 'del';
    if (closing) {
      // A closing </span> closes whatever the matching <span> became.
      const opened = name === 'span' ? open.pop() : name;
      if (opened && KEPT.has(opened)) out.push(`/${opened}`);
      continue;
    }
    if (tag === 'span') open.push(name);
    if (!KEPT.has(name)) continue;
    const id = attr('id');
    const href = attr('href');
    const who = attr('title') ?? attr('data-author');
    const when = attr('datetime') ?? attr('data-date');
    out.push([name, id && `#${id}`, href && `->${href}`, who && `by ${who}`, when && `at ${when}`].filter(Boolean).join(' '));
  }
  // Adjacent text runs (split by elements we ignore) are one run.
  return out.reduce<string[]>((acc, item) => {
    const last = acc[acc.length - 1];
    if (last !== undefined && !/^\/?[a-z0-9]+( |$)/.test(last) && !/^\/?[a-z0-9]+( |$)/.test(item)) acc[acc.length - 1] = `${last} ${item}`;
    else acc.push(item);
    return acc;
  }, []);
}

const REDLINE = `# Redline of [the agreement]{#a_t0123456789}

## 5. Incident Response {#incident-response}

::: {#a_c0123456789}

**5.1** **Notice.** Within [seventy-two (72)]{.deletion author="Vendor Counsel" date="2026-05-01T10:00:00Z"}[forty-eight (48)]{.insertion author="Vendor Counsel" date="2026-05-01T10:00:00Z"} hours, see [Section 6 (Insurance)](#insurance).

- first item with [new words]{.insertion author="A" date="2026-05-01T10:00:00Z"}
- second item, [*emphasised* gone]{.deletion author="A" date="2026-05-01T10:00:00Z"}

:::

| Term | Agreed position |
|:-----|:----------------|
| Incident notice | within [72]{.deletion author="A" date="2026-05-01T10:00:00Z"}[48]{.insertion author="A" date="2026-05-01T10:00:00Z"} hours |
| Vendor | [Acme \\| Co]{#a_t9876543210} |

1. one
2. two
`;

async function pandocHtml(markdown: string): Promise<string> {
  return renderHtml(markdown, { engine: 'pandoc', backend: backends[0]!, title: 'T' });
}

describe('the built-in Markdown → HTML converter against pandoc', () => {
  it.each(contractFiles)('%s (with anchors): same text and structure as pandoc', async (name) => {
    const { anchored } = renderAgreement(await loadContract(name));
    expect(structure(await renderHtml(anchored, { title: 'T' }))).toEqual(structure(await pandocHtml(anchored)));
  });

  it.each(contractFiles)('%s (people-facing Markdown): same text and structure as pandoc', async (name) => {
    const { markdown } = renderAgreement(await loadContract(name));
    expect(structure(await renderHtml(markdown, { title: 'T' }))).toEqual(structure(await pandocHtml(markdown)));
  });

  it('a redline: insertions and deletions in paragraphs, lists and table cells, inside an anchored clause', async () => {
    const ours = structure(await renderHtml(REDLINE, { title: 'T' }));
    expect(ours).toEqual(structure(await pandocHtml(REDLINE)));
    expect(ours).toContain('ins by Vendor Counsel at 2026-05-01T10:00:00Z');
  });

  it('writes <ins>/<del> with datetime and title, ids as the anchors spell them, and escapes attributes', () => {
    const html = markdownToHtml('[x]{.insertion author="A \\"B\\" <c>" date="2026-05-01"} [y]{.deletion} [z]{#a_t0123456789 .term}\n');
    expect(html).toBe(
      '<p><ins datetime="2026-05-01" title="A &quot;B&quot; &lt;c&gt;">x</ins> <del>y</del> <span id="_t0123456789" class="term">z</span></p>\n',
    );
  });
});
