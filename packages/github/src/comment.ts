import { GitHubApiError, type GitHubClient, type IssueComment } from './rest.js';

/** The hidden first line that marks the one comment this tool keeps on a pull request. */
export const COMMENT_MARKER = '<!-- contracts-as-code: pull request review -->';

export type CommentOutcome = { action: 'created' | 'updated'; id: number; url: string | undefined } | { action: 'skipped'; reason: string };

/**
 * Creates the PR comment on the first run and updates it on every run after: the comment is found by
 * its marker among all comments (every page), so there is never a second one. A comment written by a
 * bot (the job token posts as github-actions[bot]) is preferred over one a person wrote. A token without write access (a fork's PR) gives `skipped` with the reason, not an error.
 */
export async function upsertComment(client: GitHubClient, target: { owner: string; repo: string; issue: number }, body: string): Promise<CommentOutcome> {
  const text = body.startsWith(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`;
  try {
    const comments = await client.listIssueComments(target.owner, target.repo, target.issue);
    const ours = findOurComment(comments);
    if (ours) {
      if (ours.body === text) return { action: 'updated', id: ours.id, url: ours.html_url };
      const updated = await client.updateIssueComment(target.owner, target.repo, ours.id, text);
      return { action: 'updated', id: updated.id, url: updated.html_url };
    }
    const created = await client.createIssueComment(target.owner, target.repo, target.issue, text);
    return { action: 'created', id: created.id, url: created.html_url };
  } catch (error) {
    if (error instanceof GitHubApiError && error.code === 'github/forbidden')
      return {
        action: 'skipped',
        reason: `the job token may not write comments here (HTTP ${error.status}; a pull request from a fork gets a read-only token)`,
      };
    throw error;
  }
}

/**
 * The marked comment (its body starts with the marker): a bot's first, else one posted with a personal
 * token. A quote of the marker starts with `>`, so it never counts.
 */
export function findOurComment(comments: readonly IssueComment[]): IssueComment | undefined {
  const marked = comments.filter((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER));
  return marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
}
