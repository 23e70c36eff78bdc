/** Who made a commit, when, and what it says: shared by raw log records and history entries. */
export interface CommitMeta {
  commit: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset, e.g. 2024-03-01T10:00:00+01:00. */
  authorDate: string;
  subject: string;
}

/** One commit of a `git log -z --name-status` run, as parsed (before round filtering). */
export interface RawLogEntry extends CommitMeta {
  /** Tag names decorating the commit. */
  tags: string[];
  /** Name-status records: status letter(s) and one path, or two for renames/copies (old, new). */
  changes: { status: string; paths: string[] }[];
}

const START = '\x1e';
/**
 * The log format. Fields are NUL-separated (no field can contain NUL), and each record starts with
 * a RS marker. With `-z`, name-status output is NUL-separated too, so any file name survives.
 */
export const LOG_FORMAT = `${START}%H%x00%P%x00%an%x00%ae%x00%aI%x00%D%x00%s`;
const FIELDS = 7;
const STATUS = /^[ACDMRTUXB]\d*$/;

/**
 * Parses the output of `git log -z --name-status --format=LOG_FORMAT`. Tokens are consumed by
 * position: paths are taken as opaque strings after a status token, so a file named like a status
 * or a commit header cannot confuse the parser.
 */
export function parseLog(output: string): RawLogEntry[] {
  const tokens = output.split('\0');
  const entries: RawLogEntry[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = stripNewline(tokens[i]!);
    if (token === '') {
      i++;
      continue;
    }
    if (token.startsWith(START)) {
      const fields = [token.slice(1), ...tokens.slice(i + 1, i + FIELDS)];
      i += FIELDS;
      const [commit, parents, authorName, authorEmail, authorDate, decorations, subject] = fields;
      entries.push({
        commit: commit ?? '',
        parents: (parents ?? '').split(' ').filter(Boolean),
        authorName: authorName ?? '',
        authorEmail: authorEmail ?? '',
        authorDate: authorDate ?? '',
        subject: subject ?? '',
        tags: parseTags(decorations ?? ''),
        changes: [],
      });
      continue;
    }
    const current = entries.at(-1);
    if (!STATUS.test(token) || !current) throw new Error(`Unexpected git log output near ${JSON.stringify(token)}`);
    const count = token.startsWith('R') || token.startsWith('C') ? 2 : 1;
    current.changes.push({ status: token, paths: tokens.slice(i + 1, i + 1 + count) });
    i += 1 + count;
  }
  return entries;
}

/** `%D` is like "HEAD -> main, tag: acme/round-1"; ref names cannot contain ", " so split is safe. */
function parseTags(decorations: string): string[] {
  return decorations
    .split(', ')
    .filter((d) => d.startsWith('tag: '))
    .map((d) => d.slice('tag: '.length));
}

/** With -z, git ends the header with NUL and then starts the name-status block with a LF. */
function stripNewline(token: string): string {
  return token.startsWith('\n') ? token.slice(1) : token;
}
