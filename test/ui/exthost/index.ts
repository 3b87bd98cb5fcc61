/**
 * Entry point of the extension-host integration suite: VS Code loads this module (bundled to
 * out/ui-tests/index.js) through extensionTestsPath and awaits run(); a rejection makes the extension host
 * exit with a non-zero code, which the runner (test/ui/runExtHost.mjs, test/ui/testElectron.mjs) reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { log } from './helpers';

export function run(): Promise<void> {
  // The extension host forwards console.log to the workbench without printf-style substitution: format
  // mocha's reporter output first so it reads normally wherever it is relayed (log() also marks it as ours).
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = (...a: unknown[]) => log(util.format(...a));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, slow: 10000, reporter: 'spec' });
  // AGP_UI_GREP (set for code-server by the runner's --grep) runs a subset while iterating locally.
  if (process.env.AGP_UI_GREP) mocha.grep(process.env.AGP_UI_GREP);
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed.`)) : resolve()));
      // One machine-readable line for the runner's summary.
      runner.on('end', () => log(`AGP_UI_STATS ${JSON.stringify(runner.stats ?? {})}`));
    } catch (e) {
      reject(e);
    }
  });
}
