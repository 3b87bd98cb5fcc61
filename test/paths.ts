// Where the suites find the repository's files, wherever a suite lives (beside its module in src/ or webview/src/,
// or under test/): the repository root, test/fixtures/ (reference data made with real PyTorch, NumPy and
// scikit-learn) and test/harness/ (the Python scripts that make and replay it).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const harnessDir = path.join(repoRoot, 'test', 'harness');

/** The path of a file in test/fixtures/. */
export function fixturePath(name: string): string {
  return path.join(fixturesDir, name);
}

/** A file in test/fixtures/, as text. */
export function readFixture(name: string): string {
  return fs.readFileSync(fixturePath(name), 'utf8');
}
