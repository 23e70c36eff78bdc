import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledData, loadYamlFile, type VendorAgreement } from '@contracts/core';
import { clauseContext, loadPlaybook } from '@contracts/playbook';
import { strFromU8, unzipSync } from 'fflate';

export const contractsDir = fileURLToPath(new URL('../../../contracts/', import.meta.url));
export const contractFiles = readdirSync(contractsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

export async function loadContract(name: string): Promise<VendorAgreement> {
  const loaded = await loadYamlFile(`${contractsDir}${name}`);
  if (!loaded.value) throw new Error(`cannot load ${name}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.value as unknown as VendorAgreement;
}

/** A deep copy to mutate in a test. */
export const clone = <T>(value: T): T => structuredClone(value);

/** True when a system pandoc is on PATH (the WASM backend is always tested). */
export const hasSystemPandoc = spawnSync('pandoc', ['--version']).status === 0;
export const backends = (hasSystemPandoc ? ['system', 'wasm'] : ['wasm']) as ('system' | 'wasm')[];

/** Every way to make a DOCX: the built-in writer (the default) and pandoc with each backend. */
export const docxEngines: [string, { docxEngine: 'builtin' | 'pandoc'; backend?: 'system' | 'wasm' }][] = [
  ['built-in writer', { docxEngine: 'builtin' }],
  ...backends.map((backend): [string, { docxEngine: 'pandoc'; backend: 'system' | 'wasm' }] => [`${backend} pandoc`, { docxEngine: 'pandoc', backend }]),
];

/** All zip entries of a DOCX as text. */
export function docxEntries(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The visible text of word/document.xml, paragraphs separated by newlines. */
export function docxText(bytes: Uint8Array): string {
  const xml = docxEntries(bytes)['word/document.xml']!;
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Visible text of an HTML document (tags dropped, entities decoded). */
export function htmlText(html: string): string {
  return (
    html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      // Inline elements (anchors, changes, emphasis) are part of the words around them.
      .replace(/<\/?(?:span|ins|del|strong|em|a|code)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
  );
}

/** The bundled playbook, which decides which laws a rendered agreement names (as `contracts render` does). */
export const playbook = (await loadPlaybook(bundledData.playbook)).playbook!;

/** Render options of `contracts render`: the laws that bind each deal come from the playbook. */
export const asRendered = { extraContext: (contract: VendorAgreement) => clauseContext(playbook, contract) };
