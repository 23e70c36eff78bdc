import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadValidator, loadYamlText, schemaFile, UsageError, validateLoaded, yamlLib } from '@contracts/core';
import { agreementIdProblem } from '@contracts/git';
import { loadPlaybook, preferredTerms, resolvePlaybookPath } from '@contracts/playbook';
import { writeFileAtomic } from '@contracts/core/write';

export interface NewFlags {
  vendor: string;
  buyer?: string | undefined;
  title?: string | undefined;
  out?: string | undefined;
  playbook?: string | undefined;
  force?: boolean;
}

/** The schema the modeline should name: the repository's copy (after `contracts init`), else ours. */
function schemaFor(outFile: string): string {
  for (let dir = dirname(resolve(outFile)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'schemas', 'vendor-agreement.schema.json');
    if (existsSync(candidate))
      return relative(dirname(resolve(outFile)), candidate)
        .split('\\')
        .join('/');
    if (dirname(dir) === dir) return schemaFile('vendor-agreement');
  }
}

/**
 * `contracts new`: an agreement whose terms start at the playbook's preferred positions, with a product
 * evaluation to fill in. It is validated before it is written, and never replaces an existing file.
 */
export async function newContract(id: string, flags: NewFlags): Promise<{ file: string; text: string }> {
  const idProblem = await agreementIdProblem(id);
  if (idProblem) throw new UsageError('usage/bad-id', `"${id}" cannot be an agreement id: ${idProblem} (e.g. springfield-smartcam)`);
  const { playbook, diagnostics } = await loadPlaybook(resolvePlaybookPath(flags.playbook));
  if (!playbook) throw new UsageError('usage/bad-playbook', `The playbook has errors (${diagnostics.length}); run contracts check to see them`);
  const file = flags.out ?? join('contracts', `${id}.yaml`);
  const agreement = {
    schemaVersion: 1,
    id,
    title: flags.title ?? `Purchase and Security Agreement with ${flags.vendor}`,
    parties: {
      buyer: { name: flags.buyer ?? 'Buyer', kind: 'company', jurisdiction: 'US' },
      vendor: { name: flags.vendor, jurisdiction: 'US' },
    },
    product: {
      name: 'Product name and model',
      category: 'other',
      deployment: { network: 'segmented-vlan', internetFacing: false, physical: ['office'] },
      dataCollected: ['telemetry'],
      dataLocations: { storage: ['US'] },
      vendorRemoteAccess: { enabled: false },
    },
    terms: preferredTerms(playbook),
  };
  // Text terms have no preferred value in the playbook; governing law starts as the buyer's own.
  const terms = agreement.terms as { jurisdiction?: Record<string, unknown> };
  terms.jurisdiction = { governingLaw: agreement.parties.buyer.jurisdiction, ...terms.jurisdiction };
  const header = [
    `# yaml-language-server: $schema=${schemaFor(file)}`,
    `# New agreement: the terms start at the playbook's preferred positions (${relative(process.cwd(), playbook.file) || playbook.file}).`,
    '# First complete the product evaluation and the parties: risk rules read them to decide which',
    `# terms this contract must carry. Then run: contracts check ${file}`,
  ].join('\n');
  const text = `${header}\n${yamlLib().stringify(agreement, { lineWidth: 0 })}`;
  const problems = validateLoaded(loadYamlText(text, file), await loadValidator('vendor-agreement'));
  if (problems.length > 0) throw new Error(`generated agreement does not match the schema: ${problems[0]!.message}`);
  await writeFileAtomic(file, text, { force: flags.force ?? false });
  return { file, text };
}
