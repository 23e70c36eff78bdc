/**
 * `contracts import FILE.yaml MARKUP.docx`: the counterparty's Word markup becomes the next version of
 * the contract file. The base is the version the markup was rendered from (its provenance, or `--base`);
 * the file must be unchanged since then. The base is rendered again, the markup's blocks are mapped onto
 * it, term values are read back through the templates, everything else is kept as negotiated wording,
 * and the YAML is updated in place (or, with `dryRun`, only described). Every refusal is thrown before
 * anything is written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type Diagnostic, InputOutputError, loadValidator, loadYamlText, type VendorAgreement, writeFileAtomic } from '@contracts/core';
import { diffPositions, type PositionDiff } from '@contracts/diff';
import { commitFile, contractAt, openContract, resolveRef, type ContractFile } from '@contracts/git';
import { clauseContext, type Playbook } from '@contracts/playbook';
import { baseMovedError } from './base-moved.js';
import { readMarkup } from './docx/read-markup.js';
import { CorruptMarkupError, ImportRefusedError } from './errors.js';
import { alignMarkup, type RegionProposal } from './match/align.js';
import { templateLabel } from './match/rows.js';
import { acceptBaseChanges } from './match/base-changes.js';
import { type WithheldFact, withholdFacts } from './match/facts.js';
import { libraryFacts } from './match/library-facts.js';
import type { Restatement } from './match/own-words.js';
import { readValues, type ValueChange } from './match/read-values.js';
import { renderRegions } from './match/rendering.js';
import { attribute, attributeValues, buildProposal, type Attribution, type NegotiatedEntry, type RegionReport } from './proposal.js';
import { sameJson, updateContractYaml } from './write-yaml.js';

/** Largest markup read (a 100-page agreement with images is a few MB). */
export const MAX_MARKUP_BYTES = 64 * 1024 * 1024;

export interface ImportOptions {
  /** The contract file (in a git work tree). */
  file: string;
  /** The markup (.docx). */
  markup: string;
  /** The version the markup was made from, when its provenance does not say (or to override it). */
  base?: string;
  templatesDir?: string;
  /**
   * The playbook `contracts render` rendered the markup's base with: it tells the clause library which
   * laws apply (`clauseContext`) and rates the moves. A promise is awaited once the markup is read and
   * the base found (load it meanwhile).
   */
  playbook: Playbook | PromiseLike<Playbook>;
  /** Describe only; write nothing. */
  dryRun?: boolean;
  /** Commit the result as the counterparty's round. */
  commit?: boolean;
  /** How files are named in messages (default: as given). */
  names?: { file?: string; markup?: string };
}

export interface ImportResult {
  file: string;
  markup: string;
  base: { ref: string; commit: string; round?: number };
  /** Whether the markup carried our provenance (else every change is negotiated wording). */
  ours: boolean;
  /** Authors whose tracked changes were our redline's (the earlier round → the base), taken as accepted, not as proposals. */
  baseAuthors: string[];
  values: (ValueChange & Attribution)[];
  regions: RegionReport[];
  wording: NegotiatedEntry[];
  /**
   * Template rows an earlier round deleted that the markup puts back (paragraph keys): each is the
   * template's row again, its entry's `text: ''` removed.
   */
  restoredRows: string[];
  /**
   * Facts (`parties.*`, `product.*`) the markup changed: not applied (they decide which laws apply), their
   * wording kept with `restates`, so check reports playbook/restated-term until counsel confirms or rejects.
   */
  factsChanged: (WithheldFact & Attribution)[];
  /** Terms the counterparty restated in its own words that could not be read: the term kept its value, counsel settles it. */
  unread: Restatement[];
  diff: PositionDiff;
  /** Who the round is attributed to (the tracked changes' main author, their latest date). */
  by: Attribution;
  yaml: string;
  written: boolean;
  committed?: string;
  stats: { blocks: number; changedRegions: number; matchedRegions: number; renders: number; renderMs: number; ms: number };
}

/** Imports a markup; see the module comment. Throws `import/*`, `git/*` or `io/*` errors (exit 2). */
export async function importMarkup(o: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const fileName = o.names?.file ?? o.file;
  const markupName = o.names?.markup ?? o.markup;
  if (!existsSync(o.file)) throw notFound(fileName);
  // git runs in its own process while the markup is parsed here.
  const opening = openContract(o.file, { name: fileName });
  opening.catch(() => undefined);
  const validating = loadValidator('vendor-agreement');
  const markup = readMarkup(readMarkupBytes(o.markup, markupName), markupName);
  const contract = await opening;
  const provenance = markup.provenance;
  const ours = provenance !== undefined;
  if (!ours && o.base === undefined) {
    throw new ImportRefusedError(
      'import/not-ours',
      `${markupName} was not rendered by contracts (it carries no contracts.* document properties): name the version it was made from with --base REF; every change will then be kept as negotiated wording for counsel to review`,
    );
  }
  if (provenance?.contractId !== undefined && contract.id !== undefined && provenance.contractId !== contract.id) {
    throw new ImportRefusedError(
      'import/other-contract',
      `${markupName} was rendered from contract "${provenance.contractId}", not from ${fileName} ("${contract.id}"): import it into that contract's file`,
    );
  }
  const baseRef = o.base ?? provenance?.commit;
  if (baseRef === undefined) {
    throw new ImportRefusedError(
      'import/no-base',
      `${markupName} was rendered from an uncommitted working tree, so it names no base commit: name the version it was made from with --base REF`,
    );
  }
  const baseCommit = await resolveBase(contract, baseRef, markupName, o.base === undefined);
  const baseVersion = await contractAt(contract.repo, baseCommit, contract.relPath, { ...(contract.id ? { contractId: contract.id } : {}), name: fileName });
  const baseValue = baseVersion.loaded.value as VendorAgreement | undefined;
  if (!baseValue || baseVersion.loaded.diagnostics.some((d: Diagnostic) => d.severity === 'error')) {
    throw new ImportRefusedError('import/base-unreadable', `${fileName} at ${baseCommit.slice(0, 7)} does not parse as a contract; fix the base first`);
  }
  // A file changed since the base is refused once the markup is read: the refusal says whether it is the markup already imported.
  const moved = Buffer.compare(Buffer.from(contract.working.bytes), Buffer.from(baseVersion.bytes)) !== 0;

  const validator = await validating;
  const playbook = await o.playbook;
  const facts = libraryFacts(o.templatesDir);
  // Exactly as `contracts render` renders (its templates, the laws the playbook says apply), for the base and every candidate.
  const render = { ...(o.templatesDir ? { templatesDir: o.templatesDir } : {}), extraContext: (c: VendorAgreement) => clauseContext(playbook, c) };
  let baseRendering = renderRegions(baseValue, render);
  // A markup of our redline: its own changes (the earlier round → the base) are ours, already accepted.
  const { markup: marked, baseAuthors } = acceptBaseChanges(markup, baseRendering);
  let proposals = alignMarkup(baseRendering, marked);
  // A template row an earlier round deleted, put back where it belongs: it is the template's row again
  // (the entry's `text: ''` goes), so the markup is read against the base with that row printed.
  const restored = readdedRows(proposals, markupName);
  let readBase = baseValue;
  if (restored.length > 0) {
    readBase = withRowsRestored(baseValue, restored);
    // Whose changes are our redline's was settled against the base as sent, which is what the markup was made from.
    baseRendering = renderRegions(readBase, render);
    proposals = alignMarkup(baseRendering, marked, new Set(restored.map((key) => `paragraph:${key}`)));
  }
  const readAll = ours
    ? readValues(readBase, baseRendering, proposals, { render, facts, validator })
    : {
        contract: readBase,
        changes: [],
        matched: new Set<string>(),
        changed: [...proposals.keys()].filter((r) => proposals.get(r)!.proposed.join(' ') !== proposals.get(r)!.base.join(' ') || proposals.get(r)!.reshaped),
        restated: [],
        renders: 0,
        renderMs: 0,
      };
  // The counterparty does not change the facts (parties, product): withheld, their words kept for counsel.
  const { read, facts: withheld } = withholdFacts(readBase, baseRendering, proposals, readAll, render);
  const round = provenance?.round;
  const { regions, wording } = buildProposal(proposals, read.changed, read.matched, marked, round, read.restated);
  const values = attributeValues(read.changes, proposals);
  const factsChanged = attributeValues(withheld, proposals) as (WithheldFact & Attribution)[];
  const text = new TextDecoder().decode(baseVersion.bytes);
  const yaml = updateContractYaml(
    text,
    values.map((v) => ({ path: v.path, to: v.to })),
    wording,
    restored,
  );
  const updated = loadYamlText(yaml, fileName).value as VendorAgreement | undefined;
  if (!updated || !validator(updated))
    throw new CorruptMarkupError(`${markupName}: the imported contract would not be valid; nothing was written (please report this markup)`);
  if (moved) {
    const working = contract.working.loaded.value;
    // A markup that changes nothing is not "already imported" into a file edited since: those are edits.
    const alreadyImported = yaml !== text && working !== undefined && sameJson(working, updated);
    throw await baseMovedError({
      contract,
      fileName,
      markupName,
      baseCommit,
      ...(provenance?.round !== undefined ? { baseRound: provenance.round } : {}),
      alreadyImported,
    });
  }
  const diff = diffPositions(baseValue, updated, playbook);
  const by = attribute(marked.blocks.flatMap((b) => b.changes));
  const result: ImportResult = {
    file: fileName,
    markup: markupName,
    base: { ref: o.base ?? provenance?.ref ?? baseCommit, commit: baseCommit, ...(round !== undefined ? { round } : {}) },
    ours,
    baseAuthors,
    values,
    regions,
    wording,
    restoredRows: restored,
    unread: read.restated.filter((r) => r.value === undefined),
    factsChanged,
    diff,
    by: { ...((by.author ?? markup.lastModifiedBy) ? { author: by.author ?? markup.lastModifiedBy } : {}), ...(by.date ? { date: by.date } : {}) },
    yaml,
    written: false,
    stats: {
      blocks: markup.blocks.length,
      changedRegions: read.changed.length,
      matchedRegions: read.matched.size,
      renders: read.renders,
      renderMs: Math.round(read.renderMs),
      ms: 0,
    },
  };
  if (!o.dryRun && yaml !== text) {
    result.written = (await writeFileAtomic(o.file, yaml, { force: true })) === 'written';
    if (o.commit) {
      const author = result.by.author ?? 'Counterparty';
      const message = `${contract.id ?? fileName}: ${author}'s markup of ${round !== undefined ? `round ${round}` : baseCommit.slice(0, 7)} (contracts import ${markupName.split(/[\\/]/).pop()})`;
      result.committed = await commitFile(contract.repo, contract.relPath, message, { name: author, ...(result.by.date ? { date: result.by.date } : {}) });
    }
  }
  result.stats.ms = Math.round(performance.now() - started);
  return result;
}

/** A missing file, as every command reports one (`contracts check` through core's `collectContractFiles`). */
const notFound = (name: string) => new InputOutputError('io/not-found', `No such file or directory: ${name}`);

function readMarkupBytes(path: string, name: string): Uint8Array {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new CorruptMarkupError(`${name} is not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CorruptMarkupError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(name);
    throw new CorruptMarkupError(`${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (size > MAX_MARKUP_BYTES) throw new CorruptMarkupError(`${name} is ${size} bytes; a markup may be at most ${MAX_MARKUP_BYTES} bytes`);
  return readFileSync(path);
}

/** The full SHA of the base; a base the markup names but this clone lacks says to fetch it. */
async function resolveBase(contract: ContractFile, ref: string, markupName: string, fromProvenance: boolean): Promise<string> {
  try {
    return await resolveRef(contract.repo, ref, contract.id);
  } catch (error) {
    if (fromProvenance && (error as { code?: string }).code === 'git/bad-ref') {
      throw new ImportRefusedError(
        'import/base-missing',
        `${markupName} was made from commit ${ref.slice(0, 12)}, which is not in this repository: fetch it (git fetch origin, with --tags for rounds) or name the base with --base REF`,
      );
    }
    throw error;
  }
}

/**
 * The paragraph keys of the template rows the markup puts back (see `RowProposal.readded`). A row put
 * back below the rows added after it cannot print as the template's row there: refused, naming it.
 */
function readdedRows(proposals: ReadonlyMap<string, RegionProposal>, markupName: string): string[] {
  const out: string[] = [];
  for (const [region, p] of proposals) {
    const key = region.slice('paragraph:'.length);
    if (p.row?.readded === 'first') out.push(key);
    else if (p.row?.readded === 'elsewhere')
      throw new ImportRefusedError(
        'import/row-readded-out-of-place',
        `${markupName}: the row "${templateLabel(key)}" (paragraph ${key}), deleted in an earlier round, is back below the rows added after it, where the template's row cannot print; move it above them (or delete and re-add it as a new row with another label) and import again (nothing was written)`,
      );
  }
  return out;
}

/** The contract with the template's wording of each of these rows back (their entries' `text` removed). */
function withRowsRestored(contract: VendorAgreement, keys: readonly string[]): VendorAgreement {
  const wording = (contract.negotiatedWording ?? []).map((e) => {
    if (!e?.paragraph || !keys.includes(e.paragraph)) return e;
    const { text: _deleted, ...rest } = e;
    return rest;
  });
  return { ...contract, negotiatedWording: wording };
}
