#!/usr/bin/env node
'use strict';
// The emulator's command line (README.md, "The command line"): the same commands as this
// repository's `clerk`, for any Apps Script project. Run it from the project's folder (the one
// with appsscript.json); CLERK_CODE=a.gs:b.gs names the script files.
const fs = require('node:fs');
const path = require('node:path');

// Apps Script runs the script in the manifest's time zone: so does the emulator. Set before
// anything reads the clock.
for (const file of [
  path.join(process.cwd(), 'dist', 'appsscript.json'),
  path.join(process.cwd(), 'appsscript.json'),
]) {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (manifest.timeZone) process.env.TZ = manifest.timeZone;
    break;
  } catch {
    /* try the next */
  }
}
require('../node.cjs')
  .main(process.argv.slice(2))
  .then(
    code => process.stdout.write('', () => process.exit(code)),
    e => {
      console.error(`clerk: ${e && e.message ? e.message : e}`);
      process.exit(1);
    },
  );
