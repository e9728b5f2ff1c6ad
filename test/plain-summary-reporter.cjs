/**
 * Ends the test output with the plain line "N passed, N failed" (and skipped, if any), which CI
 * reads whatever the test runner: jest's own summary says "Tests: N passed, N total".
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.stdout.write(`\n${line}\n`);
  }
}

module.exports = PlainSummaryReporter;
