// Drives `gtmlint lsp` through a whole editor session with a real JSON-RPC client
// (vscode-jsonrpc, as VS Code uses): initialize, diagnostics, hover, definition, references,
// rename, completion, formatting, code actions, incremental edits that fix and break things
// across files, cancellation, error replies, shutdown and exit.
// Usage: node lsp_client.js GTMLINT
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const P = require('vscode-languageserver-protocol/node');

const gtmlint = path.resolve(process.argv[2]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gtmlint-lsp-'));
const files = {
  'gtmlint.gtm': 'settings { rules { field-ghost = off } }\n',
  'people.gtm': 'person dana { name = "Dana"  team = revops }\nperson raj { name = "Raj"  left = 2026-08-31 }\nteam revops { lead = dana }\n',
  'org/teams.gtm': 'team ops { lead = dana }\n',
  'routing.gtm': [
    '# Zoë’s routing',
    'system salesforce { kind = crm  owner = dana }',
    'field salesforce.lead.country { type = picklist("US", "CA")  owner = dana  description = "Country." }',
    'queue triage { system = salesforce  owner = dana }',
    'routing inbound {',
    '  object = salesforce.lead',
    '  owner = dnaa',
    '  rule us { when = country == "US"  assign = round_robin(dana, raj) }',
    '  fallback = triage',
    '}',
    '',
  ].join('\n'),
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}
const uri = (name) => pathToFileURL(path.join(dir, name)).href;

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures++;
}

const child = spawn(gtmlint, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, GTMLINT_TODAY: '2026-11-01' } });
const connection = P.createProtocolConnection(new P.StreamMessageReader(child.stdout), new P.StreamMessageWriter(child.stdin));
const published = new Map();
const waiters = [];
connection.onNotification(P.PublishDiagnosticsNotification.type, (params) => {
  published.set(params.uri, params.diagnostics);
  for (const w of waiters.splice(0)) w(params);
});
function nextPublish(forUri, timeout = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${forUri}`)), timeout);
    const wait = (params) => {
      if (params.uri === forUri) { clearTimeout(timer); resolve(params.diagnostics); } else waiters.push(wait);
    };
    waiters.push(wait);
  });
}
connection.listen();

async function main() {
  const routingPublished = nextPublish(uri('routing.gtm'));
  const init = await connection.sendRequest(P.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, workspaceFolders: null,
  });
  check(init.capabilities.hoverProvider && init.capabilities.renameProvider.prepareProvider, 'initialize announces capabilities');
  check(init.capabilities.textDocumentSync.change === 2, 'incremental sync');
  await connection.sendNotification(P.InitializedNotification.type, {});

  // Diagnostics for files on disk arrive without opening them.
  let diags = await routingPublished;
  const typo = diags.find((d) => d.code === 'unresolved-reference');
  check(typo && typo.message.startsWith('no person or team named `dnaa`; did you mean `dana`?'), 'unresolved reference published');
  // Line 7 (0-based 6), `  owner = dnaa`: the typo is at UTF-16 character 10 even though line 1 has non-ASCII text.
  check(typo && typo.range.start.line === 6 && typo.range.start.character === 10 && typo.range.end.character === 14, 'range in UTF-16 units');
  const departed = diags.find((d) => d.code === 'owner-departed');
  check(departed && departed.relatedInformation && departed.relatedInformation[0].location.uri === uri('people.gtm'), 'notes become relatedInformation in the other file');

  const text = files['routing.gtm'];
  await connection.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('routing.gtm'), languageId: 'gtm', version: 1, text } });

  const hoverAttr = await connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 5, character: 3 } });
  check(hoverAttr && hoverAttr.contents.value.includes('**object**') && hoverAttr.contents.value.includes('bare names in rules'), 'hover on an attribute shows its doc');
  const hoverRaj = await connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 7, character: 66 } });
  check(hoverRaj && hoverRaj.contents.value.includes('**person** `raj`') && hoverRaj.contents.value.includes('Left on 2026-08-31'), 'hover on a departed person says so');

  const def = await connection.sendRequest(P.DefinitionRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 7, character: 60 } });
  check(def && def.uri === uri('people.gtm') && def.range.start.line === 0 && def.range.start.character === 7, 'definition of `dana` is in people.gtm');

  const refs = await connection.sendRequest(P.ReferencesRequest.type, { textDocument: { uri: uri('people.gtm') }, position: { line: 0, character: 8 }, context: { includeDeclaration: true } });
  const refFiles = new Set(refs.map((r) => path.basename(new URL(r.uri).pathname)));
  check(refs.length === 7 && refFiles.has('teams.gtm') && refFiles.has('people.gtm') && refFiles.has('routing.gtm'), `references of dana across files (${refs.length})`);

  const renamed = await connection.sendRequest(P.RenameRequest.type, { textDocument: { uri: uri('people.gtm') }, position: { line: 0, character: 8 }, newName: 'dana_w' });
  const editCount = Object.values(renamed.changes).reduce((n, edits) => n + edits.length, 0);
  check(editCount === 7 && Object.keys(renamed.changes).length === 3, 'rename edits every use in all three files');
  let refused = null;
  try { await connection.sendRequest(P.RenameRequest.type, { textDocument: { uri: uri('people.gtm') }, position: { line: 0, character: 8 }, newName: 'raj' }); } catch (e) { refused = e; }
  check(refused && refused.message.includes('already the name of person `raj`'), 'rename to a name in use is refused');

  const member = await connection.sendRequest(P.CompletionRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 8, character: 2 } });
  const fallbackItem = member.items.find((i) => i.label === 'fallback');
  check(fallbackItem && fallbackItem.documentation && member.items.some((i) => i.label === 'rule'), 'completion of attribute names (with docs) and nested blocks');
  const value = await connection.sendRequest(P.CompletionRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 6, character: 10 } });
  check(value.items.some((i) => i.label === 'dana') && value.items.some((i) => i.label === 'revops') && !value.items.some((i) => i.label === 'salesforce'), 'completion of references of the right kind');
  const pick = await connection.sendRequest(P.CompletionRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 7, character: 31 } });
  check(pick.items.some((i) => i.label === '"CA"'), 'completion of picklist values in a condition');

  const actions = await connection.sendRequest(P.CodeActionRequest.type, { textDocument: { uri: uri('routing.gtm') }, range: typo.range, context: { diagnostics: [typo] } });
  const fix = actions.find((a) => a.title === 'replace with `dana`');
  check(fix && fix.isPreferred, 'code action fixes the typo');
  check(!actions.some((a) => a.title.startsWith('Waive')), 'a compiler error (unresolved-reference) is fixed, not waived');
  const departedActions = await connection.sendRequest(P.CodeActionRequest.type, { textDocument: { uri: uri('routing.gtm') }, range: departed.range, context: { diagnostics: [departed] } });
  const waive = departedActions.find((a) => a.title === 'Waive `owner-departed` here for 30 days');
  check(waive && JSON.stringify(waive.edit).includes('until = 2026-12-01'), 'code action adds a waiver for 30 days');

  // The kind keyword's documentation, with its attributes.
  const hoverKind = await connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 4, character: 3 } });
  check(hoverKind && hoverKind.contents.value.startsWith('**routing**\n\nFirst-match') && hoverKind.contents.value.includes('`object` (required)'), 'hover on a kind keyword shows its documentation');
  // "Declared in" names the file relative to the workspace.
  const hoverOps = await connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: uri('org/teams.gtm') }, position: { line: 0, character: 6 } });
  check(hoverOps && hoverOps.contents.value.includes('Declared in org/teams.gtm:1'), `declared in, relative to the workspace (${hoverOps && hoverOps.contents.value})`);
  // People who have left are offered last, marked deprecated.
  const rajItem = value.items.find((i) => i.label === 'raj');
  const danaItem = value.items.find((i) => i.label === 'dana');
  check(rajItem && rajItem.tags && rajItem.tags.includes(1) && rajItem.detail.includes('left on 2026-08-31') && rajItem.sortText > danaItem.sortText, 'completion marks a departed person and sorts them last');
  // Semantic tokens: the kind keyword, references by kind, the departed person deprecated.
  const legend = init.capabilities.semanticTokensProvider.legend;
  const tokens = await connection.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri: uri('routing.gtm') } });
  const decoded = [];
  for (let i = 0, line = 0, character = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i];
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
    const modifiers = legend.tokenModifiers.filter((m, bit) => tokens.data[i + 4] & (1 << bit));
    decoded.push({ line, character, length: tokens.data[i + 2], type: legend.tokenTypes[tokens.data[i + 3]], modifiers });
  }
  const at = (line, character) => decoded.find((t) => t.line === line && t.character === character);
  check(at(4, 0) && at(4, 0).type === 'keyword', 'semantic token: the kind keyword');
  check(at(3, 24) && at(3, 24).type === 'namespace', 'semantic token: a system reference');
  const rajToken = at(7, 63);
  check(rajToken && rajToken.type === 'variable' && rajToken.modifiers.includes('deprecated'), `semantic token: a departed person is deprecated (${JSON.stringify(rajToken)})`);
  // Renaming a field: its declaration and the bare name in the rule, not the routing's object.
  const renamedField = await connection.sendRequest(P.RenameRequest.type, { textDocument: { uri: uri('routing.gtm') }, position: { line: 7, character: 20 }, newName: 'region' });
  const fieldEdits = renamedField.changes[uri('routing.gtm')];
  check(fieldEdits.length === 2 && fieldEdits.some((e) => e.newText === 'salesforce.lead.region') && fieldEdits.some((e) => e.newText === 'region' && e.range.start.line === 7), 'rename a field: its path and its bare uses');

  // Fix the typo with an incremental edit: the error clears.
  const fixed = nextPublish(uri('routing.gtm'));
  await connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri('routing.gtm'), version: 2 },
    contentChanges: [{ range: typo.range, text: 'dana' }],
  });
  diags = await fixed;
  check(!diags.some((d) => d.code === 'unresolved-reference'), 'an incremental edit that fixes the error clears it');

  // Renaming a person in one file updates the diagnostics of the file that uses it.
  await connection.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('people.gtm'), languageId: 'gtm', version: 1, text: files['people.gtm'] } });
  const broken = nextPublish(uri('routing.gtm'));
  await connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri('people.gtm'), version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: 'dina' }],
  });
  diags = await broken;
  check(diags.filter((d) => d.code === 'unresolved-reference').length >= 3, 'a rename in people.gtm is seen in routing.gtm');
  const restored = nextPublish(uri('routing.gtm'));
  await connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
    textDocument: { uri: uri('people.gtm'), version: 3 }, contentChanges: [{ text: files['people.gtm'] }],
  });
  diags = await restored;
  check(!diags.some((d) => d.code === 'unresolved-reference'), 'a full-text change restores it');

  await connection.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('messy.gtm'), languageId: 'gtm', version: 1, text: 'team sales {lead=dana   channel="#sales"}\n' } });
  const formatted = await connection.sendRequest(P.DocumentFormattingRequest.type, { textDocument: { uri: uri('messy.gtm') }, options: { tabSize: 2, insertSpaces: true } });
  check(Array.isArray(formatted) && formatted.length === 1 && formatted[0].newText === 'team sales { lead = dana  channel = "#sales" }\n', 'formatting returns the canonical text');

  // A policy's missing attribute as a skeleton, and a rule's explanation on a waiver.
  const extraText = 'system hubspot { kind = map }\nworkaround w {\n  owner = dana\n  review_by = 2027-01-01\n  waiver owner-required { until = 2027-01-01  reason = "y" }\n}\n';
  const extraPublished = nextPublish(uri('extra.gtm'));
  await connection.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('extra.gtm'), languageId: 'gtm', version: 1, text: extraText } });
  const extraDiags = await extraPublished;
  const noOwner = extraDiags.find((d) => d.code === 'owner-required');
  check(noOwner && noOwner.range.start.line === 0, 'a new file gets its own diagnostics');
  const skeleton = await connection.sendRequest(P.CodeActionRequest.type, { textDocument: { uri: uri('extra.gtm') }, range: noOwner.range, context: { diagnostics: [noOwner] } });
  const addOwner = skeleton.find((a) => a.title === 'Add `owner`');
  check(addOwner && JSON.stringify(addOwner.edit).includes('owner = dana'), 'code action adds the attribute a policy requires');
  const ruleHover = await connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: uri('extra.gtm') }, position: { line: 4, character: 12 } });
  check(ruleHover && ruleHover.contents.value.includes('**owner-required**') && ruleHover.contents.value.includes('Configuration nobody owns'), "hover on a waiver's rule id shows its explanation");

  const symbols = await connection.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri: uri('routing.gtm') } });
  const routing = symbols.find((s) => s.name === 'inbound');
  check(routing && routing.children.some((c) => c.name === 'us'), 'document symbols with nested rules');
  const found = await connection.sendRequest(P.WorkspaceSymbolRequest.type, { query: 'sales' });
  check(found.some((s) => s.name === 'salesforce') && found.some((s) => s.name === 'salesforce.lead.country'), 'workspace symbols');

  let unknown = null;
  try { await connection.sendRequest('gtmlint/unknown', {}); } catch (e) { unknown = e; }
  check(unknown && unknown.code === -32601, 'unknown methods get MethodNotFound');

  // Re-check time after a one-character edit, from didChange to publishDiagnostics.
  const times = [];
  for (let i = 0; i < 5; i++) {
    const edit = nextPublish(uri('routing.gtm'));
    const started = process.hrtime.bigint();
    await connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uri('routing.gtm'), version: 10 + i },
      contentChanges: [{ range: { start: { line: 6, character: 10 }, end: { line: 6, character: 11 } }, text: i % 2 ? 'd' : 'x' }],
    });
    await edit;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`re-check after a one-character edit: median ${times[2].toFixed(1)} ms (includes the 10 ms debounce)`);

  await connection.sendRequest(P.ShutdownRequest.type);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await connection.sendNotification(P.ExitNotification.type);
  const code = await exited;
  check(code === 0, 'exit after shutdown ends with status 0');
  connection.dispose();
}

// Malformed input is answered, never a crash.
async function malformed() {
  const raw = spawn(gtmlint, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  raw.stdout.on('data', (chunk) => { out += chunk; });
  const send = (body) => raw.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  send('{not json');
  send('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"rootUri":null}}');
  send('{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"nonsense":true}}');
  raw.stdin.write('Garbage-Header: 1\r\n\r\n');
  send('{"jsonrpc":"2.0","id":3,"method":"shutdown"}');
  send('{"jsonrpc":"2.0","method":"exit"}');
  const code = await new Promise((resolve) => raw.on('exit', resolve));
  check(out.includes('"code":-32700'), 'malformed JSON gets ParseError');
  check(out.includes('"id":2') && out.includes('"code":-32602'), 'invalid params get InvalidParams');
  check(code === 0, 'the server survives and exits cleanly');
}

main().then(malformed).then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(failures === 0 ? 'lsp: all checks passed' : `lsp: ${failures} checks failed`);
  process.exit(failures === 0 ? 0 : 1);
}).catch((e) => { console.error(e); process.exit(1); });
