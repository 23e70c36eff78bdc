import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFile, makeRepo, shallowClone, tag, type TestRepo } from '../../cli/test/git-fixture.js';
import { runCli } from '../../cli/test/run-cli.js';
import { defaultPlaybookPath } from '@contracts/playbook';
import agreementTask from '../src/agreement-task.js';
import { portfolioRepo, REPORT_EPOCH } from './portfolio-repo.js';

// The judges: the report's numbers must be those `contracts check --format json` and `contracts rounds
// --format json` print for the same files, its redline the file `contracts redline` writes and its
// contract the one `contracts render` writes, all run as a user would, in a real repository with rounds.
let repo: TestRepo;
let out: string;
const env = () => ({ ...repo.env, SOURCE_DATE_EPOCH: REPORT_EPOCH });
const cli = (args: string[], cwd = repo.dir) => runCli(args, { cwd, env: env(), timeoutMs: 120_000 });
const site = (path: string) => readFileSync(join(out, path), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: report.json is read as the JSON a script would read
const manifest = () => JSON.parse(site('report.json')) as { agreements: Record<string, any>[]; files: string[] };
const agreement = (file: string) => manifest().agreements.find((a) => a.file === file)!;
const unescapeHtml = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const FILES = ['contracts/bright-smile-sterilizer.yaml', 'contracts/nordlicht-building-sensors.yaml', 'contracts/springfield-smartcam.yaml'];

beforeAll(async () => {
  repo = portfolioRepo();
  out = mkdtempSync(join(tmpdir(), 'contracts-report-out-'));
  const r = await cli(['report', '--out', out]);
  expect(r).toMatchObject({ exitCode: 0, stdout: '' });
  expect(r.stderr).toBe(`wrote ${join(out, 'index.html')}: 3 agreements, ${manifest().files.length} files\n`);
});
afterAll(() => {
  repo.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('contracts report: the same numbers as check and rounds', () => {
  it('gives each agreement the counts of contracts check --format json', async () => {
    const check = JSON.parse((await cli(['check', '--format', 'json', 'contracts'])).stdout) as {
      files: { file: string; summary: string }[];
      diagnostics: { file: string; code: string; severity: string; message: string }[];
    };
    expect(check.files.map((f) => f.file)).toEqual(FILES);
    for (const file of check.files) {
      const a = agreement(file.file);
      expect(a.summary.text, file.file).toBe(file.summary);
      // Upcoming obligations are warnings that say from when they apply; they are not in the summary line.
      const upcoming = check.diagnostics.filter((d) => d.file === file.file && d.code.startsWith('risk/') && / \(applies from \d{4}-\d\d-\d\d/.test(d.message));
      expect(a.summary.upcoming, file.file).toBe(upcoming.length);
      expect(a.deadlines).toHaveLength(upcoming.length);
    }
    expect(agreement('contracts/nordlicht-building-sensors.yaml').deadlines).toEqual([
      { date: '2027-12-11', ruleId: 'eu-cra-product-security', term: 'vulnerabilityManagement.supportPeriodYears' },
    ]);
    expect(site('index.html')).toContain('<td data-sort="2027-12-11">1, next 2027-12-11</td>');
  });

  it('gives each agreement the errors, warnings and infos of contracts check --format json, on its page and in the portfolio', async () => {
    type Check = { files: { file: string; errors: number; warnings: number }[]; diagnostics: { file: string; severity: string }[] };
    const plain = JSON.parse((await cli(['check', '--format', 'json', 'contracts'])).stdout) as Check;
    const verbose = JSON.parse((await cli(['check', '--format', 'json', '--verbose', 'contracts'])).stdout) as Check;
    for (const file of plain.files) {
      const a = agreement(file.file);
      const infos = verbose.diagnostics.filter((d) => d.file === file.file && d.severity === 'info').length;
      expect(a.findings, file.file).toEqual({ errors: file.errors, warnings: file.warnings, infos });
      expect(verbose.files.find((f) => f.file === file.file)).toMatchObject({ errors: file.errors, warnings: file.warnings });
      const s = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
      expect(site(`agreements/${a.key}.html`), file.file).toContain(
        `<a href="#check"><code>contracts check</code>: ${s(file.errors, 'error')}, ${s(file.warnings, 'warning')}, ${s(infos, 'info')}</a>`,
      );
    }
    // Springfield carries the vendor's wording: two restated terms that disagree with the values are errors.
    expect(agreement('contracts/springfield-smartcam.yaml').findings.errors).toBeGreaterThan(1);
  });

  it('lists every finding check makes for the file on its page, message by message', async () => {
    const verbose = JSON.parse((await cli(['check', '--format', 'json', '--verbose', 'contracts/springfield-smartcam.yaml'])).stdout) as {
      diagnostics: { file: string; code: string; severity: string; message: string }[];
    };
    const page = site('agreements/springfield-smartcam.html');
    const section = page.slice(page.indexOf('<h2 id="check">'), page.indexOf('<h2 id="rounds">'));
    const listed = [...section.matchAll(/<li><span class="severity[^>]*>[^<]*<\/span> (.*?) <span class="path">([^<·]+?)(?: · [^<]*)?<\/span><\/li>/g)].map(
      (m) => `${m[2]} ${unescapeHtml(m[1]!)}`,
    );
    // In check's order, the errors and warnings first, then the infos (folded away).
    const ours = verbose.diagnostics.filter((d) => d.file === 'contracts/springfield-smartcam.yaml');
    const expected = [...ours.filter((d) => d.severity !== 'info'), ...ours.filter((d) => d.severity === 'info')];
    expect(listed).toEqual(expected.map((d) => `${d.code} ${d.message}`));
  });

  it('shows the wording the counterparty proposed, entry by entry, for counsel to review', () => {
    const page = site('agreements/springfield-smartcam.html');
    const section = page.slice(page.indexOf('<h2 id="wording">'), page.indexOf('<h2 id="evaluation">'));
    expect(section).toContain('<h2 id="wording">Wording the counterparty proposed: counsel to review</h2>');
    expect(section).toContain('<p>3 wording changes to review, 2 restated terms to settle, 3 comments (replies included).');
    const headings = [...section.matchAll(/<h3 id="wording-\d+">(.*?) <span class="path">(.*?)<\/span><\/h3>/g)].map((m) => `${m[1]} | ${m[2]}`);
    // Clauses as the rendered contract numbers and titles them; rows as the cover page labels them.
    expect(headings).toEqual([
      'Cover page, “Cyber insurance” | paragraph cover-page/Cyber insurance',
      'Cover page, “Data return” | paragraph cover-page/Data return',
      'Clause 12.4 (Costs) | clause audit/costs',
      'Clause 7.1 (Notice) | clause incidentResponse/notice',
    ]);
    expect(section).toContain('<dt>Proposed by</dt><dd>Vic Vendor, 2026-03-24 09:30 UTC</dd>');
    expect(section).toContain('<dt>How</dt><dd><strong>An untracked edit</strong>: they changed the text without tracked changes</dd>');
    expect(section).toContain(
      '<blockquote class="their-words">\n<p>Costs. The Buyer bears the costs of every audit.</p>\n<p>The Vendor bears its own costs of cooperating.</p>\n</blockquote>',
    );
    expect(section).toContain('<p>They label the row “Return of data”.</p>');
    expect(section).toContain('<tr><th scope="row">Data retention</th><td>backups kept for one year after the Agreement ends</td></tr>');
    expect(section).toContain(
      '<li><strong>Vic Vendor</strong>, 2026-03-24 09:32 UTC, on “reasonable audit costs”:<blockquote class="their-words"><p>Audits are expensive for us.</p></blockquote>',
    );
    expect(section).toContain('<li><strong>Bea Buyer</strong>, 2026-03-25 08:00 UTC: Only if they find no material breach.</li>');
    expect(section).toContain('Our SOC cannot commit to less than 72 hours.');
    // The clause links to itself in the rendered contract, by the anchor the contract carries.
    const href = /<a href="springfield-smartcam\.contract\.html#(_c[0-9a-f_]+)">Clause 12\.4 \(Costs\) as rendered<\/a>/.exec(section)?.[1];
    expect(href).toBeDefined();
    expect(site('agreements/springfield-smartcam.contract.html')).toContain(`id="${href}"`);
    expect(site('agreements/springfield-smartcam.contract.html')).toContain(
      '<p><strong>12.4</strong> <strong>Costs.</strong> The Buyer bears the costs of every audit.</p>',
    );
    // Each entry carries what check says of it: the wording warnings, the restated-term errors, the comment info.
    const codes = [...section.matchAll(/<span class="path">(playbook\/[a-z-]+) · /g)].map((m) => m[1]);
    expect(codes).toEqual([
      'playbook/negotiated-wording',
      'playbook/restated-term',
      'playbook/negotiated-wording',
      'playbook/restated-term',
      'playbook/negotiated-wording',
      'playbook/negotiation-comment',
    ]);
    expect(agreement('contracts/springfield-smartcam.yaml').wording).toEqual({ review: 3, unsettled: 2, comments: 3 });
    expect(site('agreements/bright-smile-sterilizer.html')).toContain('<p>None: every clause reads as the templates and the terms make it.</p>');
  });

  it('marks a term whose wording the import could not read, or that disagrees with its value, instead of a bare badge', () => {
    const page = site('agreements/springfield-smartcam.html');
    const row = (path: string) => page.split('\n').find((line) => line.includes(`<span class="path">${path}</span>`) && line.startsWith('<tr'))!;
    expect(row('incidentResponse.cyberInsurance.perClaimUsd')).toContain(
      '<span class="tier tier-unsettled">Counsel to settle</span> <span class="unsettled">The contract’s wording says “USD 2,000,000”; the value says USD 5,000,000: counsel to settle (contracts import could not read their words).</span>',
    );
    expect(row('termination.dataReturnDays')).toContain(
      'The contract’s wording says “sixty (60) days” (read as 60 days); the value is now 30 days: update or remove the wording.',
    );
    expect(row('termination.dataReturnDays')).not.toContain('<span class="tier tier-preferred">');
    // The rendered contract says what the wording says.
    expect(site('agreements/springfield-smartcam.contract.html')).toContain('USD 2,000,000 per claim');
    // Where every vendor landed on the term: the rating alone would mislead, so the term's page says so too.
    const term = site('terms/incidentResponse.cyberInsurance.perClaimUsd.html').split('\n');
    const landed = (key: string) => term.find((line) => line.startsWith('<tr') && line.includes(`href="../agreements/${key}.html"`))!;
    expect(landed('springfield-smartcam')).toContain(
      '<a class="tier tier-unsettled" href="../agreements/springfield-smartcam.html#wording">Counsel to settle: the contract’s wording says otherwise</a>',
    );
    expect(landed('nordlicht-building-sensors')).not.toContain('tier-unsettled');
    expect(agreement('contracts/springfield-smartcam.yaml').unsettledTerms).toEqual([
      'incidentResponse.cyberInsurance.perClaimUsd',
      'termination.dataReturnDays',
    ]);
    // Terms no wording restates keep their badge.
    expect(row('incidentResponse.notificationHours')).toContain('<span class="tier tier-fallback">');
  });

  it('counts the wording to review in the portfolio, a column to sort and a filter', () => {
    const html = site('index.html');
    const row = (key: string) => html.split('\n').find((line) => line.includes(`href="agreements/${key}.html"`))!;
    expect(row('springfield-smartcam')).toContain(
      '<td class="num" data-sort="8"><a href="agreements/springfield-smartcam.html#wording">3 to review, <span class="count-alert">2 to settle</span>, 3 comments</a></td>',
    );
    expect(row('springfield-smartcam')).toMatch(/data-flags="[^"]*\bwording\b/);
    expect(row('nordlicht-building-sensors')).toContain('<td>Bea Buyer</td><td class="num" data-sort="0">—</td>');
    expect(row('nordlicht-building-sensors')).not.toMatch(/data-flags="[^"]*\bwording\b/);
    expect(html).toContain('<li><a href="#only=wording"><strong>1</strong> with wording to review</a></li>');
    expect(html).toContain('<input type="checkbox" id="f-wording" name="only" value="wording"> <label for="f-wording">wording to review</label>');
  });

  it('shows those counts in the portfolio table, row by row', () => {
    const html = site('index.html');
    for (const file of FILES) {
      const a = agreement(file);
      const row = html.split('\n').find((line) => line.includes(`href="agreements/${a.key}.html"`))!;
      const cells = [...row.matchAll(/<td class="num">(?:<span[^>]*>)?([^<]*)/g)].map((m) => m[1]);
      // round, days since, walk-away, fallback, preferred, missing, unmet risk, check's errors and warnings
      expect(cells, file).toEqual(
        [
          a.latest.round,
          a.latest.daysSince,
          a.summary.walkAway,
          a.summary.fallback,
          a.summary.preferred,
          a.summary.missing,
          a.summary.risk,
          a.findings.errors,
          a.findings.warnings,
        ].map(String),
      );
    }
  });

  it('lists the rounds of contracts rounds --format json, and counts the days from SOURCE_DATE_EPOCH', async () => {
    for (const file of FILES) {
      const rounds = JSON.parse((await cli(['rounds', file, '--format', 'json'])).stdout) as {
        rounds: { round: number; author: string; authorDate: string }[];
      };
      const a = agreement(file);
      expect(a.rounds, file).toEqual(rounds.rounds);
      expect(a.latest).toMatchObject({
        round: rounds.rounds.at(-1)!.round,
        author: rounds.rounds.at(-1)!.author,
        authorDate: rounds.rounds.at(-1)!.authorDate,
      });
    }
    // 2026-03-16T10:00Z (Springfield's round 3) to the report date 2026-04-01T00:00Z.
    expect(agreement('contracts/springfield-smartcam.yaml').latest).toMatchObject({ round: 3, daysSince: 15, author: 'Vic Vendor' });
    expect(agreement('contracts/nordlicht-building-sensors.yaml').latest).toMatchObject({ round: 2, daysSince: 11, author: 'Bea Buyer' });
  });

  it('links the redline contracts redline writes between the last two rounds, byte for byte', async () => {
    const theirs = join(repo.dir, 'theirs.html');
    const r = await cli(['redline', 'contracts/springfield-smartcam.yaml', '--from', 'round-2', '--to', 'round-3', '--format', 'html', '--out', theirs]);
    expect(r.exitCode).toBe(0);
    expect(site('agreements/springfield-smartcam.redline.html')).toBe(readFileSync(theirs, 'utf8'));
    expect(site('agreements/springfield-smartcam.html')).toContain('<a href="springfield-smartcam.redline.html">Redline round-2 → round-3</a>');
    // One round: no redline, and the page says why.
    expect(existsSync(join(out, 'agreements/bright-smile-sterilizer.redline.html'))).toBe(false);
    expect(site('agreements/bright-smile-sterilizer.html')).toContain('<li>No redline: only one round so far</li>');
  });

  it('gives the redline of two rounds that mark the same bytes (one rendering serves both sides) as contracts redline does, byte for byte', async () => {
    // Round 2 tagged on a later commit that did not touch the file: both rounds mark one blob.
    tag(repo, 'bright-smile-sterilizer/round-2', { message: 'Round 2: no change', date: '2026-03-25T11:00:00Z' });
    const same = mkdtempSync(join(tmpdir(), 'contracts-report-same-'));
    const theirs = join(repo.dir, 'theirs-same.html');
    try {
      expect((await cli(['report', '--out', same])).exitCode).toBe(0);
      const r = await cli(['redline', 'contracts/bright-smile-sterilizer.yaml', '--from', 'round-1', '--to', 'round-2', '--format', 'html', '--out', theirs]);
      expect(r.exitCode).toBe(0);
      expect(readFileSync(join(same, 'agreements/bright-smile-sterilizer.redline.html'), 'utf8')).toBe(readFileSync(theirs, 'utf8'));
    } finally {
      execFileSync('git', ['tag', '-d', 'bright-smile-sterilizer/round-2'], { cwd: repo.dir, env: repo.env });
      rmSync(same, { recursive: true, force: true });
      rmSync(theirs, { force: true });
    }
  });

  it('links the contract contracts render --to html writes, byte for byte', async () => {
    for (const file of FILES) {
      const r = await cli(['render', file, '--to', 'html']);
      const key = agreement(file).key;
      expect(site(`agreements/${key}.contract.html`), file).toBe(r.stdout);
    }
  });
});

describe('contracts report: the site it writes', () => {
  it('is the same bytes when run again with the same SOURCE_DATE_EPOCH, over its own previous report', async () => {
    const before = new Map(manifest().files.map((f) => [f, site(f)]));
    const again = await cli(['report', '--out', out]);
    expect(again.exitCode).toBe(0);
    for (const [file, text] of before) expect(site(file), file).toBe(text);
    expect(manifest().files).toEqual([...before.keys()]);
  });

  it('writes a portfolio, a page per agreement with its documents, a page per playbook term, and report.json', () => {
    const files = manifest().files;
    expect(files).toContain('index.html');
    expect(files).toContain('terms/index.html');
    expect(files).toContain('terms/incidentResponse.notificationHours.html');
    expect(files.filter((f) => /^agreements\/[^.]+\.html$/.test(f))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.contract.html'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.redline.html'))).toEqual([
      'agreements/nordlicht-building-sensors.redline.html',
      'agreements/springfield-smartcam.redline.html',
    ]);
    const term = site('terms/incidentResponse.notificationHours.html');
    expect(term).toContain('<h1>Vendor breach notice to buyer</h1>');
    for (const key of ['springfield-smartcam', 'nordlicht-building-sensors', 'bright-smile-sterilizer'])
      expect(term).toContain(`href="../agreements/${key}.html"`);
  });

  it('allows only its own stylesheet and script, by hash, and nothing from the network', () => {
    for (const file of manifest().files.filter((f) => f.endsWith('.html') && !/\.(contract|redline)\.html$/.test(f))) {
      const html = site(file);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(csp, file).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src (?:'sha256-[A-Za-z0-9+/=]+'|'none'); img-src data:; base-uri 'none'; form-action 'none'$/,
      );
      expect(html, file).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      expect(html, file).not.toMatch(/ on[a-z]+="/);
      expect(html.match(/<script>/g)?.length ?? 0, file).toBeLessThanOrEqual(1);
    }
  });

  it('refuses a non-empty folder that holds no previous report, unless --force', async () => {
    const foreign = mkdtempSync(join(tmpdir(), 'contracts-report-foreign-'));
    writeFileSync(join(foreign, 'notes.txt'), 'mine\n');
    const refused = await cli(['report', '--out', foreign]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(
      `contracts: ${foreign} is not empty and holds no previous report (no report.json written by contracts report); choose an empty folder or pass --force [report/out-not-empty]\n`,
    );
    expect(readdirSync(foreign)).toEqual(['notes.txt']);
    expect((await cli(['report', '--out', foreign, '--force'])).exitCode).toBe(0);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('mine\n');
    rmSync(foreign, { recursive: true, force: true });
  });

  it('removes the pages of an agreement no longer reported, and never a file it did not write', async () => {
    const again = mkdtempSync(join(tmpdir(), 'contracts-report-again-'));
    expect((await cli(['report', '--out', again])).exitCode).toBe(0);
    writeFileSync(join(again, 'agreements', 'notes.html'), 'mine\n');
    // A report.json naming files outside the site must not make the next run delete them.
    const data = JSON.parse(readFileSync(join(again, 'report.json'), 'utf8'));
    data.files.push('../victim.txt', 'agreements/../../victim.txt', '/etc/passwd');
    writeFileSync(join(again, 'report.json'), JSON.stringify(data));
    writeFileSync(join(again, '..', `${again.split('/').at(-1)}-victim.txt`), 'keep\n');
    const r = await cli(['report', 'contracts/springfield-smartcam.yaml', '--out', again]);
    expect(r.stderr).toMatch(/: 1 agreement, \d+ files; removed 5 page\(s\) of the previous report\n$/);
    expect(readdirSync(join(again, 'agreements')).sort()).toEqual([
      'notes.html',
      'springfield-smartcam.contract.html',
      'springfield-smartcam.html',
      'springfield-smartcam.redline.html',
    ]);
    expect(existsSync(join(again, '..', `${again.split('/').at(-1)}-victim.txt`))).toBe(true);
    rmSync(join(again, '..', `${again.split('/').at(-1)}-victim.txt`));
    rmSync(again, { recursive: true, force: true });
  });

  it('reads the rounds in one pass over the repository: one for-each-ref and one cat-file', async () => {
    const trace = join(repo.dir, '.git', 'report-trace.log');
    const traceOut = mkdtempSync(join(tmpdir(), 'contracts-report-trace-'));
    const traced = await runCli(['report', '--out', traceOut], { cwd: repo.dir, env: { ...env(), GIT_TRACE: trace }, timeoutMs: 120_000 });
    rmSync(traceOut, { recursive: true, force: true });
    expect(traced.exitCode).toBe(0);
    const commands = execFileSync('grep', ['-o', 'built-in: git [a-z-]*', trace], { encoding: 'utf8' }).trim().split('\n');
    expect(commands.filter((c) => c.endsWith('for-each-ref'))).toHaveLength(1);
    expect(commands.filter((c) => c.endsWith('cat-file'))).toHaveLength(1);
    expect(commands.filter((c) => c.endsWith(' log'))).toHaveLength(0);
  });
});

describe('contracts report: what can go wrong', () => {
  it('shows what a counterparty wrote as text: markup, scripts and bidi controls in names, messages and values', async () => {
    const hostile = makeRepo('contracts-report-hostile-');
    const evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>\u202Egnp.exe';
    const text = readFileSync(join(repo.dir, 'contracts/springfield-smartcam.yaml'), 'utf8')
      .replace('name: Acme Cameras Inc.', `name: ${JSON.stringify(evil)}`)
      .replace(/^title: .*$/m, `title: ${JSON.stringify(`Deal ${evil}`)}`)
      // Their wording, their comments, their words for a term: all theirs.
      .replace('text: USD 2,000,000 per claim, USD 10,000,000 aggregate', `text: ${JSON.stringify(evil)}`)
      .replace('said: USD 2,000,000', `said: ${JSON.stringify(evil)}`)
      .replace('label: Return of data', `label: ${JSON.stringify(evil)}`)
      .replace('text: Audits are expensive for us.', `text: ${JSON.stringify(evil)}`)
      .replace('author: Bea Buyer', `author: ${JSON.stringify(evil)}`);
    expect(text.match(/onerror/g)).toHaveLength(7);
    commitFile(hostile, 'contracts/evil.yaml', text.replace('id: springfield-smartcam', 'id: evil'), {
      message: evil,
      author: { name: evil, email: 'x@example.com' },
    });
    tag(hostile, 'evil/round-1', { message: `Round 1 ${evil}` });
    const dir = mkdtempSync(join(tmpdir(), 'contracts-report-hostile-out-'));
    const r = await runCli(['report', '--out', dir], { cwd: hostile.dir, env: { ...hostile.env, SOURCE_DATE_EPOCH: REPORT_EPOCH } });
    expect(r.exitCode, r.stderr).toBe(0);
    for (const page of ['index.html', 'agreements/evil.html', 'terms/incidentResponse.notificationHours.html']) {
      const html = readFileSync(join(dir, page), 'utf8');
      expect(html, page).not.toContain('<img');
      expect(html, page).not.toContain('<script>alert');
      expect(html, page).not.toContain('\u202E');
      expect(html, page).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;\\u202Egnp.exe');
    }
    const page = readFileSync(join(dir, 'agreements/evil.html'), 'utf8');
    const wording = page.slice(page.indexOf('<h2 id="wording">'), page.indexOf('<h2 id="evaluation">'));
    // Their text, their words for the term (in the entry and its check finding), the label, the comment, the reply's author.
    expect(wording.split('&lt;img src=x onerror=alert(1)&gt;').length - 1).toBeGreaterThanOrEqual(6);
    expect(page).toContain('<span class="tier tier-unsettled">Counsel to settle</span> <span class="unsettled">The contract’s wording says “&lt;img src=x');
    hostile.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports two files with one id as check does: the later one has contract/duplicate-id, in its counts and on its page', async () => {
    const twins = makeRepo('contracts-report-twins-');
    const text = readFileSync(join(repo.dir, 'contracts/bright-smile-sterilizer.yaml'), 'utf8');
    commitFile(twins, 'contracts/a.yaml', text, { message: 'one' });
    commitFile(twins, 'contracts/b.yaml', text, { message: 'its copy' });
    const dir = mkdtempSync(join(tmpdir(), 'contracts-report-twins-out-'));
    try {
      const run = (args: string[]) => runCli(args, { cwd: twins.dir, env: { ...twins.env, SOURCE_DATE_EPOCH: REPORT_EPOCH } });
      expect((await run(['report', '--out', dir])).exitCode).toBe(0);
      const check = JSON.parse((await run(['check', '--format', 'json', 'contracts'])).stdout) as {
        files: { file: string; errors: number; warnings: number }[];
      };
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        agreements: { file: string; findings: { errors: number; warnings: number } }[];
      };
      expect(report.agreements.map((a) => ({ file: a.file, errors: a.findings.errors, warnings: a.findings.warnings }))).toEqual(
        check.files.map((f) => ({ file: f.file, errors: f.errors, warnings: f.warnings })),
      );
      expect(check.files[1]!.errors).toBe(check.files[0]!.errors + 1);
      expect(readFileSync(join(dir, 'agreements/b.html'), 'utf8')).toContain('is also the id of contracts/a.yaml');
      expect(readFileSync(join(dir, 'agreements/a.html'), 'utf8')).not.toContain('contract/duplicate-id');
      // Split between threads, the thread that has only b.yaml still finds a.yaml's id first, as check does.
      const alone = join(tmpdir(), `contracts-report-twins-thread-${process.pid}`);
      mkdirSync(alone, { recursive: true });
      const b = { path: join(twins.dir, 'contracts/b.yaml'), shown: 'contracts/b.yaml', key: 'b' };
      const options = { playbookPath: defaultPlaybookPath, out: alone, now: 0, footer: '' };
      const [unseeded] = await agreementTask([JSON.stringify(b)], options);
      const [seeded] = await agreementTask([JSON.stringify(b)], { ...options, firstFileOfId: [['bright-smile-sterilizer', 'contracts/a.yaml']] });
      rmSync(alone, { recursive: true, force: true });
      expect(seeded!.findings.errors).toBe(unseeded!.findings.errors + 1);
      expect(seeded!.findings.errors).toBe(check.files[1]!.errors);
    } finally {
      twins.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says in one line that a shallow clone lacks the rounds', async () => {
    const shallow = shallowClone(repo, 1);
    const r = await runCli(['report', '--out', join(shallow.dir, 'site')], { cwd: shallow.dir, env: env() });
    shallow.cleanup();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^contracts: The negotiation rounds cannot be read because this is a shallow clone .*fetch-depth: 0.*\n$/);
  });

  it('reports contracts outside any git repository, without rounds', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'contracts-report-plain-'));
    mkdirSync(join(plain, 'contracts'));
    writeFileSync(join(plain, 'contracts', 'springfield-smartcam.yaml'), readFileSync(join(repo.dir, 'contracts/springfield-smartcam.yaml')));
    const r = await runCli(['report', '--out', 'site'], { cwd: plain, env: env() });
    expect(r.exitCode).toBe(0);
    const page = readFileSync(join(plain, 'site/agreements/springfield-smartcam.html'), 'utf8');
    expect(page).toContain('No rounds yet (not in a git repository)');
    rmSync(plain, { recursive: true, force: true });
  });

  it('lists a file that is not a readable contract with its problems instead of failing', async () => {
    writeFileSync(join(repo.dir, 'contracts', 'broken.yaml'), 'id: broken\ntitle: [unclosed\n');
    const broken = mkdtempSync(join(tmpdir(), 'contracts-report-broken-'));
    const r = await cli(['report', '--out', broken]);
    rmSync(join(repo.dir, 'contracts', 'broken.yaml'));
    expect(r.exitCode).toBe(0);
    const page = readFileSync(join(broken, 'agreements/broken.html'), 'utf8');
    expect(page).toMatch(
      /<h3 id="problems">Problems in the file<\/h3>\n<ul class="problems">\n<li><code>contracts\/broken\.yaml:\d+:\d+<\/code> [^<]+<span class="path">yaml\/syntax/,
    );
    expect(readFileSync(join(broken, 'index.html'), 'utf8')).toMatch(/data-flags="problems"/);
    rmSync(broken, { recursive: true, force: true });
  });

  it('says which line of a broken playbook stops it, with exit 1', async () => {
    writeFileSync(join(repo.dir, 'bad-playbook.yaml'), 'playbookVersion: 1\ntitle: x\nterms: 3\n');
    const r = await cli(['report', '--out', join(repo.dir, 'never'), '--playbook', 'bad-playbook.yaml']);
    rmSync(join(repo.dir, 'bad-playbook.yaml'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^contracts: The playbook is broken, so no agreement can be rated: bad-playbook\.yaml:3:8: .*\n$/);
    expect(existsSync(join(repo.dir, 'never'))).toBe(false);
  });
});
