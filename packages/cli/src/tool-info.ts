import { readFileSync } from 'node:fs';

/**
 * What machine-readable reports say about the tool (SARIF `tool.driver`): the CLI's version, and where
 * to learn about it. The address is CONTRACTS_TOOL_URI when set; in Actions, the repository the action
 * was taken from; else the package's `homepage`.
 */
export function toolInfo(env: NodeJS.ProcessEnv = process.env): { version: string; informationUri: string } {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; homepage: string };
  const fromAction = env.GITHUB_ACTION_REPOSITORY
    ? `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_ACTION_REPOSITORY}`
    : undefined;
  return { version: pkg.version, informationUri: env.CONTRACTS_TOOL_URI || fromAction || pkg.homepage };
}
