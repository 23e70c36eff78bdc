/**
 * Where a rendered DOCX came from, in its custom document properties (`docProps/custom.xml`, shown
 * by Word under File › Properties › Custom and kept by Word and LibreOffice when they save): the
 * contract id, the commit and round it was rendered from, the ref asked for, when (the epoch every
 * other date in the file uses, so the bytes stay reproducible) and the toolkit version. `contracts
 * import` reads them back with {@link readProvenance} to find the base of a returned markup.
 */
import { createRequire } from 'node:module';
import { strFromU8, strToU8, unzipSync, type Unzipped } from 'fflate';
import { escapeHtml } from './escape-html.js';

/** What the caller knows about the source of a rendering. */
export interface ProvenanceInput {
  contractId: string;
  /** Full commit id the contract was read from. */
  commit?: string;
  /** Negotiation round (`3` for tag `<id>/round-3`). */
  round?: number;
  /** The ref as the user gave it (`HEAD`, `springfield-smartcam/round-3`). */
  ref?: string;
}

/** The properties as stored: the input plus the render time and the toolkit version. */
export interface Provenance extends ProvenanceInput {
  /** ISO 8601 UTC, from the document epoch (SOURCE_DATE_EPOCH when set). */
  renderedAt: string;
  toolkitVersion: string;
}

/** Property names in the DOCX, in the order written. */
export const PROVENANCE_PROPERTIES = {
  contractId: 'contracts.contractId',
  commit: 'contracts.commit',
  round: 'contracts.round',
  ref: 'contracts.ref',
  renderedAt: 'contracts.renderedAt',
  toolkitVersion: 'contracts.toolkitVersion',
} as const satisfies Record<keyof Provenance, string>;

export const TOOLKIT_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

const CUSTOM = 'docProps/custom.xml';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const XML_CHARS = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Writes the provenance into the DOCX entries (custom.xml, its content type and package relationship). */
export function writeProvenance(entries: Unzipped, input: ProvenanceInput, epoch: number): void {
  const provenance: Provenance = { ...input, renderedAt: new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'), toolkitVersion: TOOLKIT_VERSION };
  let pid = 2; // 0 and 1 are reserved by the format
  const properties = (Object.keys(PROVENANCE_PROPERTIES) as (keyof Provenance)[])
    .filter((key) => provenance[key] !== undefined && provenance[key] !== '')
    .map((key) => {
      const value = escapeHtml(String(provenance[key]).replace(XML_CHARS, '').slice(0, 255));
      return `<property fmtid="${FMTID}" pid="${pid++}" name="${PROVENANCE_PROPERTIES[key]}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
    });
  entries[CUSTOM] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${properties.join('')}</Properties>`,
  );
  const types = strFromU8(entries['[Content_Types].xml']!);
  if (!types.includes(`PartName="/${CUSTOM}"`)) {
    entries['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/${CUSTOM}" ContentType="${CUSTOM_TYPE}" /></Types>`));
  }
  const rels = strFromU8(entries['_rels/.rels']!);
  if (!rels.includes(CUSTOM_REL)) {
    entries['_rels/.rels'] = strToU8(
      rels.replace('</Relationships>', `<Relationship Id="rIdContractsCustom" Type="${CUSTOM_REL}" Target="${CUSTOM}" /></Relationships>`),
    );
  }
}

const unescapeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#39);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', '#39': "'" })[e]!);

/** The provenance a DOCX carries (ours, or one Word or LibreOffice saved), or undefined when it has none. */
export function readProvenance(docx: Uint8Array): Partial<Provenance> | undefined {
  let xml: string;
  try {
    const entry = unzipSync(docx, { filter: (file) => file.name === CUSTOM })[CUSTOM];
    if (!entry) return undefined;
    xml = strFromU8(entry);
  } catch {
    return undefined;
  }
  const byName = new Map<string, keyof Provenance>(Object.entries(PROVENANCE_PROPERTIES).map(([key, name]) => [name, key as keyof Provenance]));
  const found: Partial<Record<keyof Provenance, string | number>> = {};
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:(\w+)>([^<]*)<\/vt:\2>/g)) {
    const key = byName.get(unescapeXml(m[1]!));
    if (key) found[key] = unescapeXml(m[3]!);
  }
  if (found.contractId === undefined) return undefined;
  if (found.round !== undefined) found.round = Number(found.round);
  return found as Partial<Provenance>;
}
