// Entry point of the extension-host tests: the workbench loads this module (extensionTestsPath) in
// the real extension host and calls run(); the exit code follows the promise. Driven by
// scripts/editor-test.mjs, which opens test-fixtures/editor-tests as the workspace.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.INGRESS_LAB_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = join(__dirname, 'suite');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.cjs')).sort()) mocha.addFile(join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
