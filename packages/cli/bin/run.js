#!/usr/bin/env node
// Entry point. Source maps make stack traces of real bugs point at the TypeScript lines.
process.setSourceMapsEnabled?.(true);
const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
