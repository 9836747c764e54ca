// Benchmarks (npm run bench): filled in per issue.
console.log('bench: nothing yet');
