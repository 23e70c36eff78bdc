import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { formatNames } from '@contracts/format/names';
import { BaseCommand, formatFlag, playbookFlag, useColor } from '../base-command.js';

export default class Check extends BaseCommand {
  static override summary = 'Check contracts against the schema, the negotiation playbook and the risk rules.';
  static override description =
    'Every term is rated preferred / fallback / walk-away / missing against the playbook (./playbook.yaml, else the bundled one), and risk rules derived from the product evaluation make terms mandatory. Walk-away positions and unmet rule requirements are errors, fallback and missing terms warnings, preferred positions info (--verbose).\nExit codes: 0 clean, 1 errors found (or too many warnings, or a broken playbook), 2 usage or I/O error.';
  static override examples = [
    '<%= config.bin %> check',
    '<%= config.bin %> check contracts/springfield-smartcam.yaml --verbose',
    '<%= config.bin %> check --changed-since origin/main --format github',
    '<%= config.bin %> check --shard 2/4 --format sarif   # one job of a 4-job CI matrix',
    '<%= config.bin %> check --playbook legal/playbook.yaml --max-warnings 0',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Files or directories (default: contracts/)' }) };
  static override flags = {
    format: formatFlag(formatNames, 'stylish'),
    playbook: playbookFlag(),
    'changed-since': Flags.string({ description: 'Only contracts changed since this git ref (committed, staged or not, untracked)' }),
    shard: Flags.string({ description: 'Check only shard i of n (i/n), split deterministically by file path' }),
    'max-warnings': Flags.integer({ description: 'Exit 1 when there are more warnings than this', min: 0 }),
    verbose: Flags.boolean({ char: 'v', description: 'Also show preferred positions (info)', default: false }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Check);
    const { checkPaths } = await import('../run-check.js');
    const paths = (argv as string[]).length > 0 ? (argv as string[]) : ['contracts'];
    const result = await checkPaths(paths, {
      format: flags.format,
      color: useColor(),
      verbose: flags.verbose,
      ...(flags.playbook !== undefined ? { playbook: flags.playbook } : {}),
      ...(flags['changed-since'] !== undefined ? { changedSince: flags['changed-since'] } : {}),
      ...(flags.shard !== undefined ? { shard: flags.shard } : {}),
    });
    await this.print(result.output);
    const maxWarnings = flags['max-warnings'];
    process.exitCode = result.errors > 0 || (maxWarnings !== undefined && result.warnings > maxWarnings) ? 1 : 0;
  }
}
