// Trunk post-build hook (Trunk.toml [[hooks]]): Trunk names a worker's files after its binary
// (nanbyo-io.js, nanbyo-io_bg.wasm) without a content hash. This gives them one, as Trunk does
// for the page's files, and writes the names into index.html's <meta name="nanbyo-io">, so a
// new build never mixes with a cached old worker and the service worker precaches the right
// files (it reads every data-js / data-wasm / data-boot name in index.html).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('hash-worker: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
const js = path.join(dir, 'nanbyo-io.js');
const wasm = path.join(dir, 'nanbyo-io_bg.wasm');
if (!fs.existsSync(js) || !fs.existsSync(wasm)) {
  console.error('hash-worker: the worker was not built (nanbyo-io.js / nanbyo-io_bg.wasm missing)');
  process.exit(1);
}
const hash = crypto.createHash('sha256');
hash.update(fs.readFileSync(js));
hash.update(fs.readFileSync(wasm));
hash.update(fs.readFileSync(path.join(dir, 'io-worker.js')));
const h = hash.digest('hex').slice(0, 16);
const jsName = `nanbyo-io-${h}.js`;
const wasmName = `nanbyo-io-${h}_bg.wasm`;
fs.renameSync(js, path.join(dir, jsName));
fs.renameSync(wasm, path.join(dir, wasmName));
const index = path.join(dir, 'index.html');
const html = fs.readFileSync(index, 'utf8');
const tag = /<meta name="nanbyo-io"[^>]*>/;
if (!tag.test(html)) {
  console.error('hash-worker: index.html has no <meta name="nanbyo-io">');
  process.exit(1);
}
fs.writeFileSync(
  index,
  html.replace(tag, `<meta name="nanbyo-io" content="io" data-boot="io-worker.js" data-js="${jsName}" data-wasm="${wasmName}">`),
);
console.log(`hash-worker: ${jsName}, ${wasmName}`);
