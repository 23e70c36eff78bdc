import * as Args from '@oclif/core/args';
import { BaseCommand, oclifFlags } from '../base-command.js';
import { validateFlagSpecs } from '../flag-specs.js';

export default class Validate extends BaseCommand {
  static override summary = 'Check contract files against the vendor-agreement JSON Schema.';
  static override description =
    'Directories are walked for *.yaml and *.yml. Every problem is reported with file, line, column, the field path and a stable code.\nExit codes: 0 clean, 1 errors found, 2 usage or I/O error (a path with no contract files among them).';
  static override examples = [
    '<%= config.bin %> validate contracts/',
    '<%= config.bin %> validate contracts/springfield-smartcam.yaml --format json',
    '<%= config.bin %> validate --format github contracts/   # annotations in GitHub Actions',
  ];
  static override strict = false;
  static override args = { paths: Args.string({ description: 'Files or directories (default: contracts/)' }) };
  static override flags = oclifFlags(validateFlagSpecs);

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Validate);
    const { validateCommand } = await import('../run-validation.js');
    const { output, exitCode, note } = await validateCommand(argv as string[], flags, this.config.version);
    await this.print(output);
    if (note) process.stderr.write(`${note}\n`);
    process.exitCode = exitCode;
  }
}
