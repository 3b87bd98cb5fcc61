/**
 * In-place writes through views of tensors with history (CopySlices on the base, AsStridedBackward0 on the views
 * made before), against what real PyTorch printed for the same snippets (test/fixtures/inplace_views.json, made
 * by test/fixtures/inplace_views.py).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openSession, type PythonSession } from '../../../src/runtime/host/runner';

interface Fixture {
  about: string;
  cases: Record<string, { code: string; stdout: string }>;
}

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'inplace_views.json'), 'utf8')) as Fixture;

describe('in-place writes through views (real PyTorch output)', function () {
  this.timeout(60000);
  let session: PythonSession;
  before(async () => {
    session = await openSession();
  });
  after(async () => {
    await session.close();
  });

  for (const [name, { code, stdout }] of Object.entries(fixture.cases)) {
    it(name, async () => {
      // The generator printed an uncaught exception as "Type: message"; so does this wrapper.
      const wrapped = `try:\n${code.replace(/^/gm, '    ')}\nexcept Exception as e:\n    print(type(e).__name__ + ": " + str(e))\n`;
      const r = await session.run(wrapped, 'snippet.py');
      assert.equal(r.status, 'ok', r.stderr);
      assert.equal(r.stdout, stdout);
    });
  }
});
