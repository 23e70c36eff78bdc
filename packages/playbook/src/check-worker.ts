// Worker entry for checkFilesParallel: compiles the playbook once in this thread, checks its share.
import { parentPort, workerData } from 'node:worker_threads';
import { isContractsError } from '@contracts/core';
import { checkFiles } from './check-files.js';
import { loadPlaybook } from './load-playbook.js';

const { files, playbookPath, info } = workerData as { files: string[]; playbookPath: string; info: boolean };
const { playbook } = await loadPlaybook(playbookPath);
if (!playbook) throw new Error(`playbook ${playbookPath} became invalid while checking`);
try {
  parentPort!.postMessage({ results: await checkFiles(files, playbook, { info }) });
} catch (error) {
  // Error classes do not survive postMessage: send the code so the main thread can rebuild it (exit 2).
  if (isContractsError(error)) parentPort!.postMessage({ error: { code: error.code, message: error.message } });
  else throw error;
}
