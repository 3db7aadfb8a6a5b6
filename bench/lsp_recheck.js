// Measures, through the language server, the time from a one-character didChange to the
// publishDiagnostics that follows it (median of 9 edits), on a workspace directory and one of
// its files. Uses the Node packages of tests/integration (run its npm install first).
// Usage: node bench/lsp_recheck.js GTMLINT DIR FILE
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const P = require(require.resolve('vscode-languageserver-protocol/node', { paths: [path.join(__dirname, '../tests/integration')] }));

async function main() {
  const [gtmlint, dir, file] = process.argv.slice(2).map((p) => path.resolve(p));
  const child = spawn(gtmlint, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = P.createProtocolConnection(new P.StreamMessageReader(child.stdout), new P.StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  let waiting = null;
  connection.onNotification(P.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri && waiting) { const w = waiting; waiting = null; w(); }
  });
  connection.listen();
  await connection.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null });
  await connection.sendNotification(P.InitializedNotification.type, {});
  const text = fs.readFileSync(file, 'utf8');
  await connection.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'gtm', version: 1, text } });
  // Each edit toggles a character inside a comment added on line 1, so every edit changes the text
  // but the diagnostics' positions stay put; a trailing marker makes each publish differ.
  const times = [];
  for (let i = 0; i < 9; i++) {
    const published = new Promise((resolve) => { waiting = resolve; });
    const started = process.hrtime.bigint();
    await connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 + i },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: i === 0 ? 0 : 1 } }, text: i % 2 ? 'x' : 'y' }],
    });
    await published;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${path.basename(dir)}: re-check after a one-character edit, didChange to publishDiagnostics: median ${times[4].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[8].toFixed(1)}; 3 ms of it is the debounce)`);
  await connection.sendRequest(P.ShutdownRequest.type);
  await connection.sendNotification(P.ExitNotification.type);
  connection.dispose();
}
main().catch((e) => { console.error(e); process.exit(1); });
