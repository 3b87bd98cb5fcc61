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

/** Each float32 hex value (float.hex of a float32) cut to 4 hex digits (16 bits) of fraction. */
function coarse(text: string): string {
  return text.replace(/(0x1\.[0-9a-f]{4})[0-9a-f]{9}(p[-+]\d+)/g, '$1$2');
}

/**
 * `knownDifferences`: cases, each with the reason, whose float32 values still differ from PyTorch's in the last
 * bits: compared with each value cut to 16 bits of fraction (everything else in them exactly), so a larger
 * error still fails.
 */
/** A describe block whose tests share one Pyodide session (`session()`), opened before them and closed after. */
export function sessionSuite(title: string, body: (session: () => PythonSession) => void): void {
  describe(title, function () {
    this.timeout(60000);
    let session: PythonSession;
    before(async () => {
      session = await openSession();
    });
    after(async () => {
      await session.close();
    });
    body(() => session);
  });
}

export function snippetFixtureSuite(title: string, fixtureName: string, knownDifferences: Record<string, string> = {}): void {
  const fixture = JSON.parse(readFixture(fixtureName)) as SnippetFixture;
  sessionSuite(title, (session) => {
    for (const [name, { code, stdout }] of Object.entries(fixture.cases)) {
      const known = knownDifferences[name];
      it(known ? `${name} (known last-bit differences)` : name, async () => {
        const r = await session().run((fixture.prelude ?? '') + code, 'snippet.py');
        assert.equal(r.status, 'ok', r.stderr);
        if (known) assert.equal(coarse(r.stdout), coarse(stdout), known);
        else assert.equal(r.stdout, stdout);
      });
    }
  });
}
