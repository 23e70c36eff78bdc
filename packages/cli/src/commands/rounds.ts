import * as Args from '@oclif/core/args';
import { BaseCommand, formatFlag, playbookFlag } from '../base-command.js';

export default class Rounds extends BaseCommand {
  static override summary = 'List the negotiation rounds of a contract.';
  static override description =
    'Each round tag <contract-id>/round-<n> with the date and author of the version it marks (the tagged commit: its author and author date, as in history), how many positions moved since the previous round and the tag message; --format json adds who tagged it and when (tagger, taggedAt). A shallow clone may lack round tags, so it is an error (fetch them: git fetch --tags --unshallow).\nExit codes: 0 listed, 1 the file or the playbook has YAML errors, 2 usage or git error.';
  static override examples = [
    '<%= config.bin %> rounds contracts/springfield-smartcam.yaml',
    '<%= config.bin %> rounds contracts/springfield-smartcam.yaml --format json',
  ];
  static override args = { file: Args.string({ description: 'Contract file', required: true }) };
  static override flags = {
    format: formatFlag(['text', 'json', 'markdown'], 'text'),
    playbook: playbookFlag(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Rounds);
    const { listRoundsOf } = await import('../run-round.js');
    const result = await listRoundsOf(args.file, {
      format: flags.format as 'text' | 'json' | 'markdown',
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
    });
    await this.print(result.output);
    process.exitCode = result.exitCode;
  }
}
