/**
 * Makes a DOCX byte-identical for identical content: pandoc stamps the time into docProps/core.xml and
 * into every zip entry, numbers bookmarks and lists by their position in the whole run, and entry
 * order / compression may vary between pandoc builds. We rewrite the dates to `epoch`, renumber
 * bookmarks and lists in document order, fix every entry's mtime, and re-zip in a fixed order with
 * fixed compression. A contract therefore gets the same bytes whether it was converted alone or split
 * out of a batch (see docx-batch.ts).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { type ProvenanceInput, writeProvenance } from './provenance.js';

/** 1980-01-01T00:00:00Z: the earliest time a zip entry can carry (DOS date). */
export const ZIP_EPOCH = 315_532_800;

/** The epoch to stamp: SOURCE_DATE_EPOCH, else the contract's effective date, else 1980-01-01. */
export function resolveEpoch(effectiveDate?: string, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env['SOURCE_DATE_EPOCH'];
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  if (effectiveDate && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
    const ms = Date.parse(`${effectiveDate}T00:00:00Z`);
    if (Number.isFinite(ms)) return Math.max(ms / 1000, ZIP_EPOCH);
  }
  return ZIP_EPOCH;
}

// Entries a reader expects first; the rest follow in code-point order.
const FIRST = ['[Content_Types].xml', '_rels/.rels'];

function compareEntries(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? FIRST.length : ia) - (ib < 0 ? FIRST.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renumbers bookmarks and tracked changes (from 0) and list instances (from 1001) in order of appearance. */
function canonicalizeWord(entries: Unzipped): void {
  const documentXml = entries['word/document.xml'];
  if (!documentXml) return;
  // Bookmarks and tracked changes share one id space (ids must be unique across annotations).
  const annotations = new Map<string, number>();
  const lists = new Map<string, number>();
  const xml = strFromU8(documentXml)
    .replace(/<w:(bookmarkStart|bookmarkEnd|ins|del)\b[^>]*>/g, (tag, kind: string) =>
      tag.replace(/ w:id="(\d+)"/, (_m, id: string) => {
        const key = `${kind.startsWith('bookmark') ? 'bookmark' : kind}:${id}`;
        if (!annotations.has(key)) annotations.set(key, annotations.size);
        return ` w:id="${annotations.get(key)}"`;
      }),
    )
    // Our anchors are spelled `a_t…` in Markdown (pandoc wants a letter first); Word hides `_t…`.
    .replace(/(<w:bookmarkStart\b[^>]*\bw:name=")a(_[tc][0-9a-f]{10}(?:_\d+)?")/g, '$1$2')
    .replace(/(<w:numId w:val=")(\d+)"/g, (_m, open: string, id: string) => {
      if (!lists.has(id)) lists.set(id, 1001 + lists.size);
      return `${open}${lists.get(id)}"`;
    });
  entries['word/document.xml'] = strToU8(xml);

  const numberingXml = entries['word/numbering.xml'];
  if (!numberingXml) return;
  const numbering = strFromU8(numberingXml);
  const nums = new Map([...numbering.matchAll(/<w:num w:numId="(\d+)">([\s\S]*?)<\/w:num>/g)].map((m) => [m[1]!, m[2]!]));
  const kept = [...lists].map(([old, id]) => `<w:num w:numId="${id}">${nums.get(old) ?? ''}</w:num>`);
  const usedAbstract = new Set(kept.map((n) => /<w:abstractNumId w:val="(\d+)"/.exec(n)?.[1]));
  const abstracts = [...numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g)]
    .filter((m) => usedAbstract.has(m[1]))
    .map((m) => m[0]);
  const open = /^[\s\S]*?<w:numbering\b[^>]*>/.exec(numbering)?.[0];
  if (open) entries['word/numbering.xml'] = strToU8(`${open}${abstracts.join('')}${kept.join('')}</w:numbering>`);
}

/** Zips entries deterministically (see the module comment), with the provenance properties when given. */
export function normalizeEntries(entries: Unzipped, epoch: number, provenance?: ProvenanceInput): Uint8Array {
  const seconds = Math.max(epoch, ZIP_EPOCH);
  const iso = new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // fflate writes DOS times from *local* date fields; shift so the local fields equal the UTC ones.
  const utc = new Date(seconds * 1000);
  const mtime = new Date(utc.getTime() + utc.getTimezoneOffset() * 60_000);
  canonicalizeWord(entries);
  if (provenance) writeProvenance(entries, provenance, seconds);
  const zippable: Zippable = {};
  for (const name of Object.keys(entries).sort(compareEntries)) {
    let data = entries[name]!;
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(data).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${iso}${close}`,
      );
      data = strToU8(xml);
    }
    zippable[name] = [data, { level: 6, mtime }];
  }
  return zipSync(zippable, { level: 6, mtime });
}

/** Rewrites a DOCX so its bytes depend only on its content and `epoch` (seconds since 1970, UTC). */
export function normalizeDocx(bytes: Uint8Array, epoch: number = resolveEpoch(), provenance?: ProvenanceInput): Uint8Array {
  return normalizeEntries(unzipSync(bytes), epoch, provenance);
}
