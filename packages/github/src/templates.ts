import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '@contracts/core';
import { changedFilesSince, readBlobs, type Repo } from '@contracts/git';

/** The clause library the redlines are rendered with. */
export interface ReviewTemplates {
  /** Repository-relative folder of the library (`templates`), or undefined: the bundled library. */
  folder: string | undefined;
  /** A folder holding the base's copy of it (remove with `dispose`), or undefined: the bundled library. */
  dir: string | undefined;
  /** Files of the library the change adds, edits or deletes (repository-relative), for the reports. */
  changed: { status: string; path: string }[];
  /** Files left out of the copy (symlinks, submodules, oversized files), repository-relative. */
  skipped: string[];
  dispose(): Promise<void>;
}

/** The renderer reads no file over 256 KB (`MAX_TEMPLATE_BYTES`); a few more are never copied. */
const MAX_FILE_BYTES = 256 * 1024;
const MAX_FILES = 5000;

/**
 * The repository's own clause library for the redlines, as `contracts render --templates` uses one:
 * `folder` (relative to the repository root), default `templates/` when the base has one. Templates
 * are pull-request input like the playbook, so the library is the BASE branch's copy, extracted from
 * git into a private temporary folder: both versions of a contract are rendered in the wording the
 * repository already has, and what the change does to the library is listed beside the redlines
 * (the edits themselves are in the pull request's diff), never used to present its own changes.
 * Only regular files are copied (no symlinks, no submodules). Without a base the working tree's folder
 * is used (nothing is older). An explicit folder that exists nowhere is `usage/bad-templates` (exit 2).
 */
export async function reviewTemplates(repo: Repo, base: string | undefined, explicit: string | undefined): Promise<ReviewTemplates> {
  const folder = (explicit ?? 'templates').replace(/\\/g, '/').replace(/^\.\/+|\/+$/g, '');
  const inTree = resolve(repo.root, folder);
  const rel = relative(repo.root, inTree).split('\\').join('/');
  if (rel === '' || rel.startsWith('..')) throw new UsageError('usage/bad-templates', `--templates ${explicit} must be a folder inside the repository`);
  const none: ReviewTemplates = { folder: undefined, dir: undefined, changed: [], skipped: [], dispose: async () => {} };
  if (base === undefined) {
    if (isDirectory(inTree)) return { ...none, folder: rel, dir: inTree };
    if (explicit !== undefined) throw new UsageError('usage/bad-templates', `--templates ${explicit} is not a directory`);
    return none;
  }
  const entries = await treeEntries(repo, base, rel);
  const changed = (await changedFilesSince(repo, base)).filter((c) => c.path.startsWith(`${rel}/`) || c.oldPath?.startsWith(`${rel}/`));
  if (entries.length === 0) {
    if (explicit !== undefined && !isDirectory(inTree)) throw new UsageError('usage/bad-templates', `--templates ${explicit} is not a directory`);
    return { ...none, folder: rel, changed };
  }
  const dir = await mkdtemp(join(tmpdir(), 'contracts-base-templates-'));
  const skipped: string[] = [];
  try {
    const files = entries.filter((e) => {
      const ok = e.mode.startsWith('100') && e.size <= MAX_FILE_BYTES;
      if (!ok) skipped.push(e.path);
      return ok;
    });
    if (files.length > MAX_FILES)
      throw new UsageError('usage/bad-templates', `${rel}/ at the base holds ${files.length} files; a clause library has at most ${MAX_FILES}`);
    const blobs = await readBlobs(
      repo,
      files.map((f) => ({ commit: base, path: f.path })),
    );
    for (const blob of blobs) {
      if (!blob.bytes) continue;
      const target = join(dir, blob.path.slice(rel.length + 1));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, blob.bytes, { flag: 'wx' });
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { folder: rel, dir, changed, skipped, dispose: () => rm(dir, { recursive: true, force: true }) };
}

interface TreeEntry {
  mode: string;
  size: number;
  path: string;
}

/** `git ls-tree -r -l` of `folder` at `commit`: mode, size and path of every entry below it. */
async function treeEntries(repo: Repo, commit: string, folder: string): Promise<TreeEntry[]> {
  const out = await repo.git.raw(['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', commit, '--', `${folder}/`]);
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const match = /^(\d{6}) \w+ [0-9a-f]+ +(-|\d+)\t(.*)$/s.exec(record);
    if (match && match[3]!.startsWith(`${folder}/`)) entries.push({ mode: match[1]!, size: match[2] === '-' ? 0 : Number(match[2]), path: match[3]! });
  }
  return entries;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** What the reports say about the clause library, when there is something to say (first line: the change edits it). */
export function libraryNotes(t: ReviewTemplates): string[] {
  const out: string[] = [];
  if (t.changed.length > 0) {
    const shown = t.changed.slice(0, 10).map((c) => `${c.path} (${STATUS[c.status] ?? 'changed'})`);
    out.push(
      `This change edits the clause library ${t.folder}/: ${shown.join(', ')}${t.changed.length > 10 ? ` and ${t.changed.length - 10} more` : ''}.`,
      `The redlines render both versions with the base branch's ${t.dir ? `${t.folder}/` : 'library (the bundled one)'}, so they show what the contract changes, in the wording already agreed; review the template edits themselves in the pull request's diff.`,
    );
  } else if (t.dir) out.push(`The redlines use the repository's clause library ${t.folder}/ as it is on the base branch.`);
  if (t.skipped.length > 0)
    out.push(`Not copied from the base's ${t.folder}/ (symlinks, submodules or files over 256 KB): ${t.skipped.slice(0, 10).join(', ')}.`);
  return out;
}

const STATUS: Record<string, string> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type changed' };
