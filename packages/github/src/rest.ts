import { ContractsError, EnvironmentError } from '@contracts/core';

/** The REST API version every request asks for (https://docs.github.com/rest/about-the-rest-api/api-versions). */
export const API_VERSION = '2022-11-28';

/** A failed REST call: the HTTP status is kept, so callers can tell "not allowed" (403/404) from an outage. */
export class GitHubApiError extends ContractsError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(status === 401 || status === 403 || status === 404 ? 'github/forbidden' : 'github/api', message, { exitCode: 2 });
  }
}

export interface IssueComment {
  id: number;
  body: string;
  html_url?: string;
  user?: { login?: string; type?: string } | null;
}

export interface GitHubClientOptions {
  /** API root, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
  token: string;
  /** Milliseconds per request (default 20 s): a hung API must not hang the job. */
  timeoutMs?: number;
}

/**
 * The few REST endpoints a PR check uses, over plain `fetch` (Node 20): issue comments listed page by
 * page, created and updated, with the job token as a bearer token and the API version header.
 */
export class GitHubClient {
  constructor(private readonly options: GitHubClientOptions) {}

  /** Every comment on an issue or pull request, following the `Link: rel="next"` pages. */
  async listIssueComments(owner: string, repo: string, issue: number): Promise<IssueComment[]> {
    const comments: IssueComment[] = [];
    let url: string | undefined = this.url(`/repos/${seg(owner)}/${seg(repo)}/issues/${issue}/comments?per_page=100`);
    // A bound on pages: 100 pages of 100 comments is far beyond any PR, and a loop must end.
    for (let page = 0; url && page < 100; page++) {
      const response = await this.request('GET', url);
      comments.push(...((await response.json()) as IssueComment[]));
      url = nextLink(response.headers.get('link'));
    }
    return comments;
  }

  async createIssueComment(owner: string, repo: string, issue: number, body: string): Promise<IssueComment> {
    const response = await this.request('POST', this.url(`/repos/${seg(owner)}/${seg(repo)}/issues/${issue}/comments`), { body });
    return (await response.json()) as IssueComment;
  }

  async updateIssueComment(owner: string, repo: string, id: number, body: string): Promise<IssueComment> {
    const response = await this.request('PATCH', this.url(`/repos/${seg(owner)}/${seg(repo)}/issues/comments/${id}`), { body });
    return (await response.json()) as IssueComment;
  }

  private url(path: string): string {
    return `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
  }

  private async request(method: string, url: string, body?: unknown): Promise<Response> {
    // Only follow pagination links to the same API host: a Link header must not send the token elsewhere.
    if (new URL(url).origin !== new URL(this.options.apiUrl).origin) throw new GitHubApiError(0, `refusing to send the token to ${new URL(url).origin}`);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.options.token}`,
          'x-github-api-version': API_VERSION,
          'user-agent': 'contracts-as-code',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
        redirect: 'error',
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
      throw new EnvironmentError('github/unreachable', `GitHub API at ${new URL(url).origin} cannot be reached: ${reason}`);
    }
    if (!response.ok) {
      const detail = await response.text().then(
        (t) => (JSON.parse(t) as { message?: string }).message ?? t,
        () => '',
      );
      throw new GitHubApiError(response.status, `GitHub API ${method} ${new URL(url).pathname}: ${response.status} ${String(detail).slice(0, 200)}`.trim());
    }
    return response;
  }
}

const seg = encodeURIComponent;

/** The `rel="next"` URL of a Link header (RFC 8288), if any. */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
