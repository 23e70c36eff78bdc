import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const packages = ['core', 'format', 'playbook', 'pandoc', 'render', 'drafting', 'docx-compare', 'diff', 'git', 'github', 'import', 'scaffold'];

export default defineConfig({
  resolve: {
    // Tests exercise the TypeScript sources; the CLI tests run the built CLI.
    alias: packages.map((p) => ({ find: new RegExp(`^@contracts/${p}$`), replacement: here(`packages/${p}/src/index.ts`) })),
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (one fewer worker than cores) leaves a 2-core machine running one test file at a
    // time, while the LibreOffice, Chromium and CLI tests mostly wait on their child processes: two
    // workers there. The whole suite has passed this way with another engineer's corpus runs beside it.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default'],
  },
});
