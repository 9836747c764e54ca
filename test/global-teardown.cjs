/**
 * Jest's global teardown: stops the run's LibreOffice (test/global-setup.cjs) and waits until
 * its folder is gone. Should jest be interrupted before this runs, the keeper stops it by
 * itself once jest has exited.
 */
const fs = require('node:fs');

module.exports = async function globalTeardown() {
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
};
