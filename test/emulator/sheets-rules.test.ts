/**
 * Data validation, a person typing (userEdit), conditional format rules, protections, charts.
 * Sources: developers.google.com/apps-script/reference/spreadsheet/data-validation-builder,
 * .../data-validation (getCriteriaType, getCriteriaValues, getHelpText, getAllowInvalid),
 * .../conditional-format-rule-builder, .../protection, .../embedded-chart-builder,
 * developers.google.com/apps-script/guides/triggers/events (onEdit: value and oldValue only for
 * a single cell), developers.google.com/apps-script/guides/triggers ("calling Range.setValue()
 * to edit a cell does not cause the spreadsheet's onEdit trigger to run": scripts may write
 * values a rule would refuse; only typing is checked), support.google.com/docs/answer/186103
 * (data validation: "Reject input" shows a warning and keeps the cell unchanged).
 */
import {newContext} from '../../emulator/context';
import {
  createChartsService,
  createSpreadsheetApp,
  EditRejected,
  newWorkbookModel,
  userEdit,
} from '../../emulator/sheets';

function setup() {
  const ctx = newContext();
  const model = newWorkbookModel('Committee');
  const app: any = createSpreadsheetApp(ctx, model, {});
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Members');
  return {ctx, model, app, ss, sheet};
}

describe('data validation builder', () => {
  test('list rule: criteria, values, help text, allowInvalid, copy', () => {
    const {app, sheet} = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Chair', 'Member'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick a role')
      .build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Chair', 'Member'], true]);
    expect(rule.getHelpText()).toBe('Pick a role');
    expect(rule.getAllowInvalid()).toBe(false);
    sheet.getRange('C2:C10').setDataValidation(rule);
    const read = sheet.getRange('C5').getDataValidation();
    expect(read.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(read.copy().setAllowInvalid(true).build().getAllowInvalid()).toBe(true);
    expect(sheet.getRange('D5').getDataValidation()).toBeNull();
    sheet.getRange('C2:C3').clearDataValidations();
    expect(
      sheet
        .getRange('C2:C4')
        .getDataValidations()
        .map((r: any[]) => r[0] && r[0].getCriteriaType()),
    ).toEqual([null, null, 'VALUE_IN_LIST']);
  });

  test('range, date and number rules keep their typed values', () => {
    const {app, ss, sheet} = setup();
    const lists = ss.insertSheet('Lists');
    const inRange = app.newDataValidation().requireValueInRange(lists.getRange('A1:A5')).build();
    const [r, dropdown] = inRange.getCriteriaValues();
    expect(r.getA1Notation()).toBe('A1:A5');
    expect(r.getSheet().getName()).toBe('Lists');
    expect(dropdown).toBe(true);
    const after = app
      .newDataValidation()
      .requireDateAfter(new Date('2026-01-01T00:00:00Z'))
      .build();
    expect(after.getCriteriaValues()[0]).toBeInstanceOf(Date);
    const between = app.newDataValidation().requireNumberBetween(1, 10).build();
    expect(between.getCriteriaValues()).toEqual([1, 10]);
    expect(() => app.newDataValidation().build()).toThrow();
    sheet.getRange('A1').setDataValidation(between);
    expect(sheet.getRange('A1').getDataValidation().getCriteriaType()).toBe('NUMBER_BETWEEN');
  });

  test('a script may write a value the rule would refuse', () => {
    const {app, sheet} = setup();
    sheet
      .getRange('C2')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Chair']).setAllowInvalid(false).build(),
      );
    sheet.getRange('C2').setValue('Nonsense');
    expect(sheet.getRange('C2').getValue()).toBe('Nonsense');
  });
});

describe('a person typing (userEdit)', () => {
  test('single cell: typed-input parsing and the onEdit value/oldValue', () => {
    const {ss, sheet} = setup();
    sheet.getRange('A2').setValue('old text');
    const e = userEdit(ss, 'Members!A2', [['08/10/2020']]);
    expect(e.oldValue).toBe('old text');
    // Sheets sends a date typed into a cell as its serial number.
    expect(e.value).toBe('44112');
    expect((e.range as any).getA1Notation()).toBe('A2');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('08/10/2020');
    const first = userEdit(ss, 'Members!B2', [['hello']]);
    expect(first.oldValue).toBeUndefined();
    expect(first.value).toBe('hello');
  });

  test('a paste of several cells has no value/oldValue', () => {
    const {ss, sheet} = setup();
    const e = userEdit(ss, 'Members!A2', [
      ['Ann', 'Chair'],
      ['Bob', 'Member'],
    ]);
    expect(e.value).toBeUndefined();
    expect(e.oldValue).toBeUndefined();
    expect((e.range as any).getA1Notation()).toBe('A2:B3');
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      ['Ann', 'Chair'],
      ['Bob', 'Member'],
    ]);
  });

  test('a paste that runs past the last row and column makes the sheet grow, as Sheets does', () => {
    const {ss, sheet} = setup();
    const rows = sheet.getMaxRows();
    const cols = sheet.getMaxColumns();
    const block = Array.from({length: 5}, (_, i) => [`r${i}`, 'x', 'y']);
    userEdit(ss, `Members!${String.fromCharCode(64 + cols - 1)}${rows - 1}`, block);
    expect(sheet.getMaxRows()).toBe(rows + 3);
    expect(sheet.getMaxColumns()).toBe(cols + 1);
    expect(sheet.getRange(rows + 3, cols + 1).getValue()).toBe('y');
  });

  test('a rejecting list rule refuses the edit, names the cell, and changes nothing', () => {
    const {app, ss, sheet} = setup();
    sheet
      .getRange('C2:C10')
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(['Chair', 'Member'])
          .setAllowInvalid(false)
          .build(),
      );
    sheet.getRange('C2').setValue('Member');
    let err: unknown;
    try {
      userEdit(ss, 'Members!C2', [['Boss']]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EditRejected);
    expect((err as Error).message).toBe(
      'There was a problem: "Input must be an item on the specified list" (Members!C2, typed "Boss")',
    );
    expect(sheet.getRange('C2').getValue()).toBe('Member');
    // A paste with one bad cell changes none of them.
    expect(() =>
      userEdit(ss, 'Members!B3', [
        ['Ann', 'Chair'],
        ['Bob', 'Boss'],
      ]),
    ).toThrow(/Members!C4/);
    expect(sheet.getRange('B3:C4').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    // A warning-only rule accepts.
    sheet
      .getRange('C2')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Chair']).setAllowInvalid(true).build(),
      );
    userEdit(ss, 'Members!C2', [['Boss']]);
    expect(sheet.getRange('C2').getValue()).toBe('Boss');
  });

  test('help text replaces the default message; dates, numbers, emails, ranges, custom formulas', () => {
    const {app, ss, sheet} = setup();
    const rule = (b: any) => b.setAllowInvalid(false).build();
    sheet
      .getRange('A2')
      .setDataValidation(
        rule(app.newDataValidation().requireDate().setHelpText('Type a date like 08/10/2020')),
      );
    expect(() => userEdit(ss, 'Members!A2', [['31/02/2021']])).toThrow(
      '"Type a date like 08/10/2020"',
    );
    userEdit(ss, 'Members!A2', [['28/02/2021']]);
    sheet
      .getRange('B2')
      .setDataValidation(rule(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0)));
    expect(() => userEdit(ss, 'Members!B2', [['-5']])).toThrow(
      'Input must be a number greater than or equal to 0',
    );
    sheet.getRange('C2').setDataValidation(rule(app.newDataValidation().requireTextIsEmail()));
    expect(() => userEdit(ss, 'Members!C2', [['not an email']])).toThrow(
      'Input must be a valid email address',
    );
    userEdit(ss, 'Members!C2', [['ann@example.org']]);
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['Open'], ['Closed']]);
    sheet
      .getRange('D2')
      .setDataValidation(
        rule(app.newDataValidation().requireValueInRange(lists.getRange('A1:A2'))),
      );
    expect(() => userEdit(ss, 'Members!D2', [['Pending']])).toThrow(
      'Input must fall within specified range',
    );
    userEdit(ss, 'Members!D2', [['Closed']]);
    sheet
      .getRange('E2:E5')
      .setDataValidation(rule(app.newDataValidation().requireFormulaSatisfied('=E2<=B2')));
    sheet.getRange('B3').setValue(10);
    expect(() => userEdit(ss, 'Members!E3', [['11']])).toThrow(/E3/);
    expect(sheet.getRange('E3').getValue()).toBe('');
    userEdit(ss, 'Members!E3', [['9']]);
    expect(sheet.getRange('E3').getValue()).toBe(9);
    // Clearing a validated cell is always allowed.
    userEdit(ss, 'Members!C2', [['']]);
    expect(sheet.getRange('C2').getValue()).toBe('');
  });
});

describe('conditional format rules', () => {
  test('build, set on a sheet, read back', () => {
    const {app, sheet} = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$G2="Open"')
      .setBackground('#F4CCCC')
      .setBold(true)
      .setRanges([sheet.getRange('A2:J100')])
      .build();
    const empty = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#ffff00')
      .setRanges([sheet.getRange('B2:B100')])
      .build();
    expect(rule.getRanges()[0].getA1Notation()).toBe('A2:J100');
    expect(rule.getRanges()[0].getSheet().getName()).toBe('Members');
    sheet.setConditionalFormatRules([rule, empty]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const cond = rules[0].getBooleanCondition();
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(cond.getCriteriaValues()).toEqual(['=$G2="Open"']);
    expect(cond.getBackground()).toBe('#F4CCCC');
    expect(cond.getBold()).toBe(true);
    expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:J100');
    expect(rules[1].getBooleanCondition().getCriteriaType()).toBe('CELL_EMPTY');
    sheet.deleteRows(2, 10);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:J90');
  });
});

describe('protections', () => {
  test('range and sheet protections, warning only, description, remove', () => {
    const {app, ss, sheet} = setup();
    const p = sheet
      .getRange('H2:H100')
      .protect()
      .setDescription('Formula column')
      .setWarningOnly(true);
    expect(p.getProtectionType()).toBe(app.ProtectionType.RANGE);
    expect(p.isWarningOnly()).toBe(true);
    expect(p.getRange().getA1Notation()).toBe('H2:H100');
    sheet.protect().setDescription('Whole tab');
    expect(ss.getProtections(app.ProtectionType.RANGE).map((x: any) => x.getDescription())).toEqual(
      ['Formula column'],
    );
    expect(sheet.getProtections(app.ProtectionType.SHEET)[0].getDescription()).toBe('Whole tab');
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('embedded charts', () => {
  test('built, inserted, read, modified, removed', () => {
    const {ctx, sheet} = setup();
    const Charts: any = createChartsService(ctx);
    sheet.getRange('A1:B3').setValues([
      ['Period', 'Cumulative'],
      [1, -100],
      [2, 50],
    ]);
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 4, 0, 0)
      .setOption('title', 'Cumulative cash flow')
      .build();
    sheet.insertChart(chart);
    const [got] = sheet.getCharts();
    expect(got.getType()).toBe('LINE');
    expect(got.getRanges()[0].getA1Notation()).toBe('A1:B3');
    expect(got.getOptions().get('title')).toBe('Cumulative cash flow');
    expect(got.getContainerInfo().getAnchorRow()).toBe(5);
    sheet.updateChart(got.modify().setOption('title', 'Payback').build());
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Payback');
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toHaveLength(0);
  });
});

describe('a person typing into protected cells', () => {
  // support.google.com/docs/answer/1218656: protected ranges refuse people who are not editors;
  // "Show a warning when editing this range" lets them go ahead after a warning.
  test('refused unless an editor; warning-only protections warn', () => {
    const {ctx, ss, sheet} = setup();
    sheet.getRange('H2:H10').protect().setDescription('Formulas');
    sheet.getRange('J2:J10').protect().setWarningOnly(true);
    ctx.user = 'member@example.org';
    expect(() => userEdit(ss, 'Members!H3', [['5']])).toThrow(
      'There was a problem: "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit." (Members!H3, typed "5")',
    );
    expect(sheet.getRange('H3').getValue()).toBe('');
    const e = userEdit(ss, 'Members!J3', [['5']]);
    expect(e.warning).toMatch(/^Heads up!/);
    expect(sheet.getRange('J3').getValue()).toBe(5);
    ctx.user = 'clerk@example.org';
    userEdit(ss, 'Members!H3', [['5']]);
    expect(sheet.getRange('H3').getValue()).toBe(5);
  });
  test('a protected sheet leaves its unprotected ranges open', () => {
    const {ctx, ss, sheet} = setup();
    sheet.protect().setUnprotectedRanges([sheet.getRange('A2:C100')]);
    ctx.user = 'member@example.org';
    userEdit(ss, 'Members!B5', [['ok']]);
    expect(() => userEdit(ss, 'Members!D5', [['no']])).toThrow(/protected cell/);
    expect(() => userEdit(ss, 'Members!C5', [['a', 'b']])).toThrow(/protected cell/);
  });
});
