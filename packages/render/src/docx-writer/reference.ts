/**
 * The reference document (ours in `templates/`, or the user's `--templates` one), read once per file
 * the way pandoc reads it: paragraph and character style ids by name, the section properties (page
 * size, margins, header and footer references), the parts copied as they are (styles, theme, fonts,
 * web settings, app properties, headers, footers, their relationships and media) and the settings
 * and numbering pandoc merges. A reference that lacks a part pandoc would take from its own default
 * document cannot be written by the built-in writer: `problem` says why, and the caller uses pandoc.
 */
import { statSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { settingsXml } from './settings.js';
import { attribute, childElements, firstElement } from './xml.js';

export interface ReferenceDoc {
  /** Why the built-in writer cannot use this document (then pandoc converts instead). */
  problem?: string;
  paraStyles: Map<string, string>;
  charStyles: Map<string, string>;
  sectPr: string;
  settings: string;
  numbering: string | undefined;
  /** Header, footer and image relationships of the document part, kept with their ids. */
  relationships: string[];
  maxRelationshipId: number;
  /** `[part name, content type]` of headers, footers and media. */
  overrides: [string, string][];
  /** Parts copied byte for byte. */
  copied: Unzipped;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  webp: 'image/webp',
};

function styleMaps(xml: string): { paraStyles: Map<string, string>; charStyles: Map<string, string> } {
  const paraStyles = new Map<string, string>();
  const charStyles = new Map<string, string>();
  for (const e of childElements(xml)) {
    if (e.name !== 'w:style') continue;
    const tag = e.xml.slice(0, e.xml.indexOf('>'));
    const id = attribute(tag, 'w:styleId');
    const name = attribute(/<w:name\b[^>]*>/.exec(e.xml)?.[0] ?? '', 'w:val');
    const map = attribute(tag, 'w:type') === 'character' ? charStyles : attribute(tag, 'w:type') === 'paragraph' ? paraStyles : undefined;
    if (map && id && name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), id);
  }
  return { paraStyles, charStyles };
}

function read(entries: Unzipped): ReferenceDoc {
  const text = (name: string) => (entries[name] ? strFromU8(entries[name]!) : undefined);
  const document = text('word/document.xml');
  const styles = text('word/styles.xml');
  const missing = ['word/document.xml', 'word/styles.xml', 'docProps/app.xml', 'word/theme/theme1.xml', 'word/fontTable.xml', 'word/webSettings.xml'].filter(
    (name) => !entries[name],
  );
  const copied: Unzipped = {};
  const overrides: [string, string][] = [];
  const relationships: string[] = [];
  let maxRelationshipId = 0;
  for (const rel of childElements(text('word/_rels/document.xml.rels') ?? '')) {
    const type = attribute(rel.xml, 'Type') ?? '';
    const kind = type.startsWith(REL) ? type.slice(REL.length) : '';
    if (kind !== 'header' && kind !== 'footer' && kind !== 'image') continue;
    relationships.push(rel.xml);
    maxRelationshipId = Math.max(maxRelationshipId, Number(/^rId(\d+)$/.exec(attribute(rel.xml, 'Id') ?? '')?.[1] ?? 0));
    const part = `word/${attribute(rel.xml, 'Target') ?? ''}`;
    if (kind === 'image') continue;
    if (!entries[part]) missing.push(part);
    else copied[part] = entries[part]!;
    overrides.push([`/${part}`, `application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml`]);
  }
  for (const [name, data] of Object.entries(entries)) {
    const rels = name.startsWith('word/_rels/') && name.endsWith('.xml.rels') && !/\/(document|footnotes)\.xml\.rels$/.test(name);
    if (rels || name.startsWith('word/fonts/') || name.startsWith('word/media/')) copied[name] = data;
    if (name.startsWith('word/media/') && !name.endsWith('/'))
      overrides.push([`/${name}`, MEDIA_TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream']);
  }
  for (const name of ['docProps/app.xml', 'word/theme/theme1.xml', 'word/fontTable.xml', 'word/webSettings.xml', 'word/styles.xml'])
    if (entries[name]) copied[name] = entries[name]!;
  return {
    ...(missing.length > 0 ? { problem: `the reference document has no ${missing.join(', ')}` } : {}),
    ...styleMaps(styles ?? ''),
    sectPr: (document && firstElement(document, 'w:sectPr')) ?? '<w:sectPr />',
    settings: settingsXml(text('word/settings.xml')),
    numbering: text('word/numbering.xml'),
    relationships,
    maxRelationshipId,
    overrides,
    copied,
  };
}

const byPath = new Map<string, { stamp: string; reference: ReferenceDoc }>();
const byBytes = new WeakMap<Uint8Array, ReferenceDoc>();

function unreadable(error: unknown): ReferenceDoc {
  return { ...read({}), problem: `the reference document cannot be read (${(error as Error).message})` };
}

/** The reference document at `source` (a path or the bytes), read once per file version. */
export function loadReference(source: string | Uint8Array): ReferenceDoc {
  if (typeof source !== 'string') {
    let reference = byBytes.get(source);
    if (!reference) {
      try {
        reference = read(unzipSync(source));
      } catch (error) {
        reference = unreadable(error);
      }
      byBytes.set(source, reference);
    }
    return reference;
  }
  let stamp: string;
  try {
    const stat = statSync(source);
    stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch (error) {
    return unreadable(error);
  }
  const cached = byPath.get(source);
  if (cached?.stamp === stamp) return cached.reference;
  let reference: ReferenceDoc;
  try {
    reference = read(unzipSync(readFileSync(source)));
  } catch (error) {
    reference = unreadable(error);
  }
  byPath.set(source, { stamp, reference });
  return reference;
}
