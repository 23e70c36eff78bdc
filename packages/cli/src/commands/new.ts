import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand, playbookFlag } from '../base-command.js';

export default class New extends BaseCommand {
  static override summary = "Start a new agreement from the playbook's preferred positions.";
  static override description =
    'Writes contracts/<id>.yaml (or --out) with every negotiable term at the preferred position and a product evaluation to complete. Never replaces an existing file unless --force.\nExit codes: 0 written, 2 usage or I/O error.';
  static override examples = [
    '<%= config.bin %> new riverside-badges --vendor "Badgeworks Ltd." --buyer "Riverside Hospital"',
    '<%= config.bin %> new hvac-sensors --vendor "Klimatik GmbH" --out contracts/2027/hvac-sensors.yaml',
  ];
  static override args = { id: Args.string({ description: 'Agreement id: lowercase letters, digits and hyphens', required: true }) };
  static override flags = {
    vendor: Flags.string({ description: "Vendor's legal name", required: true }),
    buyer: Flags.string({ description: "Buyer's legal name" }),
    title: Flags.string({ description: 'Agreement title' }),
    out: Flags.string({ char: 'o', description: 'File to write (default: contracts/<id>.yaml)' }),
    playbook: playbookFlag(),
    force: Flags.boolean({ description: 'Replace an existing file' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(New);
    const { newContract } = await import('../run-new.js');
    const { file } = await newContract(args.id, flags);
    const { terminalText } = await import('@contracts/format/escape');
    process.stderr.write(`${terminalText(`wrote ${file}: complete the product evaluation, then run contracts check ${file}`)}\n`);
  }
}
