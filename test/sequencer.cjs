/**
 * Jest's order (failed first, then slowest first), except that the file that keeps the run's
 * one LibreOffice (test/global-setup.cjs) busy longest goes first, beside files that never
 * convert until they have filled its time on the other worker. In jest's order it started
 * beside the next slowest files, which convert too: their conversions queued behind its
 * recalculation (an agenda PDF waited 12 and 22 s) while a core idled.
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/** Recalculates the whole demo workbook in LibreOffice: about 10 CPU-seconds in one conversion. */
const LONGEST = path.join(__dirname, 'emulator', 'libreoffice-demo.test.ts');
/** Its time, and any other file's, when jest has none cached (a clean clone). */
const LONGEST_MS = 20000;
const TYPICAL_MS = 2000;

/**
 * Whether a file may convert: it speaks of LibreOffice, or of what makes a PDF (an agenda pack
 * gathers its papers as PDFs; publishing makes them). Wider than it need be, which only leaves
 * a file out of the cover.
 */
const converts = file =>
  /soffice|libreoffice|pdf|pack|publish/i.test(fs.readFileSync(file, 'utf8'));

class LibreOfficeSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const longest = sorted.find(t => t.path === LONGEST);
    if (!longest) return sorted;
    const cover = [];
    let ms = 0;
    for (const t of sorted) {
      if (ms >= (longest.duration ?? LONGEST_MS)) break;
      if (t === longest || converts(t.path)) continue;
      cover.push(t);
      ms += t.duration ?? TYPICAL_MS;
    }
    return [longest, ...cover, ...sorted.filter(t => t !== longest && !cover.includes(t))];
  }
}

module.exports = LibreOfficeSequencer;
