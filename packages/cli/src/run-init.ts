import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toolkitRoot } from '@contracts/core/data';
import { writeFileAtomic } from '@contracts/core/write';

/** The toolkit's own files that a new contracts repository starts from. */
const toolkit = toolkitRoot;

const scaffold: [from: string, to: string][] = [
  ['schemas/vendor-agreement.schema.json', 'schemas/vendor-agreement.schema.json'],
  ['schemas/playbook.schema.json', 'schemas/playbook.schema.json'],
  ['playbook.yaml', 'playbook.yaml'],
  ['contracts/springfield-smartcam.yaml', 'contracts/springfield-smartcam.yaml'],
  ['.github/examples/contracts-repo.yml', '.github/workflows/contracts.yml'],
];

/**
 * `contracts init`: a repository of agreements ready for pull requests: the schemas (so editors
 * autocomplete through each file's modeline), the default playbook to adapt, one example agreement and
 * the GitHub workflow. Identical files are left alone; a different existing file is never replaced
 * unless `force`.
 */
export async function initRepository(dir: string, options: { force?: boolean } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const [from, to] of scaffold) {
    const target = join(dir, to);
    const content = await readFile(join(toolkit, from));
    await writeFileAtomic(target, content, { force: options.force ?? false });
    written.push(target);
  }
  return written;
}
