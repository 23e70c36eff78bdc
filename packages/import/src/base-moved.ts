/**
 * Why a markup no longer applies to the contract file, and what to do: the file is the markup already
 * imported (nothing to do), it has uncommitted edits (commit or stash them), or it moved on since the
 * markup's base (the commits and rounds since, and how to import onto the base). Each is a refusal:
 * nothing is written.
 */
import { contractAt, type ContractFile, fileHistory, type HistoryEntry } from '@contracts/git';
import { ImportRefusedError } from './errors.js';

export interface BaseMoved {
  contract: ContractFile;
  fileName: string;
  markupName: string;
  baseCommit: string;
  /** The base's round, from the markup's provenance. */
  baseRound?: number;
  /** Whether the working file is what importing the markup onto its base gives. */
  alreadyImported: boolean;
}

const short = (sha: string) => sha.slice(0, 7);
const roundsOf = (e: HistoryEntry) => e.rounds.map((tag) => tag.split('/').pop()!);
const named = (e: HistoryEntry) => `${short(e.commit)}${e.rounds.length > 0 ? ` (${roundsOf(e).join(', ')})` : ''} "${e.subject}"`;

/** The refusal that explains how the file differs from the markup's base. */
export async function baseMovedError(o: BaseMoved): Promise<ImportRefusedError> {
  const { contract, fileName, markupName, baseCommit } = o;
  const base = `${short(baseCommit)}${o.baseRound !== undefined ? ` (round-${o.baseRound})` : ''}`;
  const head = await contractAt(contract.repo, 'HEAD', contract.relPath).catch(() => undefined);
  const uncommitted = !head || Buffer.compare(Buffer.from(contract.working.bytes), Buffer.from(head.bytes)) !== 0;
  const history = await fileHistory(contract.repo, contract.relPath, { ...(contract.id ? { contractId: contract.id } : {}), allowShallow: true }).catch(
    () => [] as HistoryEntry[],
  );
  const at = history.findIndex((e) => e.commit === baseCommit);
  const since = at >= 0 ? history.slice(0, at) : [];
  if (o.alreadyImported) {
    const where = uncommitted ? 'in the working tree (not committed yet)' : since.length > 0 ? `as ${named(since[0]!)}` : 'in the working tree';
    return new ImportRefusedError(
      'import/already-imported',
      `${fileName} already holds ${markupName}: importing it onto ${base}, the version it was made from, gives the file as it is now, ${where}; nothing to do (nothing was written)`,
    );
  }
  if (uncommitted)
    return new ImportRefusedError(
      'import/changed-since-base',
      `${fileName} has uncommitted edits, and ${markupName} was made from ${base}: commit or stash them, then import onto that version (nothing was written)`,
    );
  if (at < 0)
    return new ImportRefusedError(
      'import/changed-since-base',
      `${fileName} here differs from ${base}, the version ${markupName} was made from, which is not in this branch's history of the file: check out the branch holding ${short(baseCommit)} and import there, or name the version the markup was made from with --base REF (nothing was written)`,
    );
  const rounds = since.flatMap(roundsOf);
  const moved = rounds.length > 0 ? `on to ${rounds[0]}` : 'on';
  const list = since.slice(0, 3).map(named).join(', ') + (since.length > 3 ? `, and ${since.length - 3} more` : '');
  return new ImportRefusedError(
    'import/changed-since-base',
    `${fileName} has moved ${moved} since ${base}, the version ${markupName} was made from: ${since.length} commit${since.length > 1 ? 's' : ''} since (${list}). To take their markup of ${base}, import it where the file is that version (git switch -c their-markup ${short(baseCommit)}, import, then merge), or, if it was made from a later version, name that with --base REF (nothing was written)`,
  );
}
