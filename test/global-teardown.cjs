/**
 * Jest's global teardown: stops the run's LibreOffice (test/global-setup.cjs), waits until its
 * folder is gone, and removes the run's temporary folder. Should jest be interrupted before this
 * runs, the keeper stops LibreOffice by itself once jest has exited.
 */
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  await stopSoffice();
  // The run's temporary folder (test/global-setup.cjs), everything the tests left in it.
  const tmp = globalThis.__clerkTmp;
  if (!tmp) return;
  if (tmp.previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmp.previous;
  fs.rmSync(tmp.dir, {recursive: true, force: true});
};

async function stopSoffice() {
  const shared = globalThis.__clerkSoffice;
  if (!shared) return;
  delete process.env.CLERK_SOFFICE_PROFILE;
  try {
    process.kill(shared.pid, 'SIGTERM');
  } catch {
    return; // the keeper has gone already
  }
  const end = Date.now() + 10000;
  while (fs.existsSync(shared.dir) && Date.now() < end)
    await new Promise(resolve => setTimeout(resolve, 50));
}
