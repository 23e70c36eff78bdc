import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPullRequest } from '../src/index.js';
import { example, repoRoot, scratchRepo, type ScratchRepo } from './fixture.js';

/**
 * The repository's own clause library in the PR redlines: `templates/` by default, read from the BASE
 * branch (templates are pull-request input, like the playbook), with the change's edits to it listed
 * beside the redlines; redline paths shown as the artifact's file names, or from the repository root.
 * Real git, the built renderer, the review run in-process.
 */
const FILE = 'contracts/springfield-smartcam.yaml';
const CLAUSE = 'templates/clauses/incident-response.md.liquid';
const original = readFileSync(join(repoRoot, CLAUSE), 'utf8');
const SENTENCE = 'The Vendor shall notify the Buyer in writing';
let repo: ScratchRepo;
let baseSha: string;
const scratch: string[] = [];

beforeAll(() => {
  expect(original).toContain(SENTENCE);
  repo = scratchRepo('contracts-pr-templates-');
  repo.write(FILE, example());
  repo.write(CLAUSE, original.replace(SENTENCE, 'Under the house wording, the Vendor shall notify the Buyer by telephone and in writing'));
  symlinkSync('/etc/passwd', join(repo.dir, 'templates/clauses/passwd.md.liquid'));
  baseSha = repo.commit('House clause library');
  repo.git('checkout', '-q', '-b', 'vendor-markup');
  repo.write(CLAUSE, original.replace(SENTENCE, 'HOSTILE: the Vendor may, at its discretion, tell the Buyer'));
  repo.write(FILE, example().replace('notificationHours: 48', 'notificationHours: 120'));
  repo.commit('Vendor markup: five days, and softer wording');
});
afterAll(() => {
  repo.cleanup();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function review(options: { artifact?: string; redlineDir?: string; templates?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-runner-'));
  scratch.push(dir);
  const redlineDir = options.redlineDir ?? join(dir, 'contracts-redlines');
  const env = { ...repo.env, SOURCE_DATE_EPOCH: '1772704800' };
  const summary = join(dir, 'summary.md');
  const r = await checkPullRequest({
    cwd: repo.dir,
    env,
    base: baseSha,
    summary,
    comment: false,
    redlineDir,
    redlineFormats: ['html'],
    ...(options.artifact ? { artifact: options.artifact } : {}),
    ...(options.templates ? { templates: options.templates } : {}),
  });
  return { ...r, summaryText: readFileSync(summary, 'utf8'), redlineDir };
}

describe('contracts pr redlines and the clause library', () => {
  it("renders both versions with the base branch's templates/, and lists the change's edits to it", async () => {
    const r = await review({ artifact: 'contract-redlines' });
    expect(r.exitCode).toBe(1);
    const [html] = readdirSync(r.redlineDir).map((f) => readFileSync(join(r.redlineDir, f), 'utf8'));
    expect(html).toContain('Under the house wording, the Vendor shall notify the Buyer by telephone and in writing');
    expect(html).not.toContain('HOSTILE');
    expect(html).not.toMatch(/root:x:0:0/);
    expect(r.summaryText).toContain('### Clause library');
    expect(r.summaryText).toContain(`This change edits the clause library templates/: ${CLAUSE} (modified).`);
    expect(r.summaryText).toContain("with the base branch's templates/");
    expect(r.summaryText).toContain('templates/clauses/passwd.md.liquid');
    expect(r.log).toMatch(/^::warning title=contracts::This change edits the clause library templates\//m);
  });

  it("shows redline paths as file names in the artifact, never the runner's temp folder", async () => {
    const r = await review({ artifact: 'contract-redlines' });
    expect(r.summaryText).toMatch(/^Redline: `springfield-smartcam-[0-9a-f]{7}-[0-9a-f]{7}\.html` in the artifact `contract-redlines`$/m);
    expect(r.summaryText).not.toContain(tmpdir());
  });

  it('shows redline paths from the repository root when they are written inside it', async () => {
    const r = await review({ redlineDir: join(repo.dir, 'build/redlines') });
    expect(r.summaryText).toMatch(/^Redline: `build\/redlines\/springfield-smartcam-[0-9a-f]{7}-[0-9a-f]{7}\.html`$/m);
    rmSync(join(repo.dir, 'build'), { recursive: true, force: true });
  });

  it('refuses a --templates folder that exists neither at the base nor in the working tree, with one line', async () => {
    await expect(review({ templates: 'no-such-library' })).rejects.toMatchObject({ code: 'usage/bad-templates', exitCode: 2 });
  });
});
