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
    reporters: ['default'],
  },
});
