import { loadYamlFile } from '@contracts/core';
import { renderMarkdown } from '@contracts/render';
const name = process.argv[2];
const c = (await loadYamlFile(`/work/wt/clauses/contracts/${name}.yaml`)).value;
try {
  process.stdout.write(renderMarkdown(c));
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
