import { describe, expect, it } from 'vitest';
import { type ProvenanceInput, readProvenance, renderAgreement, renderDocx, renderMany, TOOLKIT_VERSION } from '@contracts/render';
import { backends, docxEngines, docxEntries, docxText, loadContract } from './helpers.js';
import { hasLibreOffice, throughLibreOffice } from './support/libreoffice.js';

const bookmarks = (docx: Uint8Array) => [...docxEntries(docx)['word/document.xml']!.matchAll(/<w:bookmarkStart\b[^>]*w:name="([^"]+)"/g)].map((m) => m[1]!);
const source: ProvenanceInput = {
  contractId: 'springfield-smartcam',
  commit: '0123456789abcdef0123456789abcdef01234567',
  round: 3,
  ref: 'springfield-smartcam/round-3',
};
const epoch = 1_767_225_600; // 2026-01-01T00:00:00Z
// Pandoc's smart typography puts a no-break space after an abbreviation ("Inc.") only when the next
// space is in the same run; a value's anchor ends the run, so there it stays a plain space.
const sameText = (text: string) => text.replace(/\u00a0/g, ' ');
/** The text runs of each paragraph (formatting whitespace of the XML ignored). */
const runs = (docx: Uint8Array) =>
  docxEntries(docx)
    ['word/document.xml']!.split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');

describe('DOCX anchors', () => {
  it.each(docxEngines)('every anchor is a hidden bookmark (%s), and the text is the same as without them', async (_name, engine) => {
    const { markdown, anchored, anchors } = renderAgreement(await loadContract('springfield-smartcam.yaml'));
    const [marked, plain] = await Promise.all([renderDocx(anchored, { epoch, ...engine }), renderDocx(markdown, { epoch, ...engine })]);
    const names = bookmarks(marked);
    expect(names.filter((n) => n.startsWith('_'))).toEqual(anchors.map((a) => a.id));
    expect(names.filter((n) => !n.startsWith('_'))).toEqual(bookmarks(plain)); // section headings keep theirs
    expect(sameText(runs(marked))).toBe(sameText(runs(plain)));
    expect(docxText(marked)).toContain('Acme Cameras Inc.');
  });
});

describe('DOCX provenance', () => {
  it('records contract, commit, round, ref, render time and toolkit version in the custom properties, byte-identically', async () => {
    const { anchored } = renderAgreement(await loadContract('springfield-smartcam.yaml'));
    const first = await renderDocx(anchored, { epoch, provenance: source, backend: backends[0]! });
    const second = await renderDocx(anchored, { epoch, provenance: { ...source }, backend: backends[0]! });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(readProvenance(first)).toEqual({ ...source, renderedAt: '2026-01-01T00:00:00Z', toolkitVersion: TOOLKIT_VERSION });
    const entries = docxEntries(first);
    expect(entries['[Content_Types].xml']).toContain('PartName="/docProps/custom.xml"');
    expect(entries['_rels/.rels']).toContain('relationships/custom-properties');
    const other = await renderDocx(anchored, { epoch, provenance: { ...source, round: 4 }, backend: backends[0]! });
    expect(readProvenance(other)?.round).toBe(4);
  });

  it('is recorded by renderMany for every contract, with its own id', async () => {
    const contracts = await Promise.all(['springfield-smartcam.yaml', 'nordlicht-building-sensors.yaml'].map(loadContract));
    const docs = (await renderMany(contracts, 'docx', { backend: backends[0]!, provenance: { commit: source.commit! }, epoch })) as Uint8Array[];
    expect(docs.map((d) => readProvenance(d)?.contractId)).toEqual(contracts.map((c) => c.id));
    expect(readProvenance(docs[1]!)?.commit).toBe(source.commit);
  });

  it('escapes what it writes and reads nothing from a document without it', async () => {
    const docx = await renderDocx('# T\n', { epoch, provenance: { contractId: 'x', ref: 'a<b>&"c"\u0001' }, backend: backends[0]! });
    expect(readProvenance(docx)?.ref).toBe('a<b>&"c"');
    expect(readProvenance(await renderDocx('# T\n', { epoch, backend: backends[0]! }))).toBeUndefined();
    expect(readProvenance(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe.skipIf(!hasLibreOffice)('a DOCX saved again by LibreOffice', () => {
  it('keeps every anchor bookmark and the provenance, and LibreOffice shows no trace of the anchors', async () => {
    const { markdown, anchored, anchors } = renderAgreement(await loadContract('springfield-smartcam.yaml'));
    const marked = await renderDocx(anchored, { epoch, provenance: source, backend: backends[0]! });
    const plain = await renderDocx(markdown, { epoch, backend: backends[0]! });
    const [view, plainView] = throughLibreOffice([marked, plain]);
    // What LibreOffice shows: the same text with and without anchors; it lists the bookmarks it loaded.
    expect(sameText(view!.text)).toBe(sameText(plainView!.text));
    expect(view!.text).not.toMatch(/_t[0-9a-f]{10}|\{#|:::/);
    expect(view!.bookmarks.filter((b) => b.startsWith('_')).sort()).toEqual(anchors.map((a) => a.id).sort());
    expect(view!.properties['contracts.contractId']).toBe('springfield-smartcam');
    // What LibreOffice writes back: the bookmarks and the provenance survive its save.
    // (LibreOffice writes a clause bookmark that spans a list as two w:bookmarkStart of one name.)
    const saved = new Set(bookmarks(view!.resaved).filter((b) => b.startsWith('_')));
    expect([...saved].sort()).toEqual(anchors.map((a) => a.id).sort());
    expect(readProvenance(view!.resaved)).toEqual({ ...source, renderedAt: '2026-01-01T00:00:00Z', toolkitVersion: TOOLKIT_VERSION });
  });
});
