import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledData, loadYamlText, type LoadedFile } from '@contracts/core';

const fixturePath = new URL('./fixtures/maximal.yaml', import.meta.url).pathname;
const fixtureText = readFileSync(fixturePath, 'utf8');

/** Deletes a dotted path (`terms.jurisdiction.dataProcessingAgreement`) from a parsed contract. */
function drop(root: unknown, dotted: string): void {
  const keys = dotted.split('.');
  let node = root as Record<string, unknown> | undefined;
  for (const key of keys.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node && typeof node === 'object') delete node[keys[keys.length - 1]!];
}

/**
 * The maximal fixture (every clause the library can print), loaded with its positions, minus the
 * paths given. Positions of what is left stay those of the file.
 */
export function fixture(without: readonly string[] = [], edit?: (contract: Record<string, any>) => void): LoadedFile {
  const loaded = loadYamlText(fixtureText, fixturePath);
  for (const path of without) drop(loaded.value, path);
  edit?.(loaded.value as Record<string, any>);
  return loaded;
}

interface SectionEntry {
  id: string;
  when: string[];
  annex?: boolean;
}

/** The contract paths whose removal drops each optional section of sections.json. */
function optionalSections(): { main: SectionEntry[]; annexes: SectionEntry[] } {
  const all = (JSON.parse(readFileSync(`${bundledData.templatesDir}sections.json`, 'utf8')) as SectionEntry[]).filter((s) => s.when.length > 0);
  return { main: all.filter((s) => !s.annex), annexes: all.filter((s) => s.annex) };
}

const popcount = (n: number): number => (n === 0 ? 0 : (n & 1) + popcount(n >>> 1));

/**
 * Contracts covering every combination of the optional Standard Terms sections (exhaustive), with the
 * annexes' subsets and a public or private buyer rotated through them.
 */
export function* combinations(): Generator<{ loaded: LoadedFile; label: string }> {
  const { main, annexes } = optionalSections();
  for (let i = 0; i < 2 ** main.length; i++) {
    const annexMask = (i ^ (i >> 4) ^ (i >> 8)) & (2 ** annexes.length - 1);
    const off = [...main.filter((_, b) => (i >> b) & 1), ...annexes.filter((_, b) => (annexMask >> b) & 1)];
    // Public and private buyers alternate with the parity of the subset, so each meets every section switched on and off.
    const government = popcount(i) & 1;
    const paths = off.flatMap((s) => s.when.map((w) => w.split('=')[0]!));
    const loaded = fixture(paths, (c) => {
      if (government) Object.assign(c.parties.buyer, { kind: 'government', entityType: 'local-government', statuses: [] });
    });
    yield { loaded, label: `without [${off.map((s) => s.id).join(', ')}]${government ? ', public buyer' : ''}` };
  }
}

/** A templates directory holding the given files (overriding the bundled library file by file). */
export function userTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'drafting-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
