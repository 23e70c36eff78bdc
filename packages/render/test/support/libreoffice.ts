import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** LibreOffice with UNO: Debian's python3-uno is importable only from the system Python. */
export const hasLibreOffice =
  existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import uno']).status === 0 && spawnSync('soffice', ['--version']).status === 0;

export interface OfficeView {
  /** Paragraph and table-cell text as LibreOffice shows it. */
  text: string;
  bookmarks: string[];
  /** Custom document properties. */
  properties: Record<string, string>;
  /** The document as LibreOffice saved it again ("MS Word 2007 XML"). */
  resaved: Uint8Array;
}

/** Opens each DOCX in one headless LibreOffice, reads it and saves it again. */
export function throughLibreOffice(documents: readonly Uint8Array[]): OfficeView[] {
  const dir = mkdtempSync(join(tmpdir(), 'lo-roundtrip-'));
  const args = documents.flatMap((bytes, i) => {
    writeFileSync(join(dir, `${i}.docx`), bytes);
    return [join(dir, `${i}.docx`), join(dir, `${i}-saved.docx`)];
  });
  const script = fileURLToPath(new URL('./libreoffice.py', import.meta.url));
  const out = execFileSync('/usr/bin/python3', [script, ...args], { encoding: 'utf8', timeout: 180_000 });
  const views = JSON.parse(out) as Omit<OfficeView, 'resaved'>[];
  return views.map((view, i) => ({ ...view, resaved: new Uint8Array(readFileSync(join(dir, `${i}-saved.docx`))) }));
}
