/**
 * The fixture the import tests start from: a git repository holding the Springfield contract committed
 * as round 1, and that round's DOCX as `contracts render --to docx` renders it (the clause library names
 * the laws the playbook says apply; provenance names the contract, the commit and the round).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContractFile, type VendorAgreement } from '@contracts/core';
import { clauseContext, loadPlaybook, type Playbook } from '@contracts/playbook';
import { renderAgreement, renderDocx } from '@contracts/render';

export const ROOT = join(import.meta.dirname, '../../../..');

export interface RoundOne {
  dir: string;
  /** The contract file in the repository. */
  file: string;
  git: (...args: string[]) => string;
  playbook: Playbook;
  /** The contract file's text as committed. */
  original: string;
  commit: string;
  /** Round 1 rendered to DOCX, as the buyer sends it. */
  docx: Uint8Array;
  /** The ids of the anchors that rendering carries. */
  anchors: string[];
}

/** A new repository (`prefix` names its temp folder); `tag` also tags the commit `springfield-smartcam/round-1`. */
export async function roundOne(prefix: string, options: { tag?: boolean } = {}): Promise<RoundOne> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'contracts', 'springfield-smartcam.yaml');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
  mkdirSync(join(dir, 'contracts'), { recursive: true });
  git('init', '-q');
  git('config', 'user.name', 'Buyer Counsel');
  git('config', 'user.email', 'counsel@example.com');
  copyFileSync(join(ROOT, 'contracts/springfield-smartcam.yaml'), file);
  git('add', '.');
  git('commit', '-qm', 'round 1');
  if (options.tag) git('tag', '-a', 'springfield-smartcam/round-1', '-m', 'round 1');
  const commit = git('rev-parse', 'HEAD');
  const playbook = (await loadPlaybook()).playbook!;
  const contract = loadContractFile(file).value as VendorAgreement;
  const rendered = renderAgreement(contract, { extraContext: (c) => clauseContext(playbook, c) });
  const docx = await renderDocx(rendered.anchored, { epoch: 1_780_000_000, provenance: { contractId: contract.id, commit, round: 1 } });
  return { dir, file, git, playbook, original: readFileSync(file, 'utf8'), commit, docx, anchors: rendered.anchors.map((a) => a.id) };
}
