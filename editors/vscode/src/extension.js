// The VS Code client: starts `gtmlint lsp` for .gtm files and lets vscode-languageclient do the
// rest (diagnostics, hover, navigation, rename, completion, formatting, quick fixes).
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('gtmlint').get('path', 'gtmlint');
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('gtmlint', 'gtmlint', { run: server, debug: server }, {
    documentSelector: [{ scheme: 'file', language: 'gtm' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.gtm') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
