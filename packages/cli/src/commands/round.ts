import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Round extends BaseCommand {
  static override summary = 'Tag the next negotiation round of a contract.';
  static override description =
    'Creates the annotated tag <contract-id>/round-<n> (n = last round + 1) on the commit that last changed the file. The contract id is the `id` field of the working-tree file. Refuses when the file has uncommitted changes.\nExit codes: 0 tagged, 1 the file has YAML errors, 2 usage or git error (dirty file, not a repository).';
  static override examples = [
    '<%= config.bin %> round contracts/springfield-smartcam.yaml',
    '<%= config.bin %> round contracts/springfield-smartcam.yaml -m "Buyer counter-proposal"',
  ];
  static override args = { file: Args.string({ description: 'Contract file', required: true }) };
  static override flags = { message: Flags.string({ char: 'm', description: 'Tag message (default: "Round <n> of <id>")' }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Round);
    const { tagRound } = await import('../run-round.js');
    const result = await tagRound(args.file, flags.message);
    await this.print(result.output);
    process.exitCode = result.exitCode;
  }
}
