import { diffTerms } from '@contracts/diff';
import { commitInfo, createRound, fileHistory, listRounds, readBlobs } from '@contracts/git';
import { brokenOutput, BrokenVersion, openContract, parseVersion, playbookFor, type CommandOutput, type ReportFormat } from './run-diff.js';

/** `contracts round FILE [-m MSG]`: tags the commit that last changed the file as the next round. */
export async function tagRound(file: string, message: string | undefined): Promise<CommandOutput> {
  const contract = await openContract(file);
  if (contract instanceof BrokenVersion) return brokenOutput(contract, 'text');
  const round = await createRound(contract.repo, contract.relPath, contract.id, message);
  return { output: `Tagged ${round.tag} on ${round.commit.slice(0, 12)}: ${round.message}\n`, exitCode: 0 };
}

/** One row of `contracts rounds`. */
export interface RoundRow {
  round: number;
  tag: string;
  commit: string;
  date: string;
  /** Who wrote the tagged version (the commit's author). */
  author: string;
  tagger: string | null;
  message: string;
  /** Terms that moved since the previous round; null for the first round or an unreadable version. */
  moved: number | null;
}

/** `contracts rounds FILE`: every round with date, author and how many positions moved since the one before. */
export async function listRoundsOf(file: string, o: { format: ReportFormat; playbook?: string }): Promise<CommandOutput> {
  const contract = await openContract(file);
  if (contract instanceof BrokenVersion) return brokenOutput(contract, o.format);
  const playbook = await playbookFor(o.playbook);
  if (playbook instanceof BrokenVersion) return brokenOutput(playbook, o.format);
  const { repo, relPath, id } = contract;
  const rounds = await listRounds(repo, id);
  // One log for authors and former paths; one cat-file for every (round, path) candidate.
  const history = rounds.length ? await fileHistory(repo, relPath, { follow: true, allowShallow: true }) : [];
  const paths = [...new Set([relPath, ...history.map((h) => h.path)])];
  const blobs = await readBlobs(
    repo,
    rounds.flatMap((r) => paths.map((path) => ({ commit: r.commit, path }))),
  );
  const rows: RoundRow[] = [];
  let previous: unknown;
  for (const [i, r] of rounds.entries()) {
    const bytes = blobs.slice(i * paths.length, (i + 1) * paths.length).find((b) => b.bytes)?.bytes;
    const parsed = bytes ? parseVersion(bytes, `${contract.display}@${r.tag}`) : undefined;
    const value = parsed && !(parsed instanceof BrokenVersion) ? parsed.value : undefined;
    const entry = history.find((h) => h.commit === r.commit) ?? (await commitInfo(repo, r.commit));
    rows.push({
      round: r.n,
      tag: r.tag,
      commit: r.commit,
      date: r.date,
      author: entry.authorName,
      tagger: r.tagger,
      message: r.message,
      moved: i === 0 || value === undefined || previous === undefined ? null : diffTerms(previous, value, playbook).length,
    });
    previous = value;
  }
  return { output: formatRounds(rows, contract.display, id, o.format), exitCode: 0 };
}

function formatRounds(rows: RoundRow[], file: string, id: string, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify({ file, contractId: id, rounds: rows }, null, 2)}\n`;
  const cells = rows.map((r) => [`round-${r.round}`, r.date.slice(0, 10), r.author, r.moved === null ? '—' : `${r.moved} moved`, r.message]);
  if (format === 'markdown') {
    const esc = (t: string) => t.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return `${[`### Rounds of \`${id}\``, '', '| Round | Date | Author | Positions moved | Message |', '|---|---|---|---|---|', ...cells.map((c) => `| ${c.map(esc).join(' | ')} |`)].join('\n')}\n`;
  }
  if (rows.length === 0) return `${file}: no rounds yet (tag one with \`contracts round ${file}\`)\n`;
  const widths = [0, 1, 2, 3].map((k) => Math.max(...cells.map((c) => [...c[k]!].length)));
  const lines = cells.map((c) =>
    c
      .map((t, k) => (k < 4 ? t.padEnd(widths[k]!) : t.split('\n')[0]))
      .join('  ')
      .trimEnd(),
  );
  return `${file} (${id}): ${rows.length} round${rows.length === 1 ? '' : 's'}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}
