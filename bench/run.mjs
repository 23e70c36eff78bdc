// `pnpm bench`: every benchmark in the repo, one after another, each printing ours vs theirs as a ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/generate-contracts.mjs';

const only = process.argv.slice(2);
const scripts = [
  ...readdirSync(join(repoRoot, 'bench'))
    .filter((f) => f.endsWith('.bench.mjs'))
    .map((f) => join(repoRoot, 'bench', f)),
  ...readdirSync(join(repoRoot, 'packages')).flatMap((p) => {
    const dir = join(repoRoot, 'packages', p, 'bench');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.bench.mjs'))
          .map((f) => join(dir, f))
      : [];
  }),
]
  .filter((s) => only.length === 0 || only.some((o) => s.includes(o)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n── ${script.slice(repoRoot.length)}`);
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit', cwd: repoRoot });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
