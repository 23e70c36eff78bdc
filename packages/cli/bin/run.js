#!/usr/bin/env node
// Entry point. CONTRACTS_DEBUG=1 maps stack traces of real bugs to TypeScript lines (off by default:
// reading source maps costs start-up time).
if (Number(process.versions.node.split('.')[0]) < 20) {
  process.stderr.write(`contracts needs Node.js 20 or newer; this is Node.js ${process.version}\n`);
  process.exit(2);
}
if (process.env.CONTRACTS_DEBUG) process.setSourceMapsEnabled?.(true);
// `contracts check | head`: when the reader goes away, stop quietly (as a shell tool killed by SIGPIPE
// would) instead of failing with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') process.stderr.write(`contracts: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
});
// A redline to DOCX starts its comparison engine before oclif loads (see src/redline-early-start.ts).
await (await import('../dist/redline-early-start.js')).startRedlineEarly(process.argv.slice(2));
// Plain `check` and `validate` runs skip oclif's start-up (see src/fast-path.ts); CONTRACTS_OCLIF=1
// sends every invocation through oclif.
const { runWithoutOclif } = await import('../dist/fast-path.js');
if (process.env.CONTRACTS_OCLIF === '1' || !(await runWithoutOclif(process.argv.slice(2)))) {
  // `@oclif/core/execute` rather than `@oclif/core`: the index loads help, ux and semver up front.
  const { execute } = await import('@oclif/core/execute');
  await execute({ dir: import.meta.url });
}
