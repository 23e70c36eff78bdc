import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundledData,
  compareDiagnostics,
  locate,
  loadValidator,
  loadYamlFile,
  loadYamlText,
  validateLoaded,
  type Diagnostic,
  type LoadedFile,
} from '@contracts/core';
import { compileRules } from './compile-rules.js';
import { compileTerm } from './compile-term.js';
import { compileConsistencyChecks } from './consistency.js';
import { pathSegments, pointerOf, termDotted } from './paths.js';
import { semanticChecks, termEntryPointer } from './semantic-checks.js';
import type { CompiledTerm, Playbook, PlaybookSource } from './types.js';

/** The playbook shipped with the tool. */
export const defaultPlaybookPath = bundledData.playbook;

export interface LoadedPlaybook {
  /** `undefined` when the file has errors: a broken playbook must never rate contracts. */
  playbook: Playbook | undefined;
  /** Parse, schema and semantic problems, positioned in the playbook file. */
  diagnostics: Diagnostic[];
}

/** The playbook a command should use: `./playbook.yaml` in `cwd` when present, else the bundled one. */
export function resolvePlaybookPath(explicit?: string, cwd = process.cwd()): string {
  if (explicit) return explicit;
  const local = join(cwd, 'playbook.yaml');
  return existsSync(local) ? local : defaultPlaybookPath;
}

/**
 * Alias expansions a playbook may make. Its law scopes are anchors written once and aliased by dozens of
 * rules (one anchor's aliases nested in another's multiply in yaml's count), so a contract's limit of 100
 * is too low for it; a "billion laughs" grows exponentially, and 5,000 still stops one at once.
 */
const PLAYBOOK_MAX_ALIAS_COUNT = 5000;

/** Reads, validates and compiles a playbook file. Throws only when the file cannot be read. */
export async function loadPlaybook(path: string = defaultPlaybookPath): Promise<LoadedPlaybook> {
  return compilePlaybook(await loadYamlFile(path, { maxAliasCount: PLAYBOOK_MAX_ALIAS_COUNT }));
}

/** Same as `loadPlaybook` for text already in memory (tests, editors). */
export async function loadPlaybookText(text: string, file = 'playbook.yaml'): Promise<LoadedPlaybook> {
  return compilePlaybook(loadYamlText(text, file, { maxAliasCount: PLAYBOOK_MAX_ALIAS_COUNT }));
}

/** Validates a parsed playbook against schemas/playbook.schema.json, then compiles lookups once. */
export async function compilePlaybook(loaded: LoadedFile): Promise<LoadedPlaybook> {
  const parse = loaded.diagnostics.map((d) =>
    d.code === 'yaml/empty' ? { ...d, message: d.message.replace(/a contract starts with .*$/, 'a playbook starts with `playbookVersion: 1`') } : d,
  );
  if (loaded.value === undefined) return { playbook: undefined, diagnostics: parse };
  const schema = validateLoaded(loaded, await loadValidator('playbook'));
  if (parse.length > 0 || schema.length > 0) return { playbook: undefined, diagnostics: [...parse, ...schema].sort(compareDiagnostics) };

  const source = loaded.value as unknown as PlaybookSource;
  const terms: CompiledTerm[] = Object.entries(source.terms).map(([key, spec]) => {
    const segments = pathSegments(key, ['terms']);
    const term = compileTerm(termDotted(segments), segments, termEntryPointer(key), spec);
    term.pointer = pointerOf(segments);
    return term;
  });
  const termsByPath = new Map(terms.map((t) => [t.path, t]));
  const regions = source.regions ?? {};
  const context = { regions };
  const problems: { rule: number; at: string; message: string }[] = [];
  const rules = compileRules(source.riskRules ?? [], termsByPath, problems, context);
  const checkProblems: { check: number; at: string; message: string }[] = [];
  const consistencyChecks = compileConsistencyChecks(source.consistencyChecks ?? [], context, checkProblems);
  const diagnostics = semanticChecks(loaded, source, terms);
  const report = (pointer: string, message: string) =>
    diagnostics.push({ code: 'playbook/invalid', severity: 'error', message, file: loaded.file, path: pointer, ...locate(loaded, pointer, 'key') });
  for (const p of problems) report(`/riskRules/${p.rule}${p.at}`, p.message);
  for (const p of checkProblems) report(`/consistencyChecks/${p.check}${p.at}`, p.message);
  const ruleIds = new Set(rules.map((r) => r.id));
  const laws = new Map(Object.entries(source.laws ?? {}));
  for (const [code, ids] of laws)
    ids.forEach((id, i) => {
      if (!ruleIds.has(id)) report(`/laws/${code}/${i}`, `laws.${code} names rule ${id}, which the playbook does not have`);
    });
  diagnostics.sort(compareDiagnostics);
  const broken = diagnostics.some((d) => d.severity === 'error');
  const playbook = broken ? undefined : { file: loaded.file, title: source.title, terms, termsByPath, rules, consistencyChecks, regions, laws };
  return { playbook, diagnostics };
}

/** Every term the playbook rates or records, with its label (for `contracts new`, diffs and reports). */
export function listTerms(playbook: Playbook): { path: string; pointer: string; label: string; kind: string; expected: boolean }[] {
  return playbook.terms.map((t) => ({ path: t.path, pointer: t.pointer, label: t.spec.label, kind: t.spec.kind, expected: t.spec.expected !== false }));
}
