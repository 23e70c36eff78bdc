import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadYamlText, type LoadedFile } from '@contracts/core';
import { parse, stringify } from 'yaml';
import { loadPlaybook, type Playbook } from '../src/index.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export type Contract = Record<string, any>;

/** A fresh, valid contract to mutate: the Nordlicht example. */
export function baseContract(name = 'nordlicht-building-sensors'): Contract {
  return parse(readFileSync(`${repoRoot}contracts/${name}.yaml`, 'utf8')) as Contract;
}

/** A contract object as a loaded file (with positions), as the checker sees it. */
export function asLoaded(contract: Contract, file = 'mutated.yaml'): LoadedFile {
  return loadYamlText(stringify(contract), file);
}

let cached: Playbook | undefined;
export async function defaultPlaybook(): Promise<Playbook> {
  if (!cached) {
    const { playbook, diagnostics } = await loadPlaybook();
    if (!playbook) throw new Error(`default playbook is broken: ${JSON.stringify(diagnostics)}`);
    cached = playbook;
  }
  return cached;
}

/** Deletes a value by path segments. */
export function unset(root: Contract, segments: readonly string[]): void {
  let node: any = root;
  for (const s of segments.slice(0, -1)) {
    if (node == null || typeof node !== 'object') return;
    node = node[s];
  }
  if (node && typeof node === 'object') delete node[segments[segments.length - 1]!];
}
