/**
 * Papers from an officer's own template Doc (Settings "… template id"). The template is read
 * and checked first (nothing is made if it has an unknown placeholder or an unclosed block);
 * then a new Doc is made by this program, the template's elements are copied into it (so the
 * narrow drive.file scope is enough: the program never copies a file it did not create), and
 * the placeholders are filled in place with replaceText so the officer's formatting stays.
 */
import {PaperError} from './errors';
import {SettingName} from '../workbook/schema';
import {DateText} from './dates';
import {FieldValue, Paper} from './model';
import {Existing, Made, docUrl, driveService} from './output';
import {Token, Unit, checkTemplate, formatValue, schemaOf, tokenize, truthy} from './template';

type Body = GoogleAppsScript.Document.Body;
type El = GoogleAppsScript.Document.Element;

export const TEMPLATE_SETTING: Partial<Record<Paper['kind'], SettingName>> = {
  Agenda: 'Agenda template id',
  Minutes: 'Minutes template id',
  'Action log': 'Action log template id',
  'Report cover': 'Report cover template id',
};

/** The template's text as units: one per top-level paragraph, one per table (cell texts). */
export function readUnits(body: Body): {units: Unit[]; elements: El[]} {
  const units: Unit[] = [];
  const elements: El[] = [];
  const n = body.getNumChildren();
  for (let k = 0; k < n; k++) {
    const el = body.getChild(k);
    const type = el.getType();
    if (type === DocumentApp.ElementType.TABLE) {
      const t = el.asTable();
      const rows: string[][] = [];
      for (let r = 0; r < t.getNumRows(); r++) {
        const row = t.getRow(r);
        const cells: string[] = [];
        for (let c = 0; c < row.getNumCells(); c++) cells.push(row.getCell(c).getText());
        rows.push(cells);
      }
      units.push({kind: 'table', rows});
    } else if (
      type === DocumentApp.ElementType.PARAGRAPH ||
      type === DocumentApp.ElementType.LIST_ITEM
    ) {
      units.push({kind: 'para', text: el.asText().getText()});
    } else units.push({kind: 'para', text: ''});
    elements.push(el);
  }
  return {units, elements};
}

/** Opens the template named in Settings, or says plainly that the id does not open. */
export function openTemplate(settingName: string, id: string): GoogleAppsScript.Document.Document {
  try {
    return DocumentApp.openById(id);
  } catch (_e) {
    throw new PaperError(
      `The "${settingName}" on the Settings tab ("${id}") does not open as a Google Doc. Paste the link of the template Doc, or empty the setting to use the built-in layout.`,
    );
  }
}

/** The problems of a template for a paper, for "Check templates" and before generating. */
export function templateProblems(
  template: GoogleAppsScript.Document.Document,
  fields: Readonly<Record<string, FieldValue>>,
): string[] {
  return checkTemplate(readUnits(template.getBody()).units, schemaOf(fields));
}

const RE2_SPECIAL = /[\\^$.|?*+()[\]{}]/g;
const literal = (s: string) => s.replace(RE2_SPECIAL, '\\$&');

/** Fills one element's placeholders in place (formatting kept). */
function fillIn(
  el: El & {replaceText(p: string, r: string): unknown},
  text: string,
  fields: Readonly<Record<string, FieldValue>>,
  dates: DateText,
): void {
  const seen = new Set<string>();
  for (const tok of tokenize(text)) {
    if (tok.t !== 'field' || seen.has(tok.raw)) continue;
    seen.add(tok.raw);
    el.replaceText(literal(tok.raw), formatValue(fields[tok.name], tok.format, dates));
  }
  for (const tok of tokenize(text))
    if ((tok.t === 'open' || tok.t === 'close') && !seen.has(tok.raw)) {
      seen.add(tok.raw);
      el.replaceText(literal(tok.raw), '');
    }
}

function copyInto(body: Body, el: El): void {
  const type = el.getType();
  if (type === DocumentApp.ElementType.TABLE) body.appendTable(el.copy().asTable());
  else if (type === DocumentApp.ElementType.LIST_ITEM) body.appendListItem(el.copy().asListItem());
  else if (type === DocumentApp.ElementType.PARAGRAPH)
    body.appendParagraph(el.copy().asParagraph());
  else if (type === DocumentApp.ElementType.PAGE_BREAK) body.appendPageBreak();
  else if (type === DocumentApp.ElementType.HORIZONTAL_RULE) body.appendHorizontalRule();
}

/** Walks the new Doc's elements: if-blocks removed or kept, list rows repeated, fields filled. */
function apply(body: Body, fields: Readonly<Record<string, FieldValue>>, dates: DateText): void {
  const {units, elements} = readUnits(body);
  const keep: boolean[] = [];
  const on = () => keep.every(Boolean);
  const remove: El[] = [];
  units.forEach((unit, k) => {
    const el = elements[k];
    if (unit.kind === 'para') {
      const tokens = tokenize(unit.text);
      const markers = tokens.some(t => t.t === 'if' || t.t === 'endif');
      if (!markers) {
        if (!on()) remove.push(el);
        else fillIn(el as never, unit.text, fields, dates);
        return;
      }
      let text = '';
      let shown = on();
      for (const tok of tokens) {
        if (tok.t === 'if') keep.push(truthy(fields[tok.name]) !== tok.negate);
        else if (tok.t === 'endif') keep.pop();
        else if (on()) {
          text +=
            tok.t === 'text'
              ? tok.s
              : tok.t === 'field'
                ? formatValue(fields[tok.name], tok.format, dates)
                : '';
          shown = true;
        }
      }
      if (!text.trim() || !shown) remove.push(el);
      else el.asText().setText(text);
      return;
    }
    if (!on()) {
      remove.push(el);
      return;
    }
    const table = el.asTable();
    for (let r = unit.rows.length - 1; r >= 0; r--) {
      const row = table.getRow(r);
      const joined = unit.rows[r].join('\n');
      const open = tokenize(joined).find((t): t is Extract<Token, {t: 'open'}> => t.t === 'open');
      if (!open) {
        fillIn(row as never, joined, fields, dates);
        continue;
      }
      const list = (fields[open.name] ?? []) as readonly Record<string, FieldValue>[];
      list.forEach((rec, i) => {
        const copy = table.insertTableRow(r + 1 + i, row.copy());
        fillIn(copy as never, joined, {...fields, ...rec}, dates);
      });
      table.removeRow(r);
    }
  });
  const last = body.getChild(body.getNumChildren() - 1);
  for (const el of remove) {
    // Docs keeps a last paragraph in every body: empty it instead of removing it.
    if (el === last && el.getType() !== DocumentApp.ElementType.TABLE) el.asText().setText('');
    else el.removeFromParent();
  }
}

/** Opens and checks the template for a kind of paper; throws a plain message listing its problems. */
export function checkedTemplate(
  settingName: string,
  templateId: string,
  sample: Readonly<Record<string, FieldValue>>,
): GoogleAppsScript.Document.Document {
  const template = openTemplate(settingName, templateId);
  const problems = templateProblems(template, sample);
  if (problems.length) {
    throw new PaperError(
      `The template in "${settingName}" needs fixing before papers can be made from it:\n- ${problems.slice(0, 8).join('\n- ')}${problems.length > 8 ? `\n(and ${problems.length - 8} more)` : ''}`,
    );
  }
  return template;
}

/**
 * Writes a paper from a checked template into the folder. A Doc of that name already there is
 * filled in place (same id, so its links keep working); otherwise a new Doc is made, moved
 * into the folder, and sent to the bin again if anything fails.
 */
export function writeFromTemplate(
  paper: Paper,
  template: GoogleAppsScript.Document.Document,
  folderId: string,
  dates: DateText,
  existing?: Existing,
): Made {
  const fields = paper.fields ?? {};
  const drive = driveService();
  const doc = existing ? DocumentApp.openById(existing.id) : DocumentApp.create(paper.name);
  const id = doc.getId();
  try {
    const body = doc.getBody();
    if (existing) body.clear();
    const src = template.getBody();
    for (let k = 0; k < src.getNumChildren(); k++) copyInto(body, src.getChild(k));
    if (body.getNumChildren() > 1) body.getChild(0).removeFromParent(); // the Doc's own empty paragraph
    apply(body, fields, dates);
    doc.saveAndClose();
    if (!existing) {
      const parents =
        (drive.Files.get(id, {fields: 'parents'}) as {parents?: string[]}).parents ?? [];
      drive.Files.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, {
        addParents: folderId,
        removeParents: parents.join(','),
      });
    }
  } catch (e) {
    if (!existing)
      try {
        drive.Files.update({trashed: true}, id);
      } catch (_ignored) {
        // The first failure is the one to report.
      }
    throw e;
  }
  const modified = String(
    (drive.Files.get(id, {fields: 'modifiedTime'}) as {modifiedTime?: string}).modifiedTime ?? '',
  );
  return {name: paper.name, id, url: docUrl(id), replaced: !!existing, modified};
}
