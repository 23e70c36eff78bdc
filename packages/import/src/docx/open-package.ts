/**
 * Opens a counterparty's DOCX without trusting it. Before anything is inflated: an OLE compound file
 * (`D0 CF 11 E0`: what Word writes for a password-protected document, and the legacy .doc format) is
 * refused, the zip directory is read and the entry count, every declared size, their total and the
 * compression ratio are bounded. Only the parts the import reads are inflated, into buffers of their
 * declared size (a lying size truncates the part, which then fails to parse); every XML part is
 * checked for a DTD before it is parsed (see xml.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import { CorruptMarkupError, ProtectedMarkupError, ZipBombError } from '../errors.js';
import { refuseDtd } from './xml.js';

/** Limits of what a markup may hold. A 20-page agreement is ~40 entries, document.xml < 2 MB. */
export const PACKAGE_LIMITS = {
  maxEntries: 2000,
  /** Largest declared uncompressed size of one entry. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Largest declared uncompressed size of all entries together. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Largest compression ratio of an entry above `ratioFloorBytes` (XML compresses 5–30×). */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

/** The parts of a markup the import reads (XML text), by name; absent parts are missing. */
export interface DocxPackage {
  name: string;
  parts: Map<string, string>;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WANTED = new Set([
  'word/document.xml',
  'word/comments.xml',
  'word/commentsExtended.xml',
  'docProps/custom.xml',
  'docProps/core.xml',
  '[Content_Types].xml',
]);
const XML_PART = /\.(xml|rels)$/i;

/** Reads `bytes` as a DOCX (`name` is how messages call it). Throws one of the import errors, never anything else. */
export function openDocxPackage(bytes: Uint8Array, name: string): DocxPackage {
  if (bytes.byteLength === 0) throw new CorruptMarkupError(`${name} is empty, not a Word document`);
  if (CFB.every((b, i) => bytes[i] === b)) {
    throw new ProtectedMarkupError(
      `${name} is password-protected (or a Word 97–2003 .doc): remove the password (File › Info › Protect Document) and save it as .docx, then import again`,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new CorruptMarkupError(`${name} is not a Word document (a .docx is a zip package; this does not start like one)`);
  }
  const limits = PACKAGE_LIMITS;
  let entries = 0;
  let total = 0;
  let bomb: string | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.maxEntries) bomb ??= `it has more than ${limits.maxEntries} entries`;
        else if (file.originalSize > limits.maxEntryBytes) bomb ??= `${file.name} would inflate to ${file.originalSize} bytes`;
        else if (total > limits.maxTotalBytes) bomb ??= `its entries would inflate to more than ${limits.maxTotalBytes} bytes`;
        else if (file.originalSize > limits.ratioFloorBytes && file.originalSize > limits.maxRatio * Math.max(1, file.size)) {
          bomb ??= `${file.name} is compressed ${Math.round(file.originalSize / Math.max(1, file.size))}:1`;
        }
        // Nothing is inflated once one limit is crossed.
        return bomb === undefined && (WANTED.has(file.name) || XML_PART.test(file.name));
      },
    });
  } catch (error) {
    if (bomb) throw new ZipBombError(`${name} is refused as a zip bomb: ${bomb}`);
    throw new CorruptMarkupError(`${name} is a damaged zip package (${(error as Error).message}); is the file complete?`, { cause: error });
  }
  if (bomb) throw new ZipBombError(`${name} is refused as a zip bomb: ${bomb}`);
  const parts = new Map<string, string>();
  for (const [part, data] of Object.entries(raw)) {
    const text = decodeXml(data, name, part);
    refuseDtd(text, name, part);
    if (WANTED.has(part)) parts.set(part, text);
  }
  if (!parts.has('word/document.xml')) throw new CorruptMarkupError(`${name} is not a Word document: the package has no word/document.xml`);
  return { name, parts };
}

function decodeXml(data: Uint8Array, name: string, part: string): string {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(data);
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(data);
    return strFromU8(data);
  } catch (error) {
    throw new CorruptMarkupError(`${name}: ${part} is not readable text (${(error as Error).message})`, { cause: error });
  }
}
