import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, formatFlag, playbookFlag, useColor } from '../base-command.js';

export default class Diff extends BaseCommand {
  static override summary = 'Show how the negotiated positions moved between two versions of a contract.';
  static override description =
    'For each term: old → new, who gained (buyer / vendor / neutral, from the playbook), tier before → after and whether walk-away was crossed; added and removed terms; changed product-evaluation facts and the terms the risk rules now require or no longer require. `round-2` is shorthand for the tag <contract-id>/round-2. Renames are followed.\nExit codes: 0 diff shown, 1 a version (or the playbook) has YAML errors, 2 usage, git or I/O error.';
  static override examples = [
    '<%= config.bin %> diff contracts/springfield-smartcam.yaml --from round-1 --to round-2',
    '<%= config.bin %> diff contracts/springfield-smartcam.yaml --from origin/main --format markdown   # PR comment',
    '<%= config.bin %> diff contracts/springfield-smartcam.yaml --from round-3 --format json',
  ];
  static override args = { file: Args.string({ description: 'Contract file', required: true }) };
  static override flags = {
    // Checked in run() rather than `required`, for a message that says what the ref is for.
    from: Flags.string({ description: 'The version to compare with: a git ref or round-<n>', required: true }),
    to: Flags.string({ description: 'New version: a git ref or round-<n> (default: the working tree)' }),
    format: formatFlag(['text', 'json', 'markdown'], 'text'),
    playbook: playbookFlag(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Diff);
    const { diffFile } = await import('../run-diff.js');
    const result = await diffFile(args.file, {
      from: flags.from,
      format: flags.format as 'text' | 'json' | 'markdown',
      color: useColor(),
      ...(flags.to !== undefined ? { to: flags.to } : {}),
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
    });
    await this.print(result.output);
    process.exitCode = result.exitCode;
  }
}
