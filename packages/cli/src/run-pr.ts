import { terminalText } from '@contracts/format/escape';
import { checkPullRequest } from '@contracts/github';
import { toolInfo } from './tool-info.js';

export interface PrFlags {
  base?: string | undefined;
  playbook?: string | undefined;
  sarif?: string | undefined;
  'out-dir'?: string | undefined;
  templates?: string | undefined;
  'redline-format'?: string[] | undefined;
  summary?: string | undefined;
  comment: boolean;
  'fail-on': string;
  artifact?: string | undefined;
}

/** `contracts pr`: flags to options for `checkPullRequest`; the log for stdout, escaped messages for stderr. */
export async function runPr(paths: string[], flags: PrFlags) {
  const tool = toolInfo();
  const result = await checkPullRequest({
    base: flags.base,
    paths,
    playbook: flags.playbook || undefined,
    sarif: flags.sarif || undefined,
    redlineDir: flags['out-dir'] || undefined,
    templates: flags.templates || undefined,
    ...(flags['redline-format']?.length ? { redlineFormats: flags['redline-format'] as ('docx' | 'html')[] } : {}),
    summary: flags.summary || undefined,
    comment: flags.comment,
    failOn: flags['fail-on'] as 'introduced' | 'any' | 'never',
    artifact: flags.artifact || undefined,
    toolVersion: tool.version,
    toolInformationUri: tool.informationUri,
  });
  // Run by hand (no --summary, outside Actions) the summary is the report: print it after the log.
  const byHand = !flags.summary && !process.env.GITHUB_STEP_SUMMARY;
  const summary = byHand ? `${result.summary.split('\n').map(terminalText).join('\n')}\n` : '';
  return { log: result.log + summary, messages: result.messages.map(terminalText), exitCode: result.exitCode };
}
