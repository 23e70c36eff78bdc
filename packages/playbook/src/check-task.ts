import type { Diagnostic } from '@contracts/core';
import { checkFiles, type CheckedFile } from './check-files.js';
import { loadPlaybook } from './load-playbook.js';
import type { LoadedPlaybook } from './load-playbook.js';
import type { Playbook } from './types.js';

export interface CheckTaskOptions {
  playbookPath: string;
  info: boolean;
}

/** One compiled playbook per thread: workers compile their own, the main thread reuses the caller's. */
const playbooks = new Map<string, Promise<LoadedPlaybook>>();

/** Lets the main thread hand over the playbook it already loaded, so it is not compiled twice. */
export function rememberPlaybook(path: string, loaded: LoadedPlaybook): void {
  playbooks.set(path, Promise.resolve(loaded));
}

/**
 * Batch task for core's `runFileTask`: checks a slice of files on whichever thread runs it. Only plain
 * data (diagnostics, summary) comes back, so results cross threads cheaply.
 */
export default async function checkTask(files: string[], options: CheckTaskOptions, onResult?: (result: CheckedFile) => void): Promise<CheckedFile[]> {
  const playbook = await playbookFor(options.playbookPath);
  return checkFiles(files, playbook, { info: options.info, ...(onResult ? { onResult } : {}) });
}

/** This thread's compiled playbook for `path` (the one handed over by {@link rememberPlaybook}, or compiled once). */
export async function playbookFor(path: string): Promise<Playbook> {
  let loaded = playbooks.get(path);
  if (!loaded) {
    loaded = loadPlaybook(path);
    playbooks.set(path, loaded);
  }
  const { playbook } = await loaded;
  if (!playbook) throw new Error(`playbook ${path} became invalid while checking`);
  return playbook;
}

export type { Diagnostic };
