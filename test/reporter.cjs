// Mocha's spec reporter, plus a results file (path in LL_RESULTS_FILE) with
// the counts, so scripts/test.mjs can sum every suite into one closing line
// and tell "no tests ran" from "all passed".
const fs = require('node:fs');
const Mocha = require('mocha');

class ResultsReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.LL_RESULTS_FILE;
      if (!file) return;
      const { passes, failures, pending } = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
    });
  }
}

module.exports = ResultsReporter;
