// Validates SARIF logs against the official SARIF 2.1.0 schema (shipped in the npm package
// @microsoft/jest-sarif) plus what GitHub code scanning requires beyond the schema.
// Usage: node validate_sarif.js LOG.sarif...   Exit status 1 if any log is invalid.
'use strict';
const fs = require('node:fs');
const Ajv = require('ajv'); // ajv 6: the SARIF schema is JSON Schema draft-04

const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validateSchema = ajv.compile(schema);

// GitHub's ingestion rules: named driver, rules with id and descriptions, results that name a
// listed rule, carry message text, and point at a repository-relative file and a line.
function codeScanningProblems(log) {
  const problems = [];
  if (log.version !== '2.1.0') problems.push('version is not "2.1.0"');
  if (!Array.isArray(log.runs) || log.runs.length === 0 || log.runs.length > 20) {
    problems.push('runs must hold 1 to 20 runs');
    return problems;
  }
  log.runs.forEach((run, r) => {
    const driver = run.tool && run.tool.driver;
    if (!driver || !driver.name) problems.push(`runs[${r}]: tool.driver.name is missing`);
    const rules = (driver && driver.rules) || [];
    rules.forEach((rule, i) => {
      for (const key of ['shortDescription', 'fullDescription', 'help']) {
        if (!rule[key] || !rule[key].text) problems.push(`rules[${i}] (${rule.id}): ${key}.text is missing`);
      }
    });
    (run.results || []).forEach((result, i) => {
      const where = `runs[${r}].results[${i}]`;
      if (!result.ruleId) problems.push(`${where}: ruleId is missing`);
      else if (rules[result.ruleIndex] === undefined || rules[result.ruleIndex].id !== result.ruleId) {
        problems.push(`${where}: ruleIndex does not point at rule ${result.ruleId}`);
      }
      if (!result.message || typeof result.message.text !== 'string') problems.push(`${where}: message.text is missing`);
      const location = result.locations && result.locations[0] && result.locations[0].physicalLocation;
      const uri = location && location.artifactLocation && location.artifactLocation.uri;
      if (!uri) problems.push(`${where}: no artifactLocation.uri`);
      else if (uri.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(uri)) problems.push(`${where}: uri ${uri} is not repository-relative`);
      if (!location || !location.region || !(location.region.startLine >= 1)) problems.push(`${where}: region.startLine is missing`);
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) {
        problems.push(`${where}: partialFingerprints is missing`);
      }
    });
  });
  return problems;
}

let invalid = 0;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = validateSchema(log) ? [] : validateSchema.errors.map((e) => `schema: ${e.dataPath || '/'} ${e.message}`);
  problems.push(...codeScanningProblems(log));
  if (problems.length > 0) {
    invalid++;
    for (const problem of problems) console.log(`${file}: ${problem}`);
  } else {
    console.log(`${file}: valid SARIF 2.1.0 (${log.runs[0].results.length} results, ${log.runs[0].tool.driver.rules.length} rules)`);
  }
}
process.exit(invalid > 0 ? 1 : 0);
