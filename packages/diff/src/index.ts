export * from './redline/index.js';
