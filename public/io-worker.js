// Bootstrap of the I/O worker (a module Web Worker; see src/worker/ and src/ui/io_client.rs).
// The page starts it with one message { boot, js, wasm, lock, v }: the hashed names of the
// worker's wasm-bindgen glue and wasm (from index.html), and the name of a Web Lock. The
// worker holds that lock for its whole life so the page learns at once when it is gone
// (closed, crashed or killed by the browser). After that, every message is
// { text, file, key, key_id } for the wasm's `handle` (key: the unlocked CryptoKey of the
// device lock, when it is on); replies are JSON text (domain::io_protocol).
let glue = null;
const early = [];
// The protocol version the page speaks (domain::io_protocol::PROTOCOL_VERSION), sent at boot.
let version = 0;

function failed(message) {
  // id 0: the page fails every request waiting for this worker.
  self.postMessage(JSON.stringify({ v: version, id: 0, body: { type: 'failed', message } }));
}

async function boot(data) {
  version = Number(data.v) || 0;
  try {
    if (self.navigator.locks && data.lock) {
      self.navigator.locks.request(data.lock, () => new Promise(() => {}));
    }
    const g = await import(new URL(data.js, self.location.href).href);
    await g.default({ module_or_path: new URL(data.wasm, self.location.href) });
    glue = g;
    glue.start();
    for (const m of early.splice(0)) {
      glue.handle(m.text, m.file, m.key, m.key_id);
    }
  } catch (err) {
    failed('ファイルの処理を読み込めませんでした。ネットワークに接続して再読み込みしてください。（' + err + '）');
  }
}

self.onmessage = (event) => {
  const data = event.data || {};
  if (glue) {
    glue.handle(String(data.text), data.file, data.key, data.key_id);
  } else if (data.boot) {
    boot(data);
  } else {
    early.push(data);
  }
};
