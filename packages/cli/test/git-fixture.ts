import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Temporary git repositories for CLI end-to-end tests (diff, history, rounds, redline). Every author,
 * committer and date is fixed, so SHAs and printed dates are the same on every machine and run.
 */

/** Someone who commits or tags; `date` is any form git accepts (ISO 8601 recommended). */
export interface Person {
  name: string;
  email: string;
}

export const BUYER: Person = { name: 'Bea Buyer', email: 'bea@springfield.example' };
export const VENDOR: Person = { name: 'Vic Vendor', email: 'vic@acme.example' };
export const NEGOTIATOR: Person = { name: 'Nick Negotiator', email: 'nick@example.com' };

export interface TestRepo {
  dir: string;
  /**
   * Environment for child processes (e.g. `runCli(args, { cwd: repo.dir, env: repo.env })`) so the
   * CLI's own tags get a fixed tagger and date and no system/global git config leaks in.
   */
  env: Record<string, string>;
  /** Runs git in the repo with the fixed identity; returns stdout. */
  git(...args: string[]): string;
  cleanup(): void;
}

export interface CommitOptions {
  message: string;
  author?: Person;
  /** Author and committer date, e.g. '2024-03-01T10:00:00Z'. */
  date?: string;
}

const DEFAULT_DATE = '2024-01-01T09:00:00Z';

function identityEnv(person: Person, date: string): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: person.name,
    GIT_COMMITTER_EMAIL: person.email,
    GIT_COMMITTER_DATE: date,
  };
}

function baseEnv(): Record<string, string> {
  return {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    ...identityEnv(NEGOTIATOR, DEFAULT_DATE),
  };
}

function runGit(cwd: string, args: string[], env: Record<string, string>): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh repository (branch `main`) in a temp directory. Call `cleanup()` in afterAll. */
export function makeRepo(prefix = 'contracts-cli-git-'): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = baseEnv();
  const repo: TestRepo = {
    dir,
    env,
    git: (...args) => runGit(dir, args, env),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'user.name', NEGOTIATOR.name);
  repo.git('config', 'user.email', NEGOTIATOR.email);
  repo.git('config', 'commit.gpgsign', 'false');
  repo.git('config', 'tag.gpgsign', 'false');
  return repo;
}

/** Writes a file (creating folders) without committing it. */
export function writeFile(repo: TestRepo, rel: string, content: string | Uint8Array): void {
  const path = join(repo.dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Writes, stages and commits one file as `author` at `date`; returns the commit SHA. */
export function commitFile(repo: TestRepo, rel: string, content: string | Uint8Array, options: CommitOptions): string {
  writeFile(repo, rel, content);
  runGit(repo.dir, ['add', '--', rel], repo.env);
  return commit(repo, options);
}

/** Commits whatever is staged (allowing an empty commit); returns the SHA. */
export function commit(repo: TestRepo, options: CommitOptions): string {
  const env = { ...repo.env, ...identityEnv(options.author ?? NEGOTIATOR, options.date ?? DEFAULT_DATE) };
  runGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', options.message], env);
  return runGit(repo.dir, ['rev-parse', 'HEAD'], env).trim();
}

/** `git mv` + commit; returns the SHA. */
export function renameFile(repo: TestRepo, from: string, to: string, options: CommitOptions): string {
  mkdirSync(dirname(join(repo.dir, to)), { recursive: true });
  runGit(repo.dir, ['mv', '--', from, to], repo.env);
  return commit(repo, options);
}

/** Creates a tag on `target` (default HEAD): annotated when `message` is given, else lightweight. */
export function tag(repo: TestRepo, name: string, options: { target?: string; message?: string; tagger?: Person; date?: string } = {}): void {
  const env = { ...repo.env, ...identityEnv(options.tagger ?? NEGOTIATOR, options.date ?? DEFAULT_DATE) };
  const args = options.message === undefined ? ['tag', name] : ['tag', '-a', name, '-m', options.message];
  runGit(repo.dir, [...args, options.target ?? 'HEAD'], env);
}

/** A shallow clone (`--depth`) of `repo` in a new temp directory, branch `main` checked out. */
export function shallowClone(repo: TestRepo, depth = 1): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-cli-shallow-'));
  const env = repo.env;
  runGit(dir, ['clone', '-q', '--no-local', `--depth=${depth}`, '--branch', 'main', repo.dir, '.'], env);
  return {
    dir,
    env,
    git: (...args) => runGit(dir, args, env),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The example agreement the negotiation scenario starts from. */
export const SPRINGFIELD = join(dirname(new URL(import.meta.url).pathname), '../../../contracts/springfield-smartcam.yaml');

/** Applies `[search, replace]` edits to a text, failing loudly when a search string is absent. */
export function edit(text: string, edits: readonly (readonly [string, string])[]): string {
  return edits.reduce((t, [from, to]) => {
    if (!t.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not found`);
    return t.replace(from, to);
  }, text);
}

/** The three negotiated versions of the Springfield SmartCam agreement. */
export function springfieldDrafts(): { vendorDraft: string; buyerCounter: string; compromise: string } {
  const original = readFileSync(SPRINGFIELD, 'utf8');
  const vendorDraft = edit(original, [
    ['notificationHours: 48', 'notificationHours: 168'],
    ['remediationCostsBorneBy: vendor-if-vendor-caused', 'remediationCostsBorneBy: shared'],
    ['costsCovered: [forensics, legal-defence, notification, credit-monitoring]', 'costsCovered: [forensics]'],
    ['    onSite: true\n', '    onSite: false\n'],
  ]);
  const buyerCounter = edit(original, [
    ['notificationHours: 48', 'notificationHours: 24'],
    ['remediationCostsBorneBy: vendor-if-vendor-caused', 'remediationCostsBorneBy: vendor'],
    ['encryptionInTransit: tls-1.2', 'encryptionInTransit: tls-1.3'],
  ]);
  const compromise = edit(buyerCounter, [
    ['notificationHours: 24', 'notificationHours: 48'],
    ['remediationCostsBorneBy: vendor', 'remediationCostsBorneBy: vendor-if-vendor-caused'],
    ['dataSubjects: [public, employees, illinois-residents]', 'dataSubjects: [public, employees, illinois-residents, eu-residents]'],
  ]);
  return { vendorDraft, buyerCounter, compromise };
}

/**
 * A repo with a three-round negotiation: round-1 the vendor's first draft, round-2 the buyer's
 * counter, then a rename (contracts/springfield-smartcam.yaml → contracts/springfield/smartcam.yaml)
 * and round-3 the compromise. Round tags are created by the caller (to exercise `contracts round`)
 * unless `tagRounds` is true. Returns the repo and the current path of the contract.
 */
export function springfieldNegotiation(options: { tagRounds?: boolean } = {}): { repo: TestRepo; file: string; commits: string[] } {
  const repo = makeRepo();
  const d = springfieldDrafts();
  const first = 'contracts/springfield-smartcam.yaml';
  const file = 'contracts/springfield/smartcam.yaml';
  const commits: string[] = [];
  const round = (n: number, date: string) => options.tagRounds && tag(repo, `springfield-smartcam/round-${n}`, { message: `Round ${n}`, date });
  commits.push(commitFile(repo, first, d.vendorDraft, { message: "Vendor's first draft", author: VENDOR, date: '2024-03-01T10:00:00Z' }));
  round(1, '2024-03-01T11:00:00Z');
  commits.push(commitFile(repo, first, d.buyerCounter, { message: "Buyer's counter-proposal", author: BUYER, date: '2024-03-08T10:00:00Z' }));
  round(2, '2024-03-08T11:00:00Z');
  commits.push(renameFile(repo, first, file, { message: 'Move into a folder per customer', author: NEGOTIATOR, date: '2024-03-10T10:00:00Z' }));
  commits.push(commitFile(repo, file, d.compromise, { message: 'Compromise on notice and remediation', author: VENDOR, date: '2024-03-15T10:00:00Z' }));
  round(3, '2024-03-15T11:00:00Z');
  return { repo, file, commits };
}
