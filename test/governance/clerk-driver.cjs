// Runs `clerk` commands sent as JSON lines on stdin, in one Node process started with
// TZ=Europe/London (as bin/clerk.cjs runs), so the tests pay for loading the emulator once.
const path = require('node:path');
const {main} = require(path.join(__dirname, '..', '..', 'build', 'clerk.cjs'));
const readline = require('node:readline');

let queue = Promise.resolve();
readline.createInterface({input: process.stdin}).on('line', line => {
  const {id, argv} = JSON.parse(line);
  queue = queue.then(async () => {
    const out = [];
    const err = [];
    let status;
    try {
      status = await main(argv, {out: l => out.push(l), err: l => err.push(l)});
    } catch (e) {
      status = 1;
      err.push(`clerk: ${e && e.message ? e.message : e}`);
    }
    process.stdout.write(
      `${JSON.stringify({id, status, stdout: out.join('\n'), stderr: err.join('\n')})}\n`,
    );
  });
});
