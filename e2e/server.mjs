// A static server for the built app (dist/), for the e2e tests, the benchmark and
// `npm start`. Serves the app at the root AND under /nanbyo/ (the sub-path case), with the
// MIME types a real server must send (.wasm → application/wasm).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function startServer({ root, port = 0, host = '127.0.0.1', subPath = '/nanbyo/' } = {}) {
  let base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      res.writeHead(400).end();
      return;
    }
    let p = decodeURIComponent(url.pathname);
    if (subPath && p.startsWith(subPath)) {
      p = '/' + p.slice(subPath.length);
    } else if (subPath && p === subPath.slice(0, -1)) {
      res.writeHead(301, { Location: subPath }).end();
      return;
    }
    if (p.endsWith('/')) p += 'index.html';
    const file = path.resolve(base, '.' + p);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        server,
        url: `http://${host}:${actual}/`,
        subUrl: `http://${host}:${actual}${subPath}`,
        // Serve another build from now on (the update test).
        setRoot: (dir) => { base = path.resolve(dir); },
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

// `node e2e/server.mjs [dist] [port]`: serve until Ctrl+C.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const { url, subUrl } = await startServer({ root, port });
  console.log(`難病の地域診断: ${url}  （サブパス公開の確認用: ${subUrl}）`);
  console.log('止めるには Ctrl+C');
}
