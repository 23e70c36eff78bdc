/**
 * One clause library ready to render: the directories (a user's `--templates` over ours), the Liquid
 * engine with the library's filters and tags, `labels.json` and `sections.json`. Built once per
 * templates directory and kept for the process, so templates are parsed once.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledData } from '@contracts/core/data';
import { TemplateRenderError } from './errors.js';
import { ClauseLibrary } from './library.js';
import { parseLabels, type Labels } from './liquid/filters.js';
import { ClauseEngine } from './liquid/engine.js';
import { readSectionDefinitions, type SectionDefinition } from './sections.js';

/** Our clause library: `templates/` at the repository root. */
export const DEFAULT_TEMPLATES_DIR = bundledData.templatesDir;

export interface Environment {
  library: ClauseLibrary;
  engine: ClauseEngine;
  /** `labels.json`: how the agreement words enum values and places. */
  labels: Labels;
  sections: readonly SectionDefinition[];
}

/** A user directory still holding Nunjucks templates would silently fall back to ours: say so instead. */
function refuseNunjucks(dir: string): void {
  for (const sub of ['', 'clauses']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    const old = names.find((n) => n.endsWith('.njk'));
    if (old) {
      throw new TemplateRenderError(
        `${join(dir, sub, old)} is a Nunjucks template; the clause library is written in Liquid now: rename it to ${old.replace(/\.njk$/, '.liquid')} and migrate it (see templates/README.md)`,
      );
    }
  }
}

function createEnvironment(templatesDir: string | undefined): Environment {
  if (templatesDir) refuseNunjucks(templatesDir);
  const library = new ClauseLibrary(templatesDir ? [templatesDir, DEFAULT_TEMPLATES_DIR] : [DEFAULT_TEMPLATES_DIR]);
  const labelsFile = library.read('labels.json');
  let labels: unknown = {};
  try {
    labels = labelsFile ? JSON.parse(labelsFile.text) : {};
  } catch (error) {
    throw new TemplateRenderError(`${labelsFile!.path}: invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseLabels(labels);
  const engine = new ClauseEngine(library, parsed);
  return { library, engine, labels: parsed, sections: readSectionDefinitions(library) };
}

const environments = new Map<string, Environment>();

/** The environment for a user's templates directory (overriding ours per file), or ours alone. */
export function getEnvironment(templatesDir?: string): Environment {
  const key = templatesDir ?? '';
  let env = environments.get(key);
  if (!env) {
    env = createEnvironment(templatesDir);
    environments.set(key, env);
  }
  return env;
}

/** The clause library's `labels.json` as the agreement reads it, for pages that word the contract's values the same way. */
export function libraryLabels(templatesDir?: string): Labels {
  return getEnvironment(templatesDir).labels;
}

/**
 * The source of one file of the clause library (a user's directory over ours), for tools that point
 * at template lines, such as the drafting lint. Undefined when no directory has it.
 */
export function readTemplate(name: string, templatesDir?: string): { text: string; path: string } | undefined {
  return getEnvironment(templatesDir).library.read(name);
}
