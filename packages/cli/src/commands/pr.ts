import * as Flags from '@oclif/core/flags';
import { BaseCommand, playbookFlag } from '../base-command.js';

export default class Pr extends BaseCommand {
  static override summary = 'Everything a pull-request check does: annotations, job summary, SARIF, redlines and one PR comment.';
  static override description =
    'Checks the contracts the change touched (renames followed) at its head and at --base, and marks each finding new or already on the base. ' +
    "Annotations stay within GitHub's limits (10 errors and 10 warnings per step, most severe and new first, then one notice saying how many more are in the summary); " +
    'the job summary (GITHUB_STEP_SUMMARY) lists every finding, the position moves and the risk requirements now met or unmet; --sarif writes a log for code scanning; ' +
    '--out-dir writes each changed contract’s redline against the base (DOCX with tracked changes and HTML), rendered with the repository’s clause library: --templates DIR (relative to the repository root, as render --templates), default templates/ when the base has that folder, else the bundled library. ' +
    'Templates and the playbook are pull-request input, so both come from the BASE branch: the contracts are judged by the base’s playbook (a change to playbook.yaml gets its own section: the terms whose positions moved and the findings it would add or remove), and the redlines show the contract’s changes in the base’s clause wording (edits to the templates are listed beside them; review those in the PR diff). On a pull request it creates one comment and updates it on later runs ' +
    '(GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL); a token that may not comment (a fork) gives one warning, and the summary is still written.\n' +
    'Without --base (or with an empty one) the base is the pull request’s base commit from the event, or a push’s previous commit; with neither, every contract counts as new. Paths in every output are relative to the repository root.\n' +
    'Exit codes: 0 no new errors, 1 the change introduces errors (walk-away positions, unmet risk requirements, invalid contracts; see --fail-on), 2 usage, git, GitHub API or environment error.';
  static override examples = [
    '<%= config.bin %> pr --base origin/main',
    '<%= config.bin %> pr --base "$BASE_SHA" --sarif contracts.sarif --out-dir redlines contracts/',
    '<%= config.bin %> pr --base main --no-comment --summary summary.md   # try it locally',
  ];
  static override strict = false;
  static override flags = {
    base: Flags.string({ description: 'The ref to compare with (default: the pull request’s base from GITHUB_EVENT_PATH)' }),
    playbook: playbookFlag(),
    sarif: Flags.string({ description: 'Write a SARIF log of the findings here (for code scanning)' }),
    templates: Flags.string({
      description:
        'Clause library for the redlines, relative to the repository root, read from the base branch (default: templates/ when the base has it, else the bundled one)',
    }),
    'out-dir': Flags.string({ description: 'Write the redline (DOCX and HTML) of each changed contract into this folder' }),
    'redline-format': Flags.string({ description: 'Redline formats to write', options: ['docx', 'html'], multiple: true }),
    summary: Flags.string({
      description: 'Append the Markdown summary to this file (default: GITHUB_STEP_SUMMARY; run by hand without either, it is printed)',
    }),
    comment: Flags.boolean({ description: 'Create or update the PR comment (on a pull request)', default: true, allowNo: true }),
    'fail-on': Flags.string({
      description: 'Exit 1 for errors the change introduces, any error in a changed contract, or never',
      options: ['introduced', 'any', 'never'],
      default: 'introduced',
    }),
    artifact: Flags.string({ description: 'Name of the artifact the workflow uploads the redlines as (shown in the reports)' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Pr);
    const { runPr } = await import('../run-pr.js');
    const result = await runPr(argv as string[], flags);
    await this.print(result.log);
    for (const line of result.messages) process.stderr.write(`${line}\n`);
    process.exitCode = result.exitCode;
  }
}
