/**
 * glibc malloc settings for every LibreOffice started (emulator/drive/soffice.ts, and the test
 * run's shared one: test/global-soffice.cjs, hence plain CommonJS). With glibc's defaults
 * LibreOffice keeps handing memory back to the kernel and faulting it in again: a start and a
 * one-line PDF took 5.5 CPU-seconds (289,000 page faults), 1.3 with these (42,000), and the demo
 * workbook's recalculation 21 instead of 12, with the same output (LibreOffice 7.4, glibc 2.36).
 * Either setting alone gains nothing.
 */
const SOFFICE_MALLOC = {
  MALLOC_MMAP_THRESHOLD_: String(2 ** 30),
  MALLOC_TRIM_THRESHOLD_: String(2 ** 32 - 1),
};

/** The environment a LibreOffice is started with: `env`'s own values win. */
function sofficeEnv(env) {
  return {...SOFFICE_MALLOC, ...env};
}

module.exports = {sofficeEnv};
