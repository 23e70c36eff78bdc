import type { Diagnostic, Range } from '../diagnostic.js';
import { loadContractFile } from '../load/load.js';
import { locate } from '../load/locate.js';
import type { LoadedFile } from '../load/load.js';

/** A contract's `id` and where it is written. */
export interface ContractIdAt extends Range {
  value: string;
}

/** The id a loaded contract declares, with its position, or undefined when it has no string id. */
export function contractIdAt(loaded: LoadedFile): ContractIdAt | undefined {
  const id = loaded.value?.id;
  if (typeof id !== 'string' || id === '') return undefined;
  return { value: id, ...locate(loaded, '/id') };
}

/**
 * One id, one negotiation: the id names the round tags (`<id>/round-<n>`) and the output files, so two
 * contract files with one id would share each other's rounds, and `round` on one would number the
 * other's. Files are seen in report order; a file whose id a file seen before it (or one of `others`,
 * the contracts outside a partial selection) already has gets a `contract/duplicate-id` error at its id.
 */
export class ContractIds {
  private readonly firstFile = new Map<string, string>();

  /** `others`: id → file of contracts not in this report (a `--changed-since` or `--shard` run), always "earlier". */
  constructor(others: ReadonlyMap<string, string> = new Map()) {
    for (const [id, file] of others) this.firstFile.set(id, file);
  }

  /** The duplicate-id diagnostic for `file`, or undefined when its id is new. */
  see(file: string, id: ContractIdAt | undefined): Diagnostic | undefined {
    if (!id) return undefined;
    const first = this.firstFile.get(id.value);
    if (first === undefined) {
      this.firstFile.set(id.value, file);
      return undefined;
    }
    if (first === file) return undefined;
    const { value: _value, ...at } = id;
    return {
      code: 'contract/duplicate-id',
      severity: 'error',
      message: `id ${JSON.stringify(id.value)} is also the id of ${first}: each agreement needs its own id, which names its round tags (${id.value}/round-<n>) and output files`,
      file,
      path: '/id',
      ...at,
      fix: `give this agreement an id of its own (e.g. ${id.value}-2), before tagging a round of it`,
    };
  }
}

/**
 * The ids of contract files outside a report (id → first file, in the order given), for {@link ContractIds}:
 * files that cannot be read, or have no string id, are left out (their own check reports them).
 */
export function contractIdsOf(files: readonly { path: string; shown: string }[]): Map<string, string> {
  const ids = new Map<string, string>();
  // The same safe read as `check` (size limit, no link out of the repository, no FIFO).
  for (const f of files) {
    let id: unknown;
    try {
      id = loadContractFile(f.path).value?.id;
    } catch {
      continue; // unreadable: its own check says so
    }
    if (typeof id === 'string' && id !== '' && !ids.has(id)) ids.set(id, f.shown);
  }
  return ids;
}
