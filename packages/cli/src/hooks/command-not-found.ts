/**
 * `contracts chek …`: a mistyped command gets the one line every other usage error gets (a stable code,
 * exit 2) and the command the user most likely meant, instead of oclif's "command chek:… not found"
 * (which glues the next argument on with its internal separator).
 */
import { didYouMean, UsageError } from '@contracts/core';
import type { Hook } from '@oclif/core/hooks';
import { reportError } from '../output.js';

const hook: Hook<'command_not_found'> = async function commandNotFound({ id, config }) {
  // oclif joins the words it tried with ':'; what the user typed is the first word (which may itself hold a ':').
  const first = process.argv.slice(2).find((a) => !a.startsWith('-'));
  const typed = first !== undefined && id.startsWith(first) ? first : (id.split(':')[0] ?? id);
  const commands = [...config.commandIDs].filter((c) => !c.includes(':')).sort();
  const guess = didYouMean(typed, commands);
  const hint = guess ? `; did you mean contracts ${guess}?` : `; the commands are ${commands.join(', ')}`;
  reportError(new UsageError('usage/unknown-command', `There is no command "${typed}"${hint} (contracts --help)`));
};

export default hook;
