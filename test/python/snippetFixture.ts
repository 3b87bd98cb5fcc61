/**
 * A suite from a fixture of snippets and what real PyTorch printed for them: each case runs in one Pyodide
 * session (after the fixture's `prelude`, when it has one) and must print exactly that.
 */
import { strict as assert } from 'node:assert';
import { readFixture } from '../paths';
import { openSession, type PythonSession } from '../../src/runtime/host/runner';

export interface SnippetFixture {
  about: string;
  prelude?: string;
  cases: Record<string, { code: string; stdout: string }>;
}

export function snippetFixtureSuite(title: string, fixtureName: string): void {
  const fixture = JSON.parse(readFixture(fixtureName)) as SnippetFixture;
  describe(title, function () {
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
        const r = await session.run((fixture.prelude ?? '') + code, 'snippet.py');
        assert.equal(r.status, 'ok', r.stderr);
        assert.equal(r.stdout, stdout);
      });
    }
  });
}
