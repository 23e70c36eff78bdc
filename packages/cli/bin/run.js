#!/usr/bin/env node
// Entry point. CONTRACTS_DEBUG=1 maps stack traces of real bugs to TypeScript lines (off by default:
// reading source maps costs start-up time).
if (process.env.CONTRACTS_DEBUG) process.setSourceMapsEnabled?.(true);
const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });
