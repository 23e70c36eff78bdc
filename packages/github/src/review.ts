import { resolve } from 'node:path';
import {
  compareDiagnostics,
  ContractIds,
  contractIdAt,
  contractIdsOf,
  loadYamlBytes,
  readContractFile,
  validateLoaded,
  type Diagnostic,
  type LoadedFile,
  type SchemaValidator,
} from '@contracts/core';
import { diffVersions, requiredTerms, type PositionDiff } from '@contracts/diff';
import { changedFilesSince, contractAt, type Repo } from '@contracts/git';
import { checkContract, type Playbook } from '@contracts/playbook';
import type { PlaybookChange } from './playbook-change.js';

/** A finding at the head of the PR, and whether the PR brought it in (it was not there at the base). */
export interface ReviewedFinding extends Diagnostic {
  introduced: boolean;
}

/** A risk requirement whose state the PR changed. `absent`: no rule requires the term in that version. */
export interface RequirementMove {
  ruleId: string;
  term: string;
  label: string;
  demand: string;
  before: RequirementState;
  after: RequirementState;
}
export type RequirementState = 'absent' | 'met' | 'unmet';

/** One contract the PR added, changed or renamed, checked at the head and compared with the base. */
export interface ContractReview {
  status: 'added' | 'modified' | 'renamed';
  /** Repository-relative path at the head. */
  path: string;
  /** Repository-relative path at the base (renamed: the former name). */
  basePath?: string;
  id?: string;
  /** Errors and warnings at the head, sorted, each marked introduced or not. */
  findings: ReviewedFinding[];
  /** Errors and warnings at the base that the head no longer has. */
  resolved: Diagnostic[];
  /** Position moves base → head; undefined when either version does not parse. */
  diff?: PositionDiff;
  requirements: RequirementMove[];
  /** The playbook summary line at the head (`0 walk-away, 2 fallback, …`). */
  summary?: string;
  /** Head and base bytes, for redlines. */
  headBytes: Uint8Array;
  baseBytes?: Uint8Array;
}

export interface PullRequestReview {
  /** The commit compared with (the merge base); undefined when there is none (first commit). */
  base: string | undefined;
  contracts: ContractReview[];
  /** Contracts the PR deleted (repository-relative paths at the base). */
  removed: string[];
  /** Set when the change edits the playbook: what the edit would change (the contracts were judged without it). */
  playbook?: PlaybookChange;
}

export interface ReviewOptions {
  repo: Repo;
  /** Full SHA to compare with, or undefined: every contract in scope counts as added. */
  base: string | undefined;
  /** Repository-relative paths of every contract file in scope in the working tree. */
  files: readonly string[];
  /** Repository-relative folders and files that hold contracts (for deleted ones). */
  scope: readonly string[];
  /**
   * The playbook that judges both versions: the base's, never the one the PR proposes (a PR could
   * loosen it and move a contract into the loosened range in one commit). See `reviewPlaybooks`.
   */
  playbook: Playbook;
  validator: SchemaValidator;
}

const isContractPath = (path: string) => /\.ya?ml$/i.test(path);
const inScope = (path: string, scope: readonly string[]) =>
  scope.some((s) => s === '' || s === '.' || path === s || path.startsWith(`${s.replace(/\/+$/, '')}/`));

/**
 * What a pull request did to the contracts: each one it added, changed or renamed, checked at the head
 * (schema, playbook, risk rules) and at the base, so every finding says whether the PR introduced it;
 * the position moves and the risk requirements that became met or unmet.
 */
export async function reviewPullRequest(o: ReviewOptions): Promise<PullRequestReview> {
  const inFiles = new Set(o.files);
  const changes: { status: string; path: string; oldPath?: string | undefined }[] =
    o.base === undefined ? o.files.map((path) => ({ status: 'A', path })) : await changedFilesSince(o.repo, o.base);
  const contracts: ContractReview[] = [];
  const removed: string[] = [];
  // One id, one negotiation (as `check`): a changed contract whose id another contract in scope has.
  const reviewed = new Set(changes.filter((c) => c.status !== 'D' && inFiles.has(c.path)).map((c) => c.path));
  const others = reviewed.size === 0 ? [] : o.files.filter((f) => !reviewed.has(f));
  const ids = new ContractIds(contractIdsOf(others.map((f) => ({ path: resolve(o.repo.root, f), shown: f }))));
  for (const change of changes) {
    if (change.status === 'D') {
      if (isContractPath(change.path) && inScope(change.path, o.scope)) removed.push(change.path);
      continue;
    }
    if (!inFiles.has(change.path)) continue;
    const basePath = change.status === 'A' ? undefined : (change.oldPath ?? change.path);
    contracts.push(await reviewContract(o, change.path, basePath, ids));
  }
  return { base: o.base, contracts, removed };
}

async function reviewContract(o: ReviewOptions, path: string, basePath: string | undefined, ids: ContractIds): Promise<ContractReview> {
  const { bytes: headBytes, loaded: headLoaded } = readHead(o.repo.root, path);
  const head = checkVersion(headLoaded, o.validator, o.playbook);
  const duplicate = ids.see(path, contractIdAt(headLoaded));
  if (duplicate) {
    head.diagnostics.push(duplicate);
    head.diagnostics.sort(compareDiagnostics);
  }
  const base = basePath !== undefined && o.base !== undefined ? await contractAt(o.repo, o.base, basePath) : undefined;
  const baseLoaded = base ? { ...base.loaded, file: basePath! } : undefined;
  const before = baseLoaded ? checkVersion(baseLoaded, o.validator, o.playbook) : undefined;
  const findings = markIntroduced(head.diagnostics, before?.diagnostics ?? []);
  const headKeys = new Set(head.diagnostics.map(key));
  const resolved = (before?.diagnostics ?? []).filter((d) => !headKeys.has(key(d)));
  const value = head.loaded.value;
  const id = value && typeof value.id === 'string' ? value.id : undefined;
  const parsed = (l: LoadedFile | undefined) => l?.value !== undefined && !l.diagnostics.some((d) => d.severity === 'error');
  const review: ContractReview = {
    status: basePath === undefined ? 'added' : basePath === path ? 'modified' : 'renamed',
    path,
    ...(basePath !== undefined ? { basePath } : {}),
    ...(id ? { id } : {}),
    findings,
    resolved,
    requirements: requirementMoves(o.playbook, parsed(baseLoaded) ? baseLoaded!.value : undefined, parsed(head.loaded) ? value : undefined),
    ...(head.summary ? { summary: head.summary } : {}),
    headBytes,
    ...(base ? { baseBytes: base.bytes } : {}),
  };
  if (parsed(head.loaded) && (baseLoaded === undefined || parsed(baseLoaded))) review.diff = diffVersions(baseLoaded?.value ?? {}, value, o.playbook);
  return review;
}

/**
 * The working-tree file read as check reads it (regular files inside the repository, bounded): a
 * symlink out of the repository or a FIFO is not read, and the refusal is the file's one finding.
 */
export function readHead(root: string, path: string): { bytes: Uint8Array; loaded: LoadedFile } {
  const read = readContractFile(resolve(root, path));
  const bytes = read.ok ? read.bytes : new Uint8Array(0);
  const loaded = loadYamlBytes(bytes, path);
  return { bytes, loaded: read.ok ? loaded : { ...loaded, diagnostics: [{ ...read.diagnostic, file: path }] } };
}

/** Schema, playbook and risk findings of one version, errors and warnings only, sorted. */
export function checkVersion(loaded: LoadedFile, validator: SchemaValidator, playbook: Playbook) {
  const schema = [...loaded.diagnostics, ...validateLoaded(loaded, validator)];
  const checked = loaded.value === undefined ? undefined : checkContract(loaded, playbook, { schemaDiagnostics: schema, info: false, terms: false });
  const diagnostics = [...schema, ...(checked?.diagnostics ?? [])].filter((d) => d.severity !== 'info').sort(compareDiagnostics);
  return { loaded, diagnostics, summary: checked?.summary.text };
}

/** A finding is the same finding across versions when its code and field are: lines move, values change. */
export const key = (d: Diagnostic) => `${d.code}\u0000${d.path}`;

function markIntroduced(head: readonly Diagnostic[], base: readonly Diagnostic[]): ReviewedFinding[] {
  const left = new Map<string, number>();
  for (const d of base) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
  return head.map((d) => {
    const n = left.get(key(d)) ?? 0;
    if (n > 0) left.set(key(d), n - 1);
    return { ...d, introduced: n === 0 };
  });
}

/** Requirements whose state differs between the versions (`undefined`: the version cannot be read). */
export function requirementMoves(playbook: Playbook, before: unknown, after: unknown): RequirementMove[] {
  if (after === undefined) return [];
  const a = before === undefined ? new Map() : requiredTerms(playbook, before);
  const b = requiredTerms(playbook, after);
  const label = (term: string) => playbook.termsByPath.get(term)?.spec.label ?? term;
  const state = (r: { met: boolean } | undefined): RequirementState => (r === undefined ? 'absent' : r.met ? 'met' : 'unmet');
  const moves: RequirementMove[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const was = state(a.get(k));
    const now = state(b.get(k));
    if (was === now) continue;
    const r = (b.get(k) ?? a.get(k))!;
    moves.push({ ruleId: r.ruleId, term: r.term, label: label(r.term), demand: r.demand, before: was, after: now });
  }
  return moves.sort((x, y) => rank(x) - rank(y) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
}

// Unmet first: that is what a reviewer must act on.
const rank = (m: RequirementMove) => (m.after === 'unmet' ? 0 : m.after === 'met' ? 1 : 2);
