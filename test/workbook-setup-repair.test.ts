/**
 * "Set up or repair workbook" on a workbook that is already set up: what a repair with nothing
 * to repair costs (service calls, pinned), and that what an officer broke is still repaired.
 * Assertions read the live model (test/driver.ts).
 *
 * Apps Script references: Spreadsheet.getNamedRanges / NamedRange.getName
 * (developers.google.com/apps-script/reference/spreadsheet/named-range), Range.clearDataValidations
 * and Protection.setWarningOnly (developers.google.com/apps-script/reference/spreadsheet).
 */
import {openWorkbook, type Clerk} from './driver';

let demo: Clerk;
beforeAll(async () => {
  demo = await openWorkbook({demo: true});
});

describe('a repair with nothing to repair', () => {
  test('costs 1,168 service calls on the demo (1,320 before), reading the names and each header row once', () => {
    const step = demo.run('setUpWorkbook');
    expect(step.out).toContain('The workbook was already set up: nothing needed repair.');
    const calls = step.stats.calls;
    // The named ranges are read once for the whole run (one getName per name), though the
    // holidays part and the money part each ask for them (withSharedNames).
    expect(calls['Spreadsheet.getNamedRanges']).toBe(1);
    expect(calls['NamedRange.getName']).toBe(demo.ss.getNamedRanges().length);
    // Each schema tab is found once, by set-up; the money blocks, the prefills and the Problems
    // list take its sheets (set-up's Layout). The one more is the Holiday list's own writer.
    expect(calls['Spreadsheet.getSheetByName']).toBe(25);
    // Header rows: one read per schema tab (24); the money names, the Cash flow and Lots blocks
    // and the prefilled lists take theirs from set-up's Layout. The others: the Problems list
    // (one per register tab, 17, the Lists tab among them), the Settings rows (1, which the
    // setting names reuse), the holidays part (4), the formula columns' rows (4) and the side
    // blocks' own header rows (2, src/workbook/side-block.ts).
    expect(calls['Range.getValues']).toBe(52);
    // Only the four tabs with formula columns ask for their last row (and the two prefills,
    // the Holiday list and the Problems list).
    expect(calls['Sheet.getLastRow']).toBe(8);
    // The whole run, pinned so that a change that adds calls to every repair is noticed. What
    // is left is what a repair must look at or cannot prove right more cheaply than writing:
    // data validation rules built and written per run of columns (about 290: proving a rule
    // intact would take calls per cell), protections checked (about 150), named ranges
    // re-pointed (about 120: checking one costs more calls than re-pointing it), conditional
    // formats (about 80), header styles, notes and frozen rows (about 100).
    expect(step.stats.total).toBe(1168);
  });
});

describe('what an officer broke is repaired', () => {
  test('a removed validation, a cleared header, a protection made blocking, a removed name, frozen rows and header style', () => {
    const ss = demo.ss;
    const members = ss.getSheetByName('Members');
    members.getRange('I5:I40').clearDataValidations(); // Email
    members.getRange('L1').setValue(''); // Term end header cleared
    members.getRange('A1:C1').setFontWeight('normal').setBackground(null);
    members.setFrozenRows(0);
    const meetings = ss.getSheetByName('Meetings');
    const header = meetings
      .getProtections(RANGE)
      .find((p: any) => p.getDescription() === 'Committee Clerk: Meetings headers');
    header.setWarningOnly(false);
    ss.removeNamedRange('Actions_Status');
    ss.getSheetByName('Actions').clearConditionalFormatRules();
    expect(demo.meta('Members', 'I6').validation).toBeUndefined();

    const toast = demo.run('setUpWorkbook').out;
    expect(toast).toContain('put back the headers Members: "" → "Term end"');
    expect(demo.meta('Members', 'I6').validation?.criteria).toBe('TEXT_IS_VALID_EMAIL');
    expect(demo.meta('Members', 'I40').validation?.criteria).toBe('TEXT_IS_VALID_EMAIL');
    expect(demo.value('Members!L1')).toBe('Term end');
    expect(demo.meta('Members', 'B1').font?.weight).toBe('bold');
    expect(demo.meta('Members', 'B1').background).toBe('#e8eaed');
    expect(demo.sheet('Members').frozenRows).toBe(1);
    const prot = demo
      .sheet('Meetings')
      .protections.filter(p => p.description === 'Committee Clerk: Meetings headers');
    expect(prot.map(p => p.warningOnly)).toEqual([true]);
    expect(ss.getRangeByName('Actions_Status')?.getA1Notation()).toBe('G:G');
    expect(demo.sheet('Actions').conditionalFormats).toHaveLength(3);

    // And the next repair finds nothing to do.
    expect(demo.run('setUpWorkbook').out).toContain('nothing needed repair');
  });
});

// SpreadsheetApp.ProtectionType.RANGE, as the emulated service takes it.
const RANGE = 'RANGE';
