import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { InputOutputError, UsageError } from '@contracts/core';
import { toolkitRoot } from '@contracts/core/data';
import { writeFileAtomic } from '@contracts/core/write';
import { DEFAULTS } from './evaluation.js';
import { mergeEditorSettings } from './merge-settings.js';
import { newAgreement } from './new-agreement.js';

/**
 * What `init` writes, and what it does when the file is there already with other content:
 * - `replace`: the toolkit's file (schemas, playbook, workflow, the example) — a conflict, replaced only with `force`;
 * - `merge`: the user's editor settings — our keys are added to theirs, theirs are never replaced;
 * - `beside`: the user's README — kept; ours is written next to it under another name.
 */
const scaffold: { from: string; to: string; existing: 'replace' | 'merge' | 'beside' }[] = [
  { from: 'schemas/vendor-agreement.schema.json', to: 'schemas/vendor-agreement.schema.json', existing: 'replace' },
  { from: 'schemas/playbook.schema.json', to: 'schemas/playbook.schema.json', existing: 'replace' },
  { from: 'playbook.yaml', to: 'playbook.yaml', existing: 'replace' },
  { from: '.github/examples/contracts-repo.yml', to: '.github/workflows/contracts.yml', existing: 'replace' },
  { from: 'packages/scaffold/files/.vscode/settings.json', to: '.vscode/settings.json', existing: 'merge' },
  { from: 'packages/scaffold/files/.vscode/extensions.json', to: '.vscode/extensions.json', existing: 'merge' },
  { from: 'packages/scaffold/files/README.md', to: 'README.md', existing: 'beside' },
];

/** Where our README goes when the folder has its own. */
const GUIDE_BESIDE_README = 'CONTRACTS.md';

/** The example agreement: made by `contracts new` from a complete evaluation, so it passes its own check. */
export const EXAMPLE_ID = 'example-door-sensors';

export interface InitResult {
  /** Files written (created, replaced or merged). */
  written: string[];
  /** What init did instead of writing a file as it ships: a merge, a file kept, a guide written beside it. */
  notes: string[];
}

/**
 * `contracts init`: a repository of agreements ready for pull requests: the schemas, with VS Code mapped
 * to them for every file under `contracts/` (completion one folder deeper too) and the YAML extension
 * recommended; the default playbook to adapt; a README for legal ops; an example agreement that passes
 * `check`; and the GitHub workflow, green on the first commit.
 *
 * Every file is checked before any is written, so a refusal leaves the folder as it was. Identical files
 * are left alone. The user's own editor settings are merged (their values win) and their README kept (the
 * guide goes to CONTRACTS.md); a different toolkit file (schema, playbook, workflow, example) is a
 * conflict: UsageError 'io/exists' listing them all, unless `force` replaces them.
 */
export async function initRepository(dir: string, options: { force?: boolean; action?: string } = {}): Promise<InitResult> {
  const planned: { target: string; shown: string; content: string; existing: 'replace' | 'merge' | 'beside' }[] = [];
  for (const { from, to, existing } of scaffold) {
    let content = await readFile(join(toolkitRoot, from), 'utf8');
    if (options.action && to.endsWith('contracts.yml')) content = content.replaceAll('OWNER/contracts-as-code/.github/actions/contracts@main', options.action);
    planned.push({ target: join(dir, to), shown: to, content, existing });
  }
  const exampleFile = join('contracts', `${EXAMPLE_ID}.yaml`);
  const example = await newAgreement(EXAMPLE_ID, {
    vendor: 'Example Access Systems Inc.',
    buyer: 'Example Logistics LLC',
    product: 'DoorSense 200 wireless door sensors',
    securityEmail: 'security@logistics.example',
    title: 'Door Sensor Purchase and Security Agreement (example)',
    out: join(dir, exampleFile),
    // The playbook and schema init writes (a different playbook already there is a conflict, or replaced with --force).
    playbook: join(toolkitRoot, 'playbook.yaml'),
    schema: join(dir, 'schemas', 'vendor-agreement.schema.json'),
    shownAs: { file: exampleFile.split(sep).join('/'), playbook: 'playbook.yaml' },
    write: false,
    // The cautious defaults `new` takes, for a door-sensor deal between a New York buyer and a Delaware vendor.
    evaluation: { ...DEFAULTS, buyerJurisdiction: 'US-NY', vendorJurisdiction: 'US-DE', category: 'access-control', storage: ['US'] },
  });
  planned.push({ target: join(dir, exampleFile), shown: exampleFile, content: example.text, existing: 'replace' });

  const writes: { target: string; content: string }[] = [];
  const conflicts: string[] = [];
  const notes: string[] = [];
  for (const file of planned) {
    const current = await readIfExists(file.target);
    if (current === undefined) writes.push(file);
    else if (current === file.content) continue;
    else if (file.existing === 'merge') {
      const merged = mergeEditorSettings(current, file.content);
      if (merged === undefined)
        notes.push(
          `kept ${file.shown}: it cannot be read as JSON with comments, so add what ${join('<toolkit>', 'packages/scaffold/files', file.shown)} sets yourself`,
        );
      else if (merged !== current) {
        writes.push({ target: file.target, content: merged });
        notes.push(`merged ${file.shown}: added the YAML schema mapping and recommendations; your settings are unchanged`);
      }
    } else if (file.existing === 'beside') {
      const beside = join(dir, GUIDE_BESIDE_README);
      const there = await readIfExists(beside);
      if (there === undefined) writes.push({ target: beside, content: file.content });
      else if (there !== file.content) {
        if (options.force) writes.push({ target: beside, content: file.content });
        else conflicts.push(GUIDE_BESIDE_README);
      }
      notes.push(`kept your ${file.shown}; the guide for legal ops is in ${GUIDE_BESIDE_README}`);
    } else if (options.force) writes.push(file);
    else conflicts.push(file.shown);
  }
  if (conflicts.length > 0 && !options.force) {
    throw new UsageError(
      'io/exists',
      `${conflicts.join(', ')} already exist${conflicts.length === 1 ? 's' : ''} with other content, so nothing was written; move ${conflicts.length === 1 ? 'it' : 'them'} aside, or pass --force to replace ${conflicts.length === 1 ? 'it' : 'them'} (your README and editor settings are never replaced)`,
    );
  }
  for (const w of writes) await writeFileAtomic(w.target, w.content, { force: true });
  return { written: writes.map((w) => w.target), notes };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputOutputError('io/unreadable', `Cannot read ${path} (${String(code)}), so init cannot tell whether it may write it`, { cause: error });
  }
}
