// Loads the app's WebAssembly (no inline script: the Content-Security-Policy forbids it).
// The script tag carries the hashed file names Trunk produced.
const tag = document.querySelector('script[data-wasm]');
const message = document.getElementById('boot-message');

function fail(text) {
  if (message) {
    message.textContent = text;
    message.className = 'boot-error';
  }
}

if (!('indexedDB' in self) || typeof WebAssembly !== 'object') {
  fail('このブラウザでは動きません。Microsoft Edge または Google Chrome の新しい版でお使いください。');
} else {
  try {
    performance.mark('boot-start');
    const glue = await import(new URL(tag.dataset.js, document.baseURI).href);
    await glue.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
    performance.mark('wasm-started');
    // The benchmark (e2e/bench.mjs) calls the exported bench* functions.
    self.nanbyoBench = glue;
  } catch (err) {
    console.error(err);
    fail('アプリを読み込めませんでした。ネットワークに接続して再読み込みしてください。（' + err + '）');
  }
}
