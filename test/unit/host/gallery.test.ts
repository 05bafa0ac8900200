// The examples/ gallery behind "New Loss File": every classic function the
// issue asks for is there, each file compiles cleanly, has @domain and
// @start, and a comment on what it teaches.

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../../src/engine';
import { describeExample, exampleId } from '../../../src/host/gallery';

const folder = join(__dirname, '..', '..', '..', 'examples');
const files = readdirSync(folder).filter((f) => f.endsWith('.loss'));

describe('example gallery', () => {
  it('has the classic test functions', () => {
    const ids = files.map((f) => exampleId(f));
    for (const id of ['rosenbrock', 'himmelblau', 'rastrigin', 'ackley', 'beale', 'booth', 'six-hump-camel', 'saddle', 'ravine', 'kinks']) {
      assert.ok(ids.includes(id), id);
    }
  });

  for (const file of files) {
    describe(file, () => {
      const source = readFileSync(join(folder, file), 'utf8');
      const compiled = compile(source);

      it('compiles without a diagnostic', () => assert.deepEqual(compiled.diagnostics, []));
      it('has @domain and @start', () => {
        assert.ok(compiled.file.domain, 'no @domain');
        assert.ok(compiled.file.starts.length > 0, 'no @start');
      });
      it('has a title and a comment on SGDR', () => {
        const entry = describeExample(exampleId(file)!, source);
        assert.ok(entry.label.length > 3 && entry.label.length < 60, entry.label);
        assert.ok(entry.detail.length > 80, entry.detail);
      });
    });
  }

  describe('describeExample', () => {
    it('title from the first comment line, detail from the comments after it', () => {
      assert.deepEqual(describeExample('bowl', '# A bowl\n# It is round.\n// Really.\n@start (0, 0)\n# not this\nloss = x^2 + y^2\n'), {
        id: 'bowl',
        label: 'A bowl',
        detail: 'It is round. Really.',
      });
    });
    it('falls back to the id when the file has no comment', () => {
      assert.deepEqual(describeExample('bare', 'loss = x'), { id: 'bare', label: 'bare', detail: '' });
    });
    it('takes only .loss file names as ids', () => {
      assert.equal(exampleId('six-hump-camel.loss'), 'six-hump-camel');
      assert.equal(exampleId('README.md'), undefined);
      assert.equal(exampleId('../x.loss'), undefined);
    });
  });
});
