/**
 * Cheap checks before a document reaches the engine, so that the common ways a file is not a DOCX
 * (empty, not a zip, a damaged zip, a zip without a Word body) are told in one line naming the file.
 */
import { unzipSync } from 'fflate';
import { CorruptDocxError } from './errors.js';

const REQUIRED = ['[Content_Types].xml', 'word/document.xml'];

/** Throws `CorruptDocxError` ("<name> is …") unless `bytes` look like a readable DOCX package. */
export function checkDocx(bytes: Uint8Array, name: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new CorruptDocxError(`${name} is empty, not a DOCX file`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new CorruptDocxError(`${name} is not a DOCX file (a DOCX is a zip package; this does not start like one)`);
  }
  const names = new Set<string>();
  try {
    // Reads the zip's directory only: nothing is inflated (the engine reads the parts themselves).
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return false;
      },
    });
  } catch (error) {
    throw new CorruptDocxError(`${name} is a damaged zip package (${(error as Error).message}); is the file complete?`, { cause: error });
  }
  const missing = REQUIRED.filter((part) => !names.has(part));
  if (missing.length > 0) throw new CorruptDocxError(`${name} is not a Word document: the package has no ${missing.join(' and no ')}`);
}
