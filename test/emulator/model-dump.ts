/**
 * A workbook model in plain data, to compare two ways of opening one file: every tab's fields
 * (size, formats and notes by cell, formula texts, widths, rules, protections, charts), the
 * engine's contents and computed values, the named ranges and the workbook's own fields.
 */
import type {WorkbookModel} from '../../emulator/sheets';

export function modelDump(model: WorkbookModel): unknown {
  const hf = model.hf;
  return JSON.parse(
    JSON.stringify({
      name: model.name,
      id: model.id,
      timeZone: model.timeZone,
      locale: model.locale,
      active: model.active,
      nextSheetId: model.nextSheetId,
      nextObjectId: model.nextObjectId,
      openNames: model.openNames,
      names: model.namedRanges.map(n => [n, hf.getNamedExpressionFormula(n)]),
      sheets: model.sheets.map(s => ({
        ...s,
        contents: hf.getSheetSerialized(s.hfId),
        values: hf.getSheetValues(s.hfId),
        size: hf.getSheetDimensions(s.hfId),
      })),
    }),
  );
}
