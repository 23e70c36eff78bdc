import type { Diagnostic } from '@contracts/core';
import { checkFiles, type CheckedFile } from './check-files.js';
import { loadPlaybook } from './load-playbook.js';
import type { LoadedPlaybook } from './load-playbook.js';

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
  let loaded = playbooks.get(options.playbookPath);
  if (!loaded) {
    loaded = loadPlaybook(options.playbookPath);
    playbooks.set(options.playbookPath, loaded);
  }
  const { playbook } = await loaded;
  if (!playbook) throw new Error(`playbook ${options.playbookPath} became invalid while checking`);
  return checkFiles(files, playbook, { info: options.info, ...(onResult ? { onResult } : {}) });
}

export type { Diagnostic };
