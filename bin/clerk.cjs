#!/usr/bin/env node
// `clerk`: the offline Workspace emulator's command line (see README). Built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'build', 'clerk.cjs');
if (!fs.existsSync(built)) {
  console.error('clerk: not built yet. Run `npm run build` (or `npm ci`, which builds) first.');
  process.exit(1);
}
// Apps Script runs the script in the manifest's time zone: so does the emulator.
for (const file of [
  path.join(__dirname, '..', 'dist', 'appsscript.json'),
  path.join(__dirname, '..', 'appsscript.json'),
]) {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (manifest.timeZone) process.env.TZ = manifest.timeZone;
    break;
  } catch {
    /* try the next */
  }
}
// Exit once stdout is drained, so `clerk get … | head` and redirections get every line.
require(built)
  .main(process.argv.slice(2))
  .then(
    code => process.stdout.write('', () => process.exit(code)),
    e => {
      console.error(`clerk: ${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
