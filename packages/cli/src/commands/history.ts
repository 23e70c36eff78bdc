import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, formatFlag, playbookFlag, useColor } from '../base-command.js';

export default class History extends BaseCommand {
  static override summary = 'Show how each negotiated position moved across every commit and round.';
  static override description =
    'One entry per commit that changed the file (renames followed), oldest first: author, date, round tags, and each term that moved with old → new and who gained. Reads the whole history with one git log and one git cat-file.\nExit codes: 0 history shown, 1 the playbook has YAML errors, 2 usage, git or I/O error.';
  static override examples = [
    '<%= config.bin %> history contracts/springfield-smartcam.yaml',
    '<%= config.bin %> history contracts/springfield-smartcam.yaml --term incidentResponse.notificationHours',
    '<%= config.bin %> history contracts/springfield-smartcam.yaml --format json',
  ];
  static override args = { file: Args.string({ description: 'Contract file', required: true }) };
  static override flags = {
    term: Flags.string({ description: 'Only this term (dotted path inside terms, e.g. incidentResponse.notificationHours)' }),
    format: formatFlag(['text', 'json', 'markdown'], 'text'),
    playbook: playbookFlag(),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(History);
    const { historyOfFile } = await import('../run-history.js');
    const result = await historyOfFile(args.file, {
      format: flags.format as 'text' | 'json' | 'markdown',
      color: useColor(),
      ...(flags.term !== undefined ? { term: flags.term } : {}),
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
    });
    await this.print(result.output);
    process.exitCode = result.exitCode;
  }
}
