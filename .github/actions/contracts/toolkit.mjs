#!/usr/bin/env node
// The composite action's steps, as a script rather than shell lines in YAML (action.yml calls it):
//   locate   step outputs `root` (the toolkit's checkout) and `cache-key` (lockfile, Node, OS)
//   install  the toolkit's dependencies and build, exactly as the README's install command
//   pr       `contracts pr` with the action's inputs; its exit status goes to the `exit-code` output,
//            so the SARIF and redline uploads still run before the last step fails the job
//   report   `contracts report` of the contracts under the action's paths into `report-dir` (output),
//            dated by the last commit (SOURCE_DATE_EPOCH) so one commit always publishes the same site
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const env = process.env;

function output(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
  else process.stdout.write(`${name}=${value}\n`);
}

function locate() {
  const hash = createHash('sha256');
  for (const file of ['pnpm-lock.yaml', 'package.json', 'pnpm-workspace.yaml']) hash.update(readFileSync(join(root, file)));
  output('root', root);
  output('cache-key', `contracts-toolkit-${process.platform}-${process.arch}-node${process.versions.node.split('.')[0]}-${hash.digest('hex').slice(0, 24)}`);
}

function install() {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const result = spawnSync(npx, ['-y', 'pnpm@12.21.0', 'install', '--frozen-lockfile'], { cwd: root, stdio: 'inherit' });
  process.exitCode = result.status ?? 2;
}

const input = (name, fallback = '') => (env[`INPUT_${name.toUpperCase()}`] ?? fallback).trim();
const temp = env.RUNNER_TEMP || env.TMPDIR || '/tmp';
const cli = join(root, 'packages/cli/bin/run.js');

function pr() {
  const args = ['pr', '--base', input('base'), '--fail-on', input('fail-on', 'introduced') || 'introduced'];
  if (input('playbook')) args.push('--playbook', input('playbook'));
  if (input('templates')) args.push('--templates', input('templates'));
  if (input('comment', 'true') !== 'true') args.push('--no-comment');
  if (input('upload-sarif', 'true') === 'true' || input('sarif-file')) args.push('--sarif', input('sarif-file') || join(temp, 'contracts.sarif'));
  if (input('upload-redlines', 'true') === 'true' || input('redline-dir')) {
    args.push(
      '--out-dir',
      input('redline-dir') || join(temp, 'contracts-redlines'),
      '--artifact',
      input('artifact-name', 'contract-redlines') || 'contract-redlines',
    );
  }
  args.push(...input('paths', 'contracts').split(/\s+/).filter(Boolean));
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: 'inherit',
    env: { ...env, GITHUB_TOKEN: input('token') || env.GITHUB_TOKEN || '' },
  });
  output('exit-code', result.status ?? 2);
}

function report() {
  const out = input('report-dir') || join(temp, 'contracts-report');
  const args = ['report', '--out', out, '--force'];
  if (input('playbook')) args.push('--playbook', input('playbook'));
  args.push(...input('paths', 'contracts').split(/\s+/).filter(Boolean));
  const epoch = spawnSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).stdout?.trim();
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: 'inherit',
    env: { ...env, ...(env.SOURCE_DATE_EPOCH || !epoch ? {} : { SOURCE_DATE_EPOCH: epoch }) },
  });
  if (result.status === 0) output('report-dir', out);
  process.exitCode = result.status ?? 2;
}

const commands = { locate, install, pr, report };
const command = process.argv[2];
if (!Object.hasOwn(commands, command)) {
  process.stderr.write(`usage: toolkit.mjs ${Object.keys(commands).join('|')}\n`);
  process.exit(2);
}
commands[command]();
