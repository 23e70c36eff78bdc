import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Round extends BaseCommand {
  static override summary = 'Tag the next negotiation round of a contract.';
  static override description =
    'Creates the annotated tag <contract-id>/round-<n> (n = last round + 1) on the commit that last changed the file. The contract id is the `id` field of the working-tree file and must be one the schema allows. Refuses when the file has uncommitted changes, when that commit is a round already or the file has not changed since the last round (--force tags it anyway), and in a shallow clone (fetch the tags and history first: git fetch --tags --unshallow).\nExit codes: 0 tagged, 1 the file has YAML errors, 2 usage or git error (invalid id, dirty or unchanged file, shallow clone, not a repository).';
  static override examples = [
    '<%= config.bin %> round contracts/springfield-smartcam.yaml',
    '<%= config.bin %> round contracts/springfield-smartcam.yaml -m "Buyer counter-proposal"',
    '<%= config.bin %> round contracts/springfield-smartcam.yaml --force   # tag the same version again',
  ];
  static override args = { file: Args.string({ description: 'Contract file', required: true }) };
  static override flags = {
    message: Flags.string({ char: 'm', description: 'Tag message (default: "Round <n> of <id>")' }),
    force: Flags.boolean({ description: 'Tag even a commit that is a round already, or a file unchanged since the last round' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Round);
    const { tagRound } = await import('../run-round.js');
    const result = await tagRound(args.file, { message: flags.message, force: flags.force });
    await this.print(result.output);
    process.exitCode = result.exitCode;
  }
}
