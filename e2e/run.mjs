// Runs the end-to-end tests against the release build in dist/ (build it first:
// `trunk build --release`, or just `npm test`). `node e2e/run.mjs <name filter>`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { runTests } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ がありません。先に trunk build --release を実行してください。');
  process.exit(2);
}
for (const f of fs.readdirSync(path.join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort()) {
  await import(path.join(here, 'tests', f));
}
const server = await startServer({ root: dist });
const failed = await runTests({ server, dist }, process.argv[2]);
await server.close();
process.exit(failed ? 1 : 0);
