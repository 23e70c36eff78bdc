// A git repository with `count` agreements negotiated over `rounds` rounds each, every round a commit by
// the vendor or the buyer and an annotated tag <id>/round-<n>: built once with `git fast-import` (ten
// thousand `git commit`s would take minutes) and cached under .bench/, keyed by its parameters and this
// file, so every bench run measures the same history.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng, repoRoot } from '../../../bench/lib/generate-contracts.mjs';

/** Positions a negotiation moves, each with values from the buyer's best to worst (all schema-valid). */
const MOVES = [
  [/notificationHours: \d+/, 'notificationHours', [24, 48, 72, 96, 168]],
  [/perClaimUsd: \d+/, 'perClaimUsd', [10000000, 5000000, 2000000, 1000000]],
  [/dataBreachCap: [\w-]+/, 'dataBreachCap', ['uncapped', 'super-cap', 'general-cap']],
  [/critical: \d+/, 'critical', [7, 14, 30, 45]],
  [/supportPeriodYears: \d+/, 'supportPeriodYears', [7, 5, 3, 2]],
  [/dataReturnDays: \d+/, 'dataReturnDays', [15, 30, 60, 90]],
  [/subprocessorChange: [\w-]+/, 'subprocessorChange', ['prior-written-consent', 'notice-with-objection', 'notice-only']],
  [/encryptionInTransit: [\w.-]+/, 'encryptionInTransit', ['tls-1.3', 'tls-1.2']],
];
const BUYERS = [
  'City of Springfield',
  'Riverside Hospital',
  'Meridian Property Group',
  'Bright Smile Family Dentistry, P.C.',
  'State University',
  'Harbor Transit Authority',
];

/** The texts of one agreement's rounds: the opening draft far from the buyer's playbook, then counters that meet in the middle. */
function roundTexts(base, i, rounds, random) {
  const id = `deal-${String(i).padStart(4, '0')}`;
  const buyer = BUYERS[i % BUYERS.length];
  let text = base
    .replace(/^id: .*$/m, `id: ${id}`)
    .replace(/^title: (.*)$/m, `title: $1 (lot ${i})`)
    .replace(/^(\s+buyer:\n\s+name: ).*$/m, `$1${buyer}`)
    .replace(/^(\s+vendor:\n\s+name: )(.*)$/m, `$1$2 ${String.fromCharCode(65 + (i % 26))}${i}`);
  const texts = [];
  for (let r = 1; r <= rounds; r++) {
    // The vendor (odd rounds) pushes two positions toward its end, the buyer (even rounds) pulls them back.
    for (let k = 0; k < 2; k++) {
      const [pattern, key, values] = MOVES[Math.floor(random() * MOVES.length)];
      const towardVendor = r % 2 === 1;
      const at = Math.min(values.length - 1, Math.floor(random() * values.length) + (towardVendor ? 1 : 0));
      const value = towardVendor ? values[at] : values[Math.max(0, at - 1)];
      text = text.replace(pattern, `${key}: ${value}`);
    }
    texts.push(text);
  }
  return { id, texts };
}

/** The repository's folder (built now unless cached). */
export function negotiationRepo(count = 1000, rounds = 10, seed = 7) {
  const stamp = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(`${count}x${rounds}@${seed}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(repoRoot, '.bench', `report-${count}x${rounds}-${stamp}`);
  if (existsSync(join(dir, '.git', 'bench-complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bases = readdirSync(join(repoRoot, 'contracts'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(repoRoot, 'contracts', f), 'utf8'));
  const random = prng(seed);
  const deals = Array.from({ length: count }, (_, i) => roundTexts(bases[i % bases.length], i, rounds, random));
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const parts = [];
  let mark = 0;
  let when = 1_767_225_600; // 2026-01-01
  for (let r = 0; r < rounds; r++) {
    for (const deal of deals) {
      const body = Buffer.from(deal.texts[r]);
      const who = r % 2 === 0 ? 'Vendor Counsel <counsel@vendor.example>' : 'Buyer Procurement <procurement@buyer.example>';
      const message = `${deal.id}: round ${r + 1}`;
      when += 37;
      mark++;
      parts.push(`commit refs/heads/main\nmark :${mark}\nauthor ${who} ${when} +0000\ncommitter ${who} ${when} +0000\ndata ${message.length}\n${message}\n`);
      if (mark > 1) parts.push(`from :${mark - 1}\n`);
      parts.push(`M 100644 inline contracts/${deal.id}.yaml\ndata ${body.length}\n`, body, '\n');
      const tagMessage = `Round ${r + 1} of ${deal.id}`;
      parts.push(
        `tag ${deal.id}/round-${r + 1}\nfrom :${mark}\ntagger Negotiator <negotiator@buyer.example> ${when + 5} +0000\ndata ${tagMessage.length}\n${tagMessage}\n`,
      );
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))),
    maxBuffer: 1 << 30,
  });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  writeFileSync(join(dir, '.git', 'bench-complete'), `${new Date(0).toISOString()}\n`);
  return dir;
}
