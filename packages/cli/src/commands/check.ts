import * as Args from '@oclif/core/args';
import { BaseCommand, oclifFlags } from '../base-command.js';
import { checkFlagSpecs } from '../flag-specs.js';

export default class Check extends BaseCommand {
  static override summary = 'Check contracts against the schema, the negotiation playbook and the risk rules.';
  static override description =
    'Every term is rated preferred / fallback / walk-away / missing against the playbook (./playbook.yaml, else the bundled one), and risk rules derived from the product evaluation make terms mandatory. Walk-away positions and unmet rule requirements are errors, fallback and missing terms warnings, preferred positions info (--verbose).\nExit codes: 0 clean, 1 errors found (or too many warnings, or a broken playbook), 2 usage or I/O error (a path with no contract files among them: checking nothing must not pass).';
  static override examples = [
    '<%= config.bin %> check',
    '<%= config.bin %> check contracts/springfield-smartcam.yaml --verbose',
    '<%= config.bin %> check --changed-since origin/main --format github',
    '<%= config.bin %> check --shard 2/4 --format sarif   # one job of a 4-job CI matrix',
    '<%= config.bin %> check --playbook legal/playbook.yaml --max-warnings 0',
    '<%= config.bin %> check contracts/springfield-smartcam.yaml --drafting   # also lint the rendered agreement',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Files or directories (default: contracts/)' }) };
  static override flags = oclifFlags(checkFlagSpecs);

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Check);
    const { checkCommand } = await import('../run-check.js');
    const { output, exitCode, note } = await checkCommand(argv as string[], flags, (chunk) => process.stdout.write(chunk));
    await this.print(output);
    if (note) process.stderr.write(`${note}\n`);
    process.exitCode = exitCode;
  }
}
