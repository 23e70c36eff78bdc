export * from './redline/index.js';
export * from './positions/index.js';
export * from './redline-document/index.js';
export * from './wording/index.js';
