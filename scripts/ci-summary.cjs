// Sums vitest JSON reports into one line: "N passed, N failed". A file that failed to load
// (no assertion failed but the suite did) counts as a failure; a missing report counts as one too.
const fs = require('node:fs')
let passed = 0
let failed = 0
let skipped = 0
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`${file}: no report`)
    failed += 1
    continue
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'))
  const crashed = r.testResults.filter(
    (t) => t.status === 'failed' && !t.assertionResults.some((a) => a.status === 'failed'),
  ).length
  passed += r.numPassedTests
  failed += r.numFailedTests + crashed
  skipped += r.numPendingTests + r.numTodoTests
  console.log(
    `${file}: ${r.numPassedTests} passed, ${r.numFailedTests + crashed} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  )
}
if (process.argv.length <= 2) failed += 1
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
