// oclif's "explicit" command strategy: one map, no directory scan or manifest at start-up.
import Check from './check.js';
import Diff from './diff.js';
import History from './history.js';
import Import from './import.js';
import Init from './init.js';
import New from './new.js';
import Pr from './pr.js';
import Redline from './redline.js';
import Render from './render.js';
import Report from './report.js';
import Round from './round.js';
import Rounds from './rounds.js';
import Schema from './schema.js';
import Validate from './validate.js';

export const COMMANDS = {
  check: Check,
  diff: Diff,
  history: History,
  import: Import,
  init: Init,
  new: New,
  pr: Pr,
  redline: Redline,
  render: Render,
  report: Report,
  round: Round,
  rounds: Rounds,
  schema: Schema,
  validate: Validate,
};
