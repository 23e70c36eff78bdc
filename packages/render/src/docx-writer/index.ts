/**
 * The built-in Markdown → DOCX writer: the library's Markdown (the subset markdown/blocks.ts parses,
 * checked by markdown/subset.ts) becomes the package pandoc would write with the same reference
 * document — same parts, styles, numbering, settings and section properties, same text, paragraph
 * styles, tables, lists, bookmarks and links (test/docx-differential.test.ts holds it to pandoc and
 * LibreOffice). It takes milliseconds where pandoc-wasm's first conversion takes seconds. The zip is
 * made by render's `normalizeEntries`, as for pandoc's output.
 */
import { strToU8, type Unzipped } from 'fflate';
import { parseBlocks } from '../markdown/blocks.js';
import { BodyWriter } from './body.js';
import type { BodyItem } from './model.js';
import { numberingXml, type ListMarker } from './numbering.js';
import { loadReference, type ReferenceDoc } from './reference.js';
import { beyondSubset } from '../markdown/subset.js';
import { escapeXml } from './xml.js';

export { loadReference, type ReferenceDoc } from './reference.js';
export * from './model.js';
export { escapeXml } from './xml.js';
export type { ListMarker } from './numbering.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES = `xmlns:w="${W}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`;
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const TYPE = 'application/vnd.openxmlformats-officedocument.';

/** The parts every document has, with pandoc's content types and (document part) relationship types. */
const PARTS: [string, string, string | undefined][] = [
  ['/word/webSettings.xml', `${TYPE}wordprocessingml.webSettings+xml`, 'webSettings'],
  ['/word/numbering.xml', `${TYPE}wordprocessingml.numbering+xml`, 'numbering'],
  ['/word/settings.xml', `${TYPE}wordprocessingml.settings+xml`, 'settings'],
  ['/word/theme/theme1.xml', `${TYPE}theme+xml`, 'theme'],
  ['/word/fontTable.xml', `${TYPE}wordprocessingml.fontTable+xml`, 'fontTable'],
  ['/docProps/app.xml', `${TYPE}extended-properties+xml`, undefined],
  ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml', undefined],
  ['/docProps/custom.xml', `${TYPE}custom-properties+xml`, undefined],
  ['/word/styles.xml', `${TYPE}wordprocessingml.styles+xml`, 'styles'],
  ['/word/document.xml', `${TYPE}wordprocessingml.document.main+xml`, undefined],
  ['/word/comments.xml', `${TYPE}wordprocessingml.comments+xml`, 'comments'],
  ['/word/footnotes.xml', `${TYPE}wordprocessingml.footnotes+xml`, 'footnotes'],
];
// pandoc numbers the document part's own relationships after the reference's, comments first.
const DOCUMENT_RELS = ['numbering', 'styles', 'settings', 'webSettings', 'fontTable', 'theme', 'footnotes', 'comments'];

const PACKAGE_RELS = `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}officeDocument" Target="word/document.xml" /><Relationship Id="rId4" Type="${REL}extended-properties" Target="docProps/app.xml" /><Relationship Id="rId3" Type="${RELS}/metadata/core-properties" Target="docProps/core.xml" /><Relationship Id="rId5" Type="${REL}custom-properties" Target="docProps/custom.xml" /></Relationships>`;
const FOOTNOTES = `${XML}<w:footnotes ${NAMESPACES}><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator /></w:r></w:p></w:footnote><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator /></w:r></w:p></w:footnote></w:footnotes>`;
const COMMENTS = `${XML}<w:comments ${NAMESPACES} />`;
const CUSTOM = `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes" />`;

function coreXml(epoch: number): string {
  const date = new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:creator></dc:creator><cp:keywords></cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified></cp:coreProperties>`;
}

const lower = (name: string) => name.toLowerCase();

/** A document as the built-in writer models it, before it is packaged (see model.ts). */
export interface DocxModel {
  body: readonly BodyItem[];
  /** The marker of every list, in document order (list n has numId 1001 + n). */
  lists: readonly ListMarker[];
  /** External link targets → their relationship ids in the document part. */
  links: ReadonlyMap<string, string>;
  /** Whether the Markdown already held tracked changes (`.insertion`/`.deletion` spans). */
  tracked: boolean;
}

/** Markdown (inside the subset) → the writer's model of its body, with `reference`'s style ids. */
export function docxModel(markdown: string, reference: ReferenceDoc): DocxModel {
  let bookmarks = 0;
  let changes = 0;
  const links = new Map<string, string>();
  const firstLinkId = reference.maxRelationshipId + DOCUMENT_RELS.length + 1;
  const body = new BodyWriter({
    paraStyle: (name) => reference.paraStyles.get(lower(name)) ?? name.replace(/\s/g, ''),
    charStyle: (name) => reference.charStyles.get(lower(name)) ?? name.replace(/\s/g, ''),
    nextBookmarkId: () => bookmarks++,
    nextChangeId: () => changes++,
    externalLink: (target) => {
      if (!links.has(target)) links.set(target, `rId${firstLinkId + links.size}`);
      return links.get(target)!;
    },
  }).blocks(parseBlocks(markdown));
  return { body: body.items(), lists: body.lists, links, tracked: changes > 0 };
}

/**
 * The DOCX package's entries around a body: `body` is `word/document.xml`'s body without the section
 * properties (`bodyXml(model.body)`, or a redline's), `lists` the markers its numIds 1001… stand for,
 * `links` the relationship ids its hyperlinks use.
 */
export function docxPackage(body: string, lists: readonly ListMarker[], links: ReadonlyMap<string, string>, reference: ReferenceDoc, epoch: number): Unzipped {
  const linkRels = [...links].map(([target, id]) => `<Relationship Type="${REL}hyperlink" Id="${id}" Target="${escapeXml(target)}" TargetMode="External" />`);
  const baseRels = DOCUMENT_RELS.map((type, i) => {
    const part = PARTS.find((p) => p[2] === type)![0].replace('/word/', '');
    return `<Relationship Type="${REL}${type}" Id="rId${reference.maxRelationshipId + DOCUMENT_RELS.length - i}" Target="${part}" />`;
  });
  const overrides = [...PARTS.map(([part, type]) => [part, type] as [string, string]), ...reference.overrides];
  const contentTypes = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml" /><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="odttf" ContentType="${TYPE}obfuscatedFont" />${overrides
    .map(([part, type]) => `<Override PartName="${escapeXml(part)}" ContentType="${escapeXml(type)}" />`)
    .join('')}</Types>`;
  const relationships = (rels: string[]) => `${XML}<Relationships xmlns="${RELS}">${rels.join('')}</Relationships>`;

  return {
    ...reference.copied,
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(PACKAGE_RELS),
    'word/document.xml': strToU8(`${XML}<w:document ${NAMESPACES}><w:body>${body}${reference.sectPr}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(relationships([...baseRels, ...reference.relationships, ...linkRels])),
    'word/_rels/footnotes.xml.rels': strToU8(relationships(linkRels)),
    'word/numbering.xml': strToU8(numberingXml(reference.numbering, lists)),
    'word/settings.xml': strToU8(reference.settings),
    'word/footnotes.xml': strToU8(FOOTNOTES),
    'word/comments.xml': strToU8(COMMENTS),
    'docProps/core.xml': strToU8(coreXml(epoch)),
    'docProps/custom.xml': strToU8(CUSTOM),
  };
}

/**
 * The built-in writer's model of `markdown` with the reference document at `referenceDoc` (a path or
 * the bytes), or why it cannot write it: Markdown beyond its subset, or a reference it cannot use
 * (then pandoc converts, see docx-engine.ts).
 */
export function builtinDocxModel(markdown: string, referenceDoc: string | Uint8Array): { model: DocxModel; reference: ReferenceDoc } | { reason: string } {
  const beyond = beyondSubset(markdown);
  if (beyond) return { reason: `line ${beyond.line} has ${beyond.construct}` };
  const reference = loadReference(referenceDoc);
  if (reference.problem) return { reason: reference.problem };
  return { model: docxModel(markdown, reference), reference };
}
