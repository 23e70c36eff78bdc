// oclif's "explicit" command strategy: one map, no directory scan or manifest at start-up.
import Schema from './schema.js';
import Validate from './validate.js';

export const COMMANDS = {
  schema: Schema,
  validate: Validate,
};
