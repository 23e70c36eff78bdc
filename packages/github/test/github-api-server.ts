import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for GitHub's REST API on 127.0.0.1, speaking the three issue-comment endpoints a PR
 * check uses, the way GitHub does: 100 per page with a `Link: rel="next"` header, JSON bodies, 401 without
 * the bearer token, 400 without the API version header, and 403 for writes when `readOnly` (a fork's token).
 * Served under `/api/v3`, as GitHub Enterprise Server does, so the test also proves GITHUB_API_URL is used.
 */
export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  html_url: string;
}

export interface FakeGitHub {
  url: string;
  comments: Comment[];
  requests: { method: string; path: string }[];
  readOnly: boolean;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { token: string; owner: string; repo: string; issue: number }): Promise<FakeGitHub> {
  const state: Omit<FakeGitHub, 'url' | 'close'> = { comments: [], requests: [], readOnly: false };
  let nextId = 1000;
  const base = `/api/v3/repos/${options.owner}/${options.repo}`;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push({ method: req.method ?? '', path: url.pathname + url.search });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' });
    if (req.headers['x-github-api-version'] !== '2022-11-28') return send(400, { message: 'missing or unsupported X-GitHub-Api-Version' });
    if (!String(req.headers.accept).includes('application/vnd.github+json')) return send(415, { message: 'Unsupported Accept' });
    const list = `${base}/issues/${options.issue}/comments`;
    const one = new RegExp(`^${base}/issues/comments/(\\d+)$`);
    if (req.method === 'GET' && url.pathname === list) {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = state.comments.slice((page - 1) * perPage, page * perPage);
      const more = page * perPage < state.comments.length;
      const next = `<http://${req.headers.host}${list}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return send(200, slice, more ? { link: next } : {});
    }
    if (req.method === 'POST' && url.pathname === list) {
      if (state.readOnly) return send(403, { message: 'Resource not accessible by integration' });
      const { body } = JSON.parse(await read(req)) as { body: string };
      const comment: Comment = { id: nextId++, body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: `https://github.example/c/${nextId}` };
      state.comments.push(comment);
      return send(201, comment);
    }
    const m = one.exec(url.pathname);
    if (req.method === 'PATCH' && m) {
      if (state.readOnly) return send(403, { message: 'Resource not accessible by integration' });
      const comment = state.comments.find((c) => c.id === Number(m[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = (JSON.parse(await read(req)) as { body: string }).body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/api/v3`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8').on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text)).on('error', reject);
  });
}
