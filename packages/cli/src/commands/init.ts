import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { BaseCommand } from '../base-command.js';

export default class Init extends BaseCommand {
  static override summary = 'Set up a repository of vendor agreements: schemas, playbook, VS Code settings, a README, an example and the GitHub workflow.';
  static override description =
    'Files that already exist with the same content are left alone; a different existing file is never replaced unless --force.\nExit codes: 0 done, 2 a file exists or cannot be written.';
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init ../vendor-agreements'];
  static override args = { dir: Args.string({ description: 'Directory (default: the current one)', default: '.' }) };
  static override flags = {
    force: Flags.boolean({ description: 'Replace existing files that differ' }),
    action: Flags.string({
      description: 'The action the workflow uses, e.g. acme/contracts-as-code/.github/actions/contracts@v1 (default: a placeholder to edit)',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Init);
    const { initRepository } = await import('@contracts/scaffold');
    const written = await initRepository(args.dir, { force: flags.force, ...(flags.action ? { action: flags.action } : {}) });
    const { terminalText } = await import('@contracts/format/escape');
    process.stderr.write(
      `${written.map((f) => terminalText(`ready ${f}`)).join('\n')}\nnext: edit playbook.yaml to your positions, ${flags.action ? '' : 'replace OWNER in .github/workflows/contracts.yml, '}open the folder in VS Code (install the recommended YAML extension), and start a contract with contracts new <id> --vendor "<name>"\n`,
    );
  }
}
