/**
 * `contracts check --drafting`: the playbook's check plus the drafting lint of every contract that
 * passes the schema. A task module of its own, so a plain `check` never loads the renderer.
 */
import { checkFiles, playbookFor, type CheckedFile, type CheckTaskOptions } from '@contracts/playbook';
import { lintContract } from './lint.js';

export default async function draftingCheckTask(
  files: string[],
  options: CheckTaskOptions & { templatesDir?: string },
  onResult?: (result: CheckedFile) => void,
): Promise<CheckedFile[]> {
  const playbook = await playbookFor(options.playbookPath);
  return checkFiles(files, playbook, {
    info: options.info,
    also: (loaded) => lintContract(loaded, playbook, { templatesDir: options.templatesDir }),
    ...(onResult ? { onResult } : {}),
  });
}
