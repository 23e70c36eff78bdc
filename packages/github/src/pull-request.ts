import { appendFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { contractFilesIn, loadValidator, UsageError } from '@contracts/core';
import { writeFileAtomic } from '@contracts/core/write';
import { sarif } from '@contracts/format';
import { mergeBase, openRepo, repoPath, resolveRef, versionAuthor, type Repo } from '@contracts/git';
import { annotate } from './annotations.js';
import { upsertComment, type CommentOutcome } from './comment.js';
import { baseOf, readActionsContext } from './context.js';
import { comparePlaybooks, type PlaybookChange } from './playbook-change.js';
import { reviewPlaybooks } from './playbook-source.js';
import { commentMarkdown, summaryMarkdown, totals, type ReportContext } from './markdown.js';
import { writeRedlines } from './redlines.js';
import { libraryNotes, reviewTemplates } from './templates.js';
import { GitHubClient } from './rest.js';
import { reviewPullRequest, type PullRequestReview } from './review.js';
import { ruleTexts } from './rule-texts.js';

export interface PullRequestCheckOptions {
  /** The ref to compare with; '' or undefined: the PR's base from the event (a push: `before`; none: everything is new). */
  base?: string | undefined;
  /** Contract files and folders, relative to the repository root (wherever it runs); default `contracts`. */
  paths?: readonly string[];
  playbook?: string | undefined;
  /** Where to write the SARIF log (relative to `cwd`). */
  sarif?: string | undefined;
  /** Folder for the redlines (relative to `cwd`); none: no redlines. */
  redlineDir?: string | undefined;
  redlineFormats?: readonly ('docx' | 'html')[];
  /**
   * The repository's clause library for the redlines (as `contracts render --templates`), relative to the
   * repository root; default `templates` when the base has that folder, else the bundled library. The
   * base branch's copy is used: templates are pull-request input (see `reviewTemplates`).
   */
  templates?: string | undefined;
  /** Post or update the PR comment (default true; only on a pull request). */
  comment?: boolean;
  /** Where to write the summary; default GITHUB_STEP_SUMMARY (appended). */
  summary?: string | undefined;
  /** `introduced` (default): exit 1 for errors the change brings in; `any`: for any error in a changed contract; `never`. */
  failOn?: 'introduced' | 'any' | 'never';
  /** Name of the artifact the workflow uploads the redlines as, for the reports. */
  artifact?: string | undefined;
  toolVersion?: string;
  toolInformationUri?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PullRequestCheckResult {
  exitCode: number;
  /** Workflow commands and log lines for stdout. */
  log: string;
  /** Lines for stderr: what was written, what was skipped. */
  messages: string[];
  review: PullRequestReview;
  summary: string;
  comment: CommentOutcome | undefined;
  sarifFile: string | undefined;
  redlines: string[];
}

/**
 * `contracts pr`: everything a pull-request check does, for the contracts the change touched: check each
 * at the head and at the base, annotate the findings within GitHub's limits (most severe and new
 * first), write the job summary (findings, position moves, risk requirements now met or unmet), a
 * SARIF log for code scanning, the redlines, and one PR comment (created once, then updated). Exit 1
 * when the change introduces an error; problems with the environment throw (exit 2).
 */
export async function checkPullRequest(o: PullRequestCheckOptions = {}): Promise<PullRequestCheckResult> {
  const cwd = resolve(o.cwd ?? process.cwd());
  const env = o.env ?? process.env;
  const context = readActionsContext(env);
  const repo = await openRepo(cwd);
  const paths = (o.paths?.length ? o.paths : ['contracts']).map((p) => resolve(repo.root, p));
  const scope = paths.map((p) => relative(repo.root, p).split('\\').join('/'));
  // The link's own path (git lists it in the change); reading it is refused later, as a finding on it.
  const files = (await contractFilesIn(paths)).map((f) => repoPath(repo, f, repo.root, { followLinks: false }));
  const wanted = baseOf(context, o.base);
  const base = wanted === undefined ? undefined : await mergeBase(repo, await resolveRef(repo, wanted).catch((e) => rethrowBase(e, wanted)));
  const playbooks = await reviewPlaybooks(repo, base, o.playbook, cwd);
  const playbook = playbooks.judge;
  const validator = await loadValidator('vendor-agreement');
  const review = await reviewPullRequest({ repo, base, files, scope, playbook, validator });
  if (playbooks.proposed) review.playbook = comparePlaybooks(playbooks.proposed, repo.root, files, validator);

  const head = (await headCommit(repo)) ?? undefined;
  const labels = {
    baseLabel: base ? `${context.pullRequest?.baseRef ?? wanted} (${base.slice(0, 7)})` : 'nothing (first commit)',
    headLabel: context.pullRequest ? `#${context.pullRequest.number}${head ? ` (${head.slice(0, 7)})` : ''}` : head ? head.slice(0, 7) : 'working tree',
  };
  const messages: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  let environmentFailed = false;
  if (review.playbook) warnings.push(playbookWarning(review.playbook));

  const redlines = new Map<string, string[]>();
  const written: string[] = [];
  const library: string[] = [];
  if (o.redlineDir !== undefined && base) {
    const headSha = context.pullRequest?.headSha;
    const by = await versionAuthor(repo, headSha && (await hasCommit(repo, headSha)) ? headSha : undefined);
    const outDir = resolve(cwd, o.redlineDir);
    const templates = await reviewTemplates(repo, base, o.templates);
    library.push(...libraryNotes(templates));
    if (templates.changed.length > 0) warnings.push(`${library[0]} ${library[1]}`);
    try {
      const result = await writeRedlines(review.contracts, {
        outDir,
        formats: o.redlineFormats ?? ['docx', 'html'],
        ...labels,
        baseName: base.slice(0, 7),
        headName: head ? head.slice(0, 7) : 'working',
        by,
        playbook,
        validator,
        ...(templates.dir ? { templatesDir: templates.dir } : {}),
        ...(head ? { headCommit: head } : {}),
      });
      for (const [path, files] of result.written) {
        written.push(...files);
        // In the artifact by name (the runner's temp folder means nothing to a reader); else from the repository root.
        redlines.set(
          path,
          files.map((f) => (o.artifact ? shownPath(outDir, f) : shownPath(repo.root, f))),
        );
      }
      notes.push(...result.skipped);
    } catch (error) {
      environmentFailed = true;
      messages.push(`contracts: no redlines: ${(error as Error).message.split('\n')[0]}`);
      notes.push(`No redlines: ${(error as Error).message.split('\n')[0]}`);
    } finally {
      await templates.dispose();
    }
  }

  const ctx: ReportContext = {
    title: context.pullRequest ? `pull request #${context.pullRequest.number}` : context.refName ? `push to ${context.refName}` : labels.headLabel,
    ...labels,
    redlines,
    runUrl: context.runUrl,
    artifact: redlines.size > 0 ? o.artifact : undefined,
    notes,
    library,
  };

  let comment: CommentOutcome | undefined;
  if ((o.comment ?? true) && context.pullRequest && context.owner && context.repo) {
    if (!context.token) comment = { action: 'skipped', reason: 'no token (pass the job token as GITHUB_TOKEN)' };
    else {
      try {
        const client = new GitHubClient({ apiUrl: context.apiUrl, token: context.token });
        comment = await upsertComment(client, { owner: context.owner, repo: context.repo, issue: context.pullRequest.number }, commentMarkdown(review, ctx));
      } catch (error) {
        environmentFailed = true;
        messages.push(`contracts: ${(error as Error).message}`);
      }
    }
    if (comment?.action === 'skipped') {
      warnings.push(`No PR comment: ${comment.reason}. The job summary has the full report.`);
      notes.push(`No PR comment: ${comment.reason}.`);
    } else if (comment) messages.push(`contracts: ${comment.action} the PR comment${comment.url ? ` ${comment.url}` : ''}`);
  }

  const summary = summaryMarkdown(review, ctx);
  const summaryFile = o.summary ?? context.stepSummary;
  if (summaryFile) await appendFile(resolve(cwd, summaryFile), summary);

  const findings = [...review.contracts.flatMap((c) => c.findings), ...(review.playbook?.problems ?? []).map((d) => ({ ...d, introduced: true }))];
  const repository = { root: repo.root, cwd: repo.root };
  let sarifFile: string | undefined;
  if (o.sarif) {
    sarifFile = resolve(cwd, o.sarif);
    const text = sarif(findings, {
      ...(o.toolVersion ? { toolVersion: o.toolVersion } : {}),
      ...(o.toolInformationUri ? { toolInformationUri: o.toolInformationUri } : {}),
      repository,
      rules: ruleTexts(playbook),
      ...(context.owner && context.repo && (context.sha ?? head)
        ? {
            versionControl: {
              repositoryUri: `${context.serverUrl}/${context.owner}/${context.repo}`,
              revisionId: (context.sha ?? head)!,
              ...(context.refName ? { branch: context.refName } : {}),
            },
          }
        : {}),
    });
    await writeFileAtomic(sarifFile, text, { force: true });
    messages.push(`contracts: wrote ${relative(cwd, sarifFile) || sarifFile}`);
  }
  for (const f of written) messages.push(`contracts: wrote ${relative(cwd, f).startsWith('..') ? f : relative(cwd, f)}`);
  if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputs(review, sarifFile, o.redlineDir ? resolve(cwd, o.redlineDir) : undefined, comment));

  const t = totals(review);
  const failing = o.failOn === 'never' ? false : o.failOn === 'any' ? t.newErrors + t.oldErrors > 0 : t.newErrors > 0;
  return {
    exitCode: environmentFailed ? 2 : failing ? 1 : 0,
    log: annotate(findings, warnings, repository),
    messages,
    review,
    summary,
    comment,
    sarifFile,
    redlines: written,
  };
}

/** Step outputs for the workflow's later steps (`steps.<id>.outputs.*`). */
function outputs(review: PullRequestReview, sarifFile: string | undefined, redlineDir: string | undefined, comment: CommentOutcome | undefined): string {
  const t = totals(review);
  const lines = [
    `introduced-errors=${t.newErrors}`,
    `introduced-warnings=${t.newWarnings}`,
    `contracts=${review.contracts.length}`,
    ...(sarifFile ? [`sarif-file=${sarifFile}`] : []),
    ...(redlineDir ? [`redline-dir=${redlineDir}`] : []),
    ...(comment && comment.action !== 'skipped' && comment.url ? [`comment-url=${comment.url}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** One line for the step log: the playbook changed, so the contracts were judged with another one. */
function playbookWarning(change: PlaybookChange): string {
  const added = change.findings.reduce((n, f) => n + f.added.length, 0);
  const removed = change.findings.reduce((n, f) => n + f.removed.length, 0);
  const judge = {
    base: "the base branch's playbook",
    bundled: 'the bundled playbook (the base has none)',
    change: "this change's playbook (the base's has errors)",
  }[change.judgedWith];
  return `This change ${change.status === 'added' ? 'adds' : change.status === 'removed' ? 'deletes' : 'edits'} the playbook ${change.file}: the contracts were judged with ${judge}. The edit moves ${change.terms.length} term${change.terms.length === 1 ? '' : 's'} and would add ${added} and remove ${removed} finding${added + removed === 1 ? '' : 's'}; see the job summary.`;
}

/** A path as reports show it: relative to the repository root when inside it, else as it is. */
function shownPath(root: string, file: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') || rel === '' ? file : rel.split('\\').join('/');
}

async function headCommit(repo: Repo): Promise<string | undefined> {
  return resolveRef(repo, 'HEAD').catch(() => undefined);
}

async function hasCommit(repo: Repo, sha: string): Promise<boolean> {
  return resolveRef(repo, sha).then(
    () => true,
    () => false,
  );
}

function rethrowBase(error: unknown, base: string): never {
  const message = error instanceof Error ? error.message : String(error);
  throw new UsageError(
    'github/no-base',
    `The base ${base} is not in this clone (${message.replace(/\.$/, '')}). Check out with fetch-depth: 0, or fetch the base branch first.`,
  );
}
