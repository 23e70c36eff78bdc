/**
 * Facts of the clause library the import needs to guess candidate values: which contract paths bring
 * each section in (`sections.json` `when`: the terms a section's wording can depend on), the values
 * each label kind knows (`labels.json`: `mutual` for "mutual") and the places the library names
 * itself (`placeName`; the rest are ISO 3166 names, render's `placeCodesNamedIn`). A user's templates
 * directory wins over ours, file by file, as in render.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEMPLATES_DIR } from '@contracts/render';

export interface LibraryFacts {
  sectionPaths: Map<string, string[]>;
  labelValues: Map<string, string[]>;
  /** `labels.json` `placeName`: the codes the library names itself (`GB-ENG` → "England and Wales"), with their names. */
  placeNames: Map<string, string>;
}

const cache = new Map<string, LibraryFacts>();

function readJson(templatesDir: string | undefined, file: string): unknown {
  for (const dir of [templatesDir, DEFAULT_TEMPLATES_DIR]) {
    if (!dir || !existsSync(join(dir, file))) continue;
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The facts for a templates directory (ours when undefined). */
export function libraryFacts(templatesDir?: string): LibraryFacts {
  const key = templatesDir ?? '';
  let facts = cache.get(key);
  if (facts) return facts;
  const sections = readJson(templatesDir, 'sections.json');
  const labels = readJson(templatesDir, 'labels.json');
  facts = { sectionPaths: new Map(), labelValues: new Map(), placeNames: new Map() };
  if (Array.isArray(sections)) {
    for (const s of sections as { id?: unknown; when?: unknown }[]) {
      if (typeof s?.id === 'string' && Array.isArray(s.when))
        facts.sectionPaths.set(
          s.id,
          s.when.filter((w): w is string => typeof w === 'string'),
        );
    }
  }
  if (labels && typeof labels === 'object') {
    for (const [kind, table] of Object.entries(labels)) if (table && typeof table === 'object') facts.labelValues.set(kind, Object.keys(table));
    const places = (labels as Record<string, unknown>).placeName;
    if (places && typeof places === 'object') for (const [code, name] of Object.entries(places)) if (typeof name === 'string') facts.placeNames.set(code, name);
  }
  cache.set(key, facts);
  return facts;
}
