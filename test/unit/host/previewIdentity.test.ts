import * as assert from 'node:assert/strict';
import { documentForRevivedPanel, documentName, previewTitle } from '../../../src/host/previewIdentity';

describe('preview identity across a reload', () => {
  it('names a document by its decoded last path segment', () => {
    assert.equal(documentName('file:///home/u/my%20valley.loss'), 'my valley.loss');
    assert.equal(documentName('untitled:Untitled-1'), 'Untitled-1');
    assert.equal(documentName('vscode-remote://host:8080/w/a.loss?x=1#f'), 'a.loss');
    assert.equal(previewTitle('file:///w/rosenbrock.loss'), 'Preview rosenbrock.loss');
  });

  it('matches a revived panel to a recorded document with its title that no preview has taken', () => {
    const recorded = ['file:///a/f.loss', 'file:///b/f.loss', 'file:///a/g.loss'];
    assert.equal(documentForRevivedPanel('Preview g.loss', recorded, new Set()), 'file:///a/g.loss');
    assert.equal(documentForRevivedPanel('Preview f.loss', recorded, new Set()), 'file:///a/f.loss');
    assert.equal(documentForRevivedPanel('Preview f.loss', recorded, new Set(['file:///a/f.loss'])), 'file:///b/f.loss');
    assert.equal(documentForRevivedPanel('Preview h.loss', recorded, new Set()), undefined);
  });
});
