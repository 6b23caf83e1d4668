// `ingress-lab check --format sarif` against the rules GitHub code scanning enforces on upload
// (docs.github.com "SARIF support for code scanning" and the sarif-sdk GH10xx validation rules):
// the required SARIF 2.1.0 properties, every result's rule in tool.driver.rules (schema/yaml-syntax
// too), locations as relative URI references or file:// URIs, 1-based regions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath, repoRoot } from '../helpers/fixtures';

const cli = join(repoRoot(), 'dist/cli/ingress-lab.js');
/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const LEVELS = new Set(['none', 'note', 'warning', 'error']);
/** A relative reference GitHub resolves against the checkout: no scheme, no leading "/" or "./", only URI characters. */
const RELATIVE_URI = /^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!\/)(?!\.\/)[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/;

function checkRegion(where: string, r: Json): void {
  assert.ok(Number.isInteger(r.startLine) && r.startLine >= 1, `${where}: startLine ${r.startLine} must be >= 1`);
  assert.ok(Number.isInteger(r.startColumn) && r.startColumn >= 1, `${where}: startColumn must be >= 1`);
  assert.ok(Number.isInteger(r.endLine) && r.endLine >= r.startLine, `${where}: endLine before startLine`);
  assert.ok(Number.isInteger(r.endColumn) && r.endColumn >= 1, `${where}: endColumn must be >= 1`);
  if (r.endLine === r.startLine) assert.ok(r.endColumn >= r.startColumn, `${where}: endColumn before startColumn`);
}

function checkLocation(where: string, loc: Json): void {
  const uri = loc?.physicalLocation?.artifactLocation?.uri;
  assert.equal(typeof uri, 'string', `${where}: physicalLocation.artifactLocation.uri is required`);
  assert.ok(RELATIVE_URI.test(uri) || uri.startsWith('file:///'), `${where}: "${uri}" is neither a relative URI reference nor a file:// URI`);
  checkRegion(where, loc.physicalLocation.region);
}

/** Throws on the first thing GitHub code scanning would refuse or mis-place. */
function checkGitHubSarif(log: Json): void {
  assert.equal(log.version, '2.1.0');
  assert.ok(Array.isArray(log.runs) && log.runs.length >= 1 && log.runs.length <= 20, 'runs: 1 to 20');
  for (const run of log.runs) {
    const driver = run.tool?.driver;
    assert.ok(typeof driver?.name === 'string' && driver.name.length > 0, 'tool.driver.name is required');
    const rules: Json[] = driver.rules ?? [];
    const ids = rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids must be unique');
    for (const r of rules) {
      assert.ok(typeof r.id === 'string' && r.id.length > 0, 'rule id');
      assert.ok(r.shortDescription?.text && r.shortDescription.text.length <= 1024, `${r.id}: shortDescription.text (1..1024)`);
      assert.ok(!r.helpUri || /^https:\/\//.test(r.helpUri), `${r.id}: helpUri`);
      assert.ok(LEVELS.has(r.defaultConfiguration?.level), `${r.id}: defaultConfiguration.level`);
    }
    assert.ok(Array.isArray(run.results) && run.results.length <= 25000, 'results: an array of at most 25,000');
    for (const [i, res] of run.results.entries()) {
      const where = `results[${i}] (${res.ruleId})`;
      assert.ok(ids.includes(res.ruleId), `${where}: ruleId not in tool.driver.rules`);
      if (res.ruleIndex !== undefined) assert.equal(ids[res.ruleIndex], res.ruleId, `${where}: ruleIndex`);
      assert.ok(LEVELS.has(res.level), `${where}: level`);
      assert.ok(typeof res.message?.text === 'string' && res.message.text.length > 0 && !/\{\d+\}/.test(res.message.text), `${where}: message.text`);
      assert.ok(Array.isArray(res.locations) && res.locations.length >= 1 && res.locations.length <= 1000, `${where}: 1..1000 locations`);
      res.locations.forEach((l: Json, j: number) => checkLocation(`${where}.locations[${j}]`, l));
      const related: Json[] = res.relatedLocations ?? [];
      assert.equal(new Set(related.map((l) => l.id)).size, related.length, `${where}: relatedLocations ids unique`);
      related.forEach((l, j) => {
        assert.ok(Number.isInteger(l.id) && l.id >= 0, `${where}.relatedLocations[${j}].id`);
        checkLocation(`${where}.relatedLocations[${j}]`, l);
      });
      if (res.partialFingerprints !== undefined) {
        assert.ok(Object.values(res.partialFingerprints).every((v) => typeof v === 'string'), `${where}: partialFingerprints`);
      }
    }
  }
}

function sarifOf(cwd: string, ...paths: string[]): { code: number | null; log: Json; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', ...paths], { cwd, encoding: 'utf8' });
  return { code: r.status, log: JSON.parse(r.stdout), stderr: r.stderr };
}

test('SARIF for a workspace with broken YAML, related locations and a folder name with a space passes GitHub\'s checks', () => {
  const root = mkdtempSync(join(tmpdir(), 'ingress-lab-sarif-'));
  try {
    const dir = join(root, 'k8s manifests');
    mkdirSync(dir);
    copyFileSync(fixturePath('rules/conflict/duplicate-route/fail-two-ingresses.yaml'), join(dir, 'dup.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: x\n');
    const { code, log, stderr } = sarifOf(root, 'k8s manifests');
    assert.equal(code, 1, stderr);
    checkGitHubSarif(log);
    const results: Json[] = log.runs[0].results;
    const uris = new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['k8s%20manifests/broken.yaml', 'k8s%20manifests/dup.yaml']);
    assert.ok(results.some((r) => r.ruleId === 'schema/yaml-syntax'), 'the syntax error is a result');
    assert.ok(results.some((r) => r.relatedLocations?.length), 'a conflict carries its other place');
    const first = results.find((r) => r.ruleId === 'schema/yaml-syntax');
    assert.ok(first.locations[0].physicalLocation.region.startLine >= 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('SARIF: a file named by an absolute path is located by its file:// URI; "./x" becomes "x"', () => {
  const file = fixturePath('rules/ingress/path-absolute/fail-relative.yaml');
  const abs = sarifOf(repoRoot(), file);
  checkGitHubSarif(abs.log);
  assert.ok(abs.log.runs[0].results.every((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('file:///')));
  const rel = sarifOf(repoRoot(), './test-fixtures/rules/ingress/path-absolute/fail-relative.yaml');
  checkGitHubSarif(rel.log);
  assert.equal(rel.log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'test-fixtures/rules/ingress/path-absolute/fail-relative.yaml');
});

test('SARIF: a clean workspace is a valid log with no results and every rule listed', () => {
  const { code, log } = sarifOf(repoRoot(), 'test-fixtures/rules/ingress/path-absolute/pass-absolute.yaml');
  checkGitHubSarif(log);
  assert.equal(code, 0);
  assert.deepEqual(log.runs[0].results.filter((r: Json) => r.level === 'error'), []);
  const ids = log.runs[0].tool.driver.rules.map((r: Json) => r.id);
  assert.ok(ids.includes('schema/yaml-syntax') && ids.includes('ingress/path-absolute'));
});
