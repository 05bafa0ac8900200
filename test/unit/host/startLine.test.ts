import * as assert from 'node:assert/strict';
import { roundForDomain, startInsertion, startInsertionLine } from '../../../src/host/startLine';

const domain = { x: [-2, 2] as [number, number], y: [-1, 3] as [number, number] };

describe('save start (`@start` line)', () => {
  describe('roundForDomain: a thousandth of the domain width', () => {
    it('width 4 -> 3 decimals, trailing zeros dropped', () => {
      assert.equal(roundForDomain(-1.23456, 4), '-1.235');
      assert.equal(roundForDomain(0.5, 4), '0.5');
      assert.equal(roundForDomain(2, 4), '2');
    });
    it('width 1000 -> whole numbers; width 0.01 -> 5 decimals', () => {
      assert.equal(roundForDomain(123.456, 1000), '123');
      assert.equal(roundForDomain(0.0012345, 0.01), '0.00123');
    });
    it('never writes -0', () => assert.equal(roundForDomain(-0.0001, 4), '0'));
  });

  describe('where the line goes', () => {
    it('after the last @start line', () => {
      assert.equal(startInsertionLine('# t\n@domain x: [0, 1], y: [0, 1]\n@start (0, 0)\n@set a = 1\n@start (1, 1)\nloss = x\n'), 5);
    });
    it('after the last directive when there is no @start', () => {
      assert.equal(startInsertionLine('# t\n@domain x: [0, 1], y: [0, 1]\n@set schedule.t0 = 3\nloss = x\n'), 3);
    });
    it('after the leading comments when there are no directives', () => {
      assert.equal(startInsertionLine('# title\n// more\nloss = x^2\n'), 2);
    });
    it('at the top of a file without comments or directives', () => {
      assert.equal(startInsertionLine('loss = x^2'), 0);
    });
    it('handles CRLF line ends', () => {
      assert.equal(startInsertionLine('@start (0, 0)\r\nloss = x\r\n'), 1);
    });
  });

  it('startInsertion: a whole line before the next one', () => {
    assert.deepEqual(startInsertion('@start (0, 0)\nloss = x\n', 1.00049, -0.5, domain), {
      line: 1,
      character: 0,
      text: '@start (1, -0.5)\n',
    });
  });

  it('startInsertion: after a last line that has no newline', () => {
    assert.deepEqual(startInsertion('loss = x\n@start (0, 0)', 0.25, 0.125, domain), {
      line: 1,
      character: 13,
      text: '\n@start (0.25, 0.125)',
    });
  });
});
