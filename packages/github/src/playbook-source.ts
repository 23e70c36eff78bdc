import { lstatSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { readContractFile, UsageError, type Diagnostic } from '@contracts/core';
import { readBlobs, repoPath, type Repo } from '@contracts/git';
import { defaultPlaybookPath, loadPlaybook, loadPlaybookText, type Playbook } from '@contracts/playbook';

/** Which playbook judged the contracts, when the change edits the playbook. */
export type JudgedWith = 'base' | 'bundled' | 'change';

/** The playbook a change proposes, beside the one that judges it. */
export interface ProposedPlaybook {
  /** Repository-relative path of the playbook file. */
  file: string;
  status: 'added' | 'modified' | 'removed';
  /** `base`: the base branch's file; `bundled`: the base had none, so it used the bundled one; `change`: the base's has errors. */
  judgedWith: JudgedWith;
  /** The playbook the base would use (undefined when it has errors) and the one the change would. */
  before: Playbook | undefined;
  after: Playbook | undefined;
  beforeText: string;
  afterText: string | undefined;
  /** Errors in the proposed playbook: the change breaks it. */
  problems: Diagnostic[];
}

export interface ReviewPlaybooks {
  /** The playbook that judges both versions of every contract. */
  judge: Playbook;
  /** Set when the change edits the playbook (adds, changes or deletes the file). */
  proposed?: ProposedPlaybook;
}

/**
 * The playbook a review judges with. The PR's playbook is hostile input (SECURITY.md): a PR that
 * loosens `playbook.yaml` and moves a contract into the loosened range must not pass, so with a base
 * the judge is the playbook the base would use — its file at the same path, else the bundled one (a
 * PR that adds or deletes `playbook.yaml` changes the bundled default). The PR's own playbook is only
 * compared with it. Without a base (the first commit) there is nothing older: the committed playbook
 * judges. A playbook outside the repository (the bundled one, a path in the workflow) is the same on
 * both sides. Throws `usage/bad-playbook` when no usable playbook is left.
 */
export async function reviewPlaybooks(repo: Repo, base: string | undefined, explicit: string | undefined, cwd: string): Promise<ReviewPlaybooks> {
  const location = resolve(cwd, explicit || 'playbook.yaml');
  const present = exists(location);
  const headFile = present || explicit ? location : defaultPlaybookPath;
  const rel = inRepository(repo, location);
  if (base === undefined || rel === undefined) return { judge: usable((await loadPlaybook(headFile)).playbook, headFile, cwd) };

  const [blob] = await readBlobs(repo, [{ commit: base, path: rel }]);
  const baseText = blob?.bytes ? blob.bytes.toString('utf8') : undefined;
  const bundled = readFileSync(defaultPlaybookPath, 'utf8');
  const beforeText = baseText ?? bundled;
  if (explicit && !present) await loadPlaybook(location); // throws the one line a missing --playbook gives
  const read = present ? readContractFile(location) : undefined;
  const afterText = read === undefined ? bundled : read.ok ? Buffer.from(read.bytes).toString('utf8') : undefined;
  const before = (await loadPlaybookText(beforeText, baseText === undefined ? defaultPlaybookPath : `${rel}@base`)).playbook;
  if (afterText === beforeText) return { judge: usable(before, headFile, cwd) };

  const after =
    afterText === undefined
      ? { playbook: undefined, diagnostics: [{ ...(read as { diagnostic: Diagnostic }).diagnostic, file: rel }] }
      : await loadPlaybookText(afterText, rel);
  const judge = before ?? after.playbook;
  return {
    judge: usable(judge, location, cwd),
    proposed: {
      file: rel,
      status: baseText === undefined ? 'added' : present ? 'modified' : 'removed',
      judgedWith: before === undefined ? 'change' : baseText === undefined ? 'bundled' : 'base',
      before,
      after: after.playbook,
      beforeText,
      afterText,
      problems: after.diagnostics.filter((d) => d.severity === 'error'),
    },
  };
}

function usable(playbook: Playbook | undefined, file: string, cwd: string): Playbook {
  if (playbook) return playbook;
  throw new UsageError('usage/bad-playbook', `The playbook ${relative(cwd, file) || file} has errors; run contracts check to see them`);
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function inRepository(repo: Repo, file: string): string | undefined {
  try {
    return repoPath(repo, file, repo.root, { followLinks: false });
  } catch {
    return undefined;
  }
}
