import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, formatFlag, useColor } from '../base-command.js';
import { formatNames } from '@contracts/format/names';

export default class Validate extends BaseCommand {
  static override summary = 'Check contract files against the vendor-agreement JSON Schema.';
  static override description =
    'Directories are walked for *.yaml and *.yml. Every problem is reported with file, line, column, the field path and a stable code.\nExit codes: 0 clean, 1 errors found, 2 usage or I/O error.';
  static override examples = [
    '<%= config.bin %> validate contracts/',
    '<%= config.bin %> validate contracts/springfield-smartcam.yaml --format json',
    '<%= config.bin %> validate --format github contracts/   # annotations in GitHub Actions',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Files or directories (default: contracts/)' }) };
  static override flags = {
    format: formatFlag(formatNames, 'stylish'),
    'max-warnings': Flags.integer({ description: 'Exit 1 when there are more warnings than this', min: 0 }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Validate);
    const { validatePaths } = await import('../run-validation.js');
    const result = await validatePaths((argv as string[]).length > 0 ? (argv as string[]) : ['contracts'], { format: flags.format, color: useColor(), toolVersion: this.config.version });
    await this.print(result.output);
    process.exitCode = result.errors > 0 || (flags['max-warnings'] !== undefined && result.warnings > flags['max-warnings']) ? 1 : 0;
  }
}
