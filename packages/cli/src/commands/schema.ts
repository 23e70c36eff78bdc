import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Schema extends BaseCommand {
  static override summary = 'Print or write the JSON Schema of vendor agreements (or of the playbook).';
  static override examples = [
    '<%= config.bin %> schema > vendor-agreement.schema.json',
    '<%= config.bin %> schema --out schemas/vendor-agreement.schema.json',
    '<%= config.bin %> schema playbook',
  ];
  static override args = { name: Args.string({ description: 'Which schema', options: ['vendor-agreement', 'playbook'], default: 'vendor-agreement' }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: 'Write to this file instead of stdout' }),
    force: Flags.boolean({ description: 'Overwrite --out if it exists and differs' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Schema);
    const { readSchemaText } = await import('@contracts/core');
    const text = readSchemaText(args.name);
    if (flags.out) {
      const { writeFileAtomic } = await import('@contracts/core/write');
      await writeFileAtomic(flags.out, text, { force: flags.force });
      const { terminalText } = await import('@contracts/format/escape');
      process.stderr.write(`${terminalText(`wrote ${flags.out}`)}\n`);
    } else await this.print(text);
  }
}
