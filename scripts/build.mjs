// Builds every package (tsc project references) and precompiles the JSON Schemas into standalone
// ajv validators, so that `contracts validate` never compiles a schema at run time, and writes the CLI's
// oclif manifest, so that start-up does not load every command to describe it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b']);
run(process.execPath, [join(root, 'packages/core/scripts/compile-schemas.mjs')]);
run(process.execPath, [join(root, 'packages/cli/scripts/write-manifest.mjs')]);
