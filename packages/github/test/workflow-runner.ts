import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadYamlText } from '@contracts/core';

/**
 * Runs a workflow job's steps as a GitHub runner would, for the steps this project controls: `run`
 * steps in bash, and a `uses:` of the composite action (`.github/actions/contracts`) by running its own
 * steps with its inputs. Steps of other actions (checkout, setup-node, cache, upload) are not run; the
 * cache step reports a hit (the toolkit is installed here), so the install step is skipped as after a
 * restore. `${{ }}` expressions of the forms the files use are evaluated (inputs, steps.*.outputs,
 * github.token, `a || b`, `==`, `!=`, `&&`, always()).
 */
interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface StepRun {
  name: string;
  status: number;
  stdout: string;
  stderr: string;
}

const readYaml = (file: string) => loadYamlText(readFileSync(file, 'utf8'), file).value as Record<string, any>;

type Context = { inputs: Record<string, string>; steps: Record<string, { outputs: Record<string, string> }>; github: Record<string, string> };

function lookup(path: string, ctx: Context): string {
  const parts = path.trim().split('.');
  let value: unknown = ctx;
  for (const p of parts) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[p] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

function evaluate(expr: string, ctx: Context): string | boolean {
  const e = expr.trim();
  if (e.includes('&&')) return e.split('&&').every((part) => truthy(evaluate(part, ctx)));
  if (e.includes('||')) {
    for (const part of e.split('||')) {
      const v = evaluate(part, ctx);
      if (truthy(v)) return v;
    }
    return '';
  }
  const cmp = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(e);
  if (cmp) {
    const [a, b] = [evaluate(cmp[1]!, ctx), evaluate(cmp[3]!, ctx)].map(String);
    return cmp[2] === '==' ? a === b : a !== b;
  }
  if (e === 'always()') return true;
  if (/^'.*'$/.test(e)) return e.slice(1, -1);
  if (/^\d+$/.test(e)) return e;
  return lookup(e, ctx);
}
const truthy = (v: string | boolean) => v !== false && v !== '' && v !== 'false';
const substitute = (text: string, ctx: Context) => text.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => String(evaluate(expr, ctx)));

function parseOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

async function runSteps(
  steps: Step[],
  ctx: Context,
  o: { cwd: string; env: Record<string, string>; actionDir?: string; actionPath: string },
  log: StepRun[],
): Promise<void> {
  for (const step of steps) {
    const condition = step.if ? substitute(step.if.includes('${{') ? step.if : `\${{ ${step.if} }}`, ctx) : 'true';
    const failedBefore = log.some((s) => s.status !== 0);
    if (condition === 'false' || (failedBefore && !(step.if ?? '').includes('always()'))) continue;
    const outputsFile = join(mkdtempSync(join(tmpdir(), 'contracts-step-')), 'output');
    writeFileSync(outputsFile, '');
    if (step.uses?.includes('.github/actions/contracts')) {
      const action = readYaml(join(o.actionPath, 'action.yml'));
      const inputs: Record<string, string> = {};
      for (const [k, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) inputs[k] = substitute(String(spec.default ?? ''), ctx);
      for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = substitute(String(v), ctx);
      const inner: Context = { inputs, steps: {}, github: ctx.github };
      await runSteps(action.runs.steps as Step[], inner, { ...o, actionDir: o.actionPath }, log);
      const outputs: Record<string, string> = {};
      for (const [k, spec] of Object.entries((action.outputs ?? {}) as Record<string, { value: string }>)) outputs[k] = substitute(spec.value, inner);
      if (step.id) ctx.steps[step.id] = { outputs };
      continue;
    }
    if (step.uses) {
      // Another action: not run here. The cache reports a hit: the toolkit is installed in this checkout.
      if (step.id) ctx.steps[step.id] = { outputs: step.uses.startsWith('actions/cache@') ? { 'cache-hit': 'true' } : {} };
      continue;
    }
    const env: Record<string, string> = { ...process.env, ...o.env, GITHUB_OUTPUT: outputsFile } as Record<string, string>;
    if (o.actionDir) env.GITHUB_ACTION_PATH = o.actionDir;
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), ctx);
    // Asynchronous: the test's REST server answers on this process's event loop while the step runs.
    const r = await bash(substitute(step.run!, ctx), o.cwd, env);
    log.push({ name: step.name ?? step.id ?? step.run!.slice(0, 40), ...r });
    if (step.id) ctx.steps[step.id] = { outputs: parseOutputs(outputsFile) };
  }
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? 1, stdout, stderr });
    });
  });
}

/** Runs job `job` of `workflowFile` in `cwd`; the composite action is taken from `actionPath`. */
export async function runWorkflowJob(workflowFile: string, job: string, o: { cwd: string; env: Record<string, string>; actionPath: string; token?: string }) {
  const workflow = readYaml(workflowFile);
  const steps = workflow.jobs[job].steps as Step[];
  const log: StepRun[] = [];
  await runSteps(steps, { inputs: {}, steps: {}, github: { token: o.token ?? '' } }, o, log);
  const failed = log.find((s) => s.status !== 0);
  return { status: failed ? failed.status : 0, steps: log, stdout: log.map((s) => s.stdout).join(''), stderr: log.map((s) => s.stderr).join('') };
}
