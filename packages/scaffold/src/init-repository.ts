import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toolkitRoot } from '@contracts/core/data';
import { writeFileAtomic } from '@contracts/core/write';
import { DEFAULTS } from './evaluation.js';
import { newAgreement } from './new-agreement.js';

const scaffold: [from: string, to: string][] = [
  ['schemas/vendor-agreement.schema.json', 'schemas/vendor-agreement.schema.json'],
  ['schemas/playbook.schema.json', 'schemas/playbook.schema.json'],
  ['playbook.yaml', 'playbook.yaml'],
  ['.github/examples/contracts-repo.yml', '.github/workflows/contracts.yml'],
  ['packages/scaffold/files/.vscode/settings.json', '.vscode/settings.json'],
  ['packages/scaffold/files/.vscode/extensions.json', '.vscode/extensions.json'],
  ['packages/scaffold/files/README.md', 'README.md'],
];

/** The example agreement: made by `contracts new` from a complete evaluation, so it passes its own check. */
export const EXAMPLE_ID = 'example-door-sensors';

/**
 * `contracts init`: a repository of agreements ready for pull requests: the schemas, with VS Code mapped
 * to them for every file under `contracts/` (completion one folder deeper too) and the YAML extension
 * recommended; the default playbook to adapt; a README for legal ops; an example agreement that passes
 * `check`; and the GitHub workflow, green on the first commit. Identical files are left alone; a
 * different existing file is never replaced unless `force`.
 */
export async function initRepository(dir: string, options: { force?: boolean; action?: string } = {}): Promise<string[]> {
  const written: string[] = [];
  for (const [from, to] of scaffold) {
    const target = join(dir, to);
    let content: Buffer | string = await readFile(join(toolkitRoot, from));
    if (options.action && to.endsWith('contracts.yml'))
      content = content.toString('utf8').replaceAll('OWNER/contracts-as-code/.github/actions/contracts@main', options.action);
    await writeFileAtomic(target, content, { force: options.force ?? false });
    written.push(target);
  }
  const example = await newAgreement(EXAMPLE_ID, {
    vendor: 'Example Access Systems Inc.',
    buyer: 'Example Logistics LLC',
    product: 'DoorSense 200 wireless door sensors',
    securityEmail: 'security@logistics.example',
    title: 'Door Sensor Purchase and Security Agreement (example)',
    out: join(dir, 'contracts', `${EXAMPLE_ID}.yaml`),
    playbook: join(dir, 'playbook.yaml'),
    force: options.force ?? false,
    // The cautious defaults `new` takes, for a door-sensor deal between a New York buyer and a Delaware vendor.
    evaluation: { ...DEFAULTS, buyerJurisdiction: 'US-NY', vendorJurisdiction: 'US-DE', category: 'access-control', storage: ['US'] },
  });
  written.push(example.file);
  return written;
}
