import { readFileSync } from 'node:fs';
import { UsageError } from '@contracts/core';

/** A pull request as the Actions event describes it. */
export interface PullRequestInfo {
  number: number;
  baseSha: string | undefined;
  baseRef: string | undefined;
  headSha: string | undefined;
  /** `owner/name` of the head repository; differs from the base repository for a fork. */
  headRepository: string | undefined;
  isFork: boolean;
}

/** What a step of a GitHub Actions job knows about where and why it runs. */
export interface ActionsContext {
  /** True inside GitHub Actions (`GITHUB_ACTIONS=true`). */
  actions: boolean;
  owner: string | undefined;
  repo: string | undefined;
  /** REST API root: `GITHUB_API_URL` (GitHub Enterprise Server has its own), else api.github.com. */
  apiUrl: string;
  serverUrl: string;
  eventName: string | undefined;
  pullRequest: PullRequestInfo | undefined;
  /** The commit before a push (`before`), all zeros for a new branch. */
  pushBefore: string | undefined;
  sha: string | undefined;
  refName: string | undefined;
  token: string | undefined;
  stepSummary: string | undefined;
  /** Link to this workflow run, when the environment names it. */
  runUrl: string | undefined;
}

const ZERO_SHA = /^0+$/;

/** The parts of an event payload read here; everything is checked before use. */
interface EventPayload {
  pull_request?: {
    number?: unknown;
    base?: { sha?: unknown; ref?: unknown; repo?: { full_name?: unknown } };
    head?: { sha?: unknown; repo?: { full_name?: unknown } };
  } | null;
  before?: unknown;
}

/**
 * Reads the Actions environment: `GITHUB_REPOSITORY`, `GITHUB_API_URL`, the event payload at
 * `GITHUB_EVENT_PATH` and the rest. A named event file that cannot be read or parsed is a usage error
 * (exit 2): a PR check must not pass because it could not see the PR.
 */
export function readActionsContext(env: NodeJS.ProcessEnv = process.env): ActionsContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const event = env.GITHUB_EVENT_PATH ? readEvent(env.GITHUB_EVENT_PATH) : {};
  const pr = event.pull_request ?? undefined;
  const full = env.GITHUB_REPOSITORY;
  const headRepository = str(pr?.head?.repo?.full_name);
  const pullRequest: PullRequestInfo | undefined =
    pr && typeof pr.number === 'number' && Number.isInteger(pr.number)
      ? {
          number: pr.number,
          baseSha: str(pr.base?.sha),
          baseRef: str(pr.base?.ref),
          headSha: str(pr.head?.sha),
          headRepository,
          isFork: Boolean(headRepository && full && headRepository !== (str(pr.base?.repo?.full_name) ?? full)),
        }
      : undefined;
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL || 'https://github.com');
  const before = str(event.before);
  return {
    actions: env.GITHUB_ACTIONS === 'true',
    owner: owner || undefined,
    repo: repo || undefined,
    apiUrl: trimSlash(env.GITHUB_API_URL || 'https://api.github.com'),
    serverUrl,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    pullRequest,
    pushBefore: before && !ZERO_SHA.test(before) ? before : undefined,
    sha: env.GITHUB_SHA || undefined,
    refName: env.GITHUB_REF_NAME || undefined,
    token: env.GITHUB_TOKEN || env.INPUT_TOKEN || undefined,
    stepSummary: env.GITHUB_STEP_SUMMARY || undefined,
    runUrl: full && env.GITHUB_RUN_ID ? `${serverUrl}/${full}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

/** The base a review compares with: `--base` when given, else the PR's base commit, else a push's `before`. */
export function baseOf(context: ActionsContext, explicit: string | undefined): string | undefined {
  if (explicit !== undefined && explicit.trim() !== '' && !ZERO_SHA.test(explicit.trim())) return explicit.trim();
  return context.pullRequest?.baseSha ?? context.pushBefore;
}

function readEvent(path: string): EventPayload {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError('github/no-event', `GITHUB_EVENT_PATH names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EventPayload) : {};
  } catch {
    throw new UsageError('github/bad-event', `GITHUB_EVENT_PATH names ${path}, which is not JSON`);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const trimSlash = (url: string) => url.replace(/\/+$/, '');
