/**
 * "Publish minutes": once the chair has approved them (Meetings "Minutes approved on"), the
 * minutes Doc is saved as a PDF, and a public PDF is made from a temporary copy with the exempt
 * part taken out (a line says it is withheld); the copy is removed. Both PDFs keep their ids on
 * a later run, and their links go into the Meetings row ("Approved minutes link", "Public
 * minutes link"). The names match what the next agenda pack looks for.
 *
 * This is the one place the public minutes are made and shared: the public copy is searched for
 * confidential titles and contact details first, then shared by link and recorded for the
 * public page ("Publish papers" reuses it). The minutes' resolutions go into the Decisions tab.
 */
import {DATE} from './dates';
import {PaperError} from './errors';
import {Made, driveService, savePdfs} from './output';
import {chooseMeeting, meetingFolderName, writeMeetingLink} from './commands';
import {EXEMPT_PART} from './minutes';
import {minutesPdfNames} from './pack';
import {fileIdOfLink, unsignedBytes} from './pack-sources';
import {openSession, outputFolder, showSummary, withDocumentLock} from './session';
import {TAB} from '../workbook/schema';
import {readOptional, readRegister} from '../workbook/registers';
import {Cell} from '../workbook/table';
import {dateOfIso, isoOfDate} from '../domain/calendar';
import {AgendaItem, Day} from '../domain/records';
import {MinutedDecision, decisionsToAdd, resolutionsInMinutes} from '../domain/decisions';
import {leakIn, secretsOf} from '../web/publish';
import {fileViewUrl, readPublications, writePublication} from '../web/published';
import {BOOK_ID_PROPERTY} from '../web/doget';

/**
 * Removes the exempt part (its heading up to the next level-2 heading) and says it is withheld.
 * The heading is found with one findText, so only the exempt part's elements are visited.
 */
export function withholdExemptPart(body: GoogleAppsScript.Document.Body): number {
  // findText takes a regular expression (developers.google.com/apps-script/reference/document/body):
  // the heading's brackets are escaped.
  const pattern = EXEMPT_PART.replace(/[()]/g, '\\$&');
  let heading: GoogleAppsScript.Document.Element | null = null;
  for (let hit = body.findText(pattern); hit && !heading; hit = body.findText(pattern, hit)) {
    let el: GoogleAppsScript.Document.Element = hit.getElement();
    while (el.getType() !== DocumentApp.ElementType.PARAGRAPH) el = el.getParent();
    if (el.asParagraph().getText().trim() === EXEMPT_PART) heading = el;
  }
  if (!heading) return 0;
  const start = body.getChildIndex(heading);
  const n = body.getNumChildren();
  let end = n;
  for (let k = start + 1; k < n; k++) {
    const el = body.getChild(k);
    if (
      el.getType() === DocumentApp.ElementType.PARAGRAPH &&
      el.asParagraph().getHeading() === DocumentApp.ParagraphHeading.HEADING2
    ) {
      end = k;
      break;
    }
  }
  for (let k = end - 1; k > start; k--) body.getChild(k).removeFromParent();
  const note = heading.asParagraph();
  note.setText('Exempt items: the minutes of these items are not published.');
  note.setHeading(DocumentApp.ParagraphHeading.NORMAL);
  note.editAsText().setItalic(true);
  return end - start - 1;
}

export function publishMinutesCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const m = choice.meeting;
  const when = s.paper.dates(m.date, DATE);
  if (!m.minutesApprovedOn)
    throw new PaperError(
      `The minutes of the meeting on ${when} are not approved yet. When the chair has approved them, type the date in "Minutes approved on" on the Meetings tab (row ${m.row}), then publish.`,
    );
  const docId = fileIdOfLink(m.minutesLink);
  if (!docId)
    throw new PaperError(
      `The meeting on ${when} has no Minutes link. Generate the minutes draft (or paste the link of the minutes Doc into Minutes link, row ${m.row}), then publish.`,
    );
  const names = minutesPdfNames(s.paper.group, when);
  const agenda = choice.agenda ?? readRegister(ss, TAB.agenda);
  const secrets = secretsOf(agenda.records, readRegister(ss, TAB.members).records);
  const today = isoOfDate(new Date());
  const notes: string[] = [];
  const made = withDocumentLock(() => {
    const drive = driveService();
    const folder = outputFolder(s, meetingFolderName(s, m.date));
    let approved: GoogleAppsScript.Base.Blob;
    let text: string;
    try {
      text = DocumentApp.openById(docId).getBody().getText();
      approved = DriveApp.getFileById(docId).getAs('application/pdf');
    } catch (_e) {
      throw new PaperError(
        `The Minutes link of the meeting on ${when} does not open a Google Doc you can read. Check the link in row ${m.row} of the Meetings tab.`,
      );
    }
    const copy = String(
      drive.Files.copy({name: `${names.public} (being made)`, parents: [folder]}, docId, {
        fields: 'id',
      }).id,
    );
    let pdfs: Made[];
    try {
      const doc = DocumentApp.openById(copy);
      withholdExemptPart(doc.getBody());
      const leak = leakIn(doc.getBody().getText(), secrets);
      if (leak)
        throw new PaperError(
          `Nothing was published: the public minutes of ${when} contain ${leak}. Take it out of the minutes Doc (outside the "${EXEMPT_PART}" part), then publish again.`,
        );
      doc.saveAndClose();
      const publicPdf = DriveApp.getFileById(copy).getAs('application/pdf');
      pdfs = savePdfs(folder, [
        {name: names.approved, bytes: unsignedBytes(approved)},
        {name: names.public, bytes: unsignedBytes(publicPdf)},
      ]);
    } finally {
      drive.Files.remove(copy);
    }
    const pub = pdfs[1];
    drive.Permissions.create({type: 'anyone', role: 'reader', allowFileDiscovery: false}, pub.id);
    writePublication(m.date, {
      ...readPublications().get(m.date),
      minutes: {id: pub.id, name: pub.name, source: docId, sourceModified: '', on: today},
    });
    PropertiesService.getScriptProperties().setProperty(BOOK_ID_PROPERTY, ss.getId());
    writeMeetingLink(choice.meetings, m.row, 'Approved minutes link', pdfs[0].url);
    writeMeetingLink(choice.meetings, m.row, 'Public minutes link', fileViewUrl(pub.id));
    notes.push(...recordDecisions(ss, m.date, text, agenda.records, fileViewUrl(pub.id)));
    return pdfs;
  });
  showSummary('Minutes published', made, [
    `The approved minutes of ${when} are saved as a PDF; the public version leaves out the exempt part, is shared with anyone who has the link and is listed on the public page. Their links are in the Meetings row (Approved minutes link, Public minutes link).`,
    ...notes,
  ]);
  return made;
}

/**
 * Adds the minutes' resolutions to the Decisions tab (one read, at most one write): minutes
 * already there for the meeting stay as the clerk has them. Returns what to tell the clerk.
 */
export function recordDecisions(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  meeting: Day,
  text: string,
  items: readonly AgendaItem[],
  link: string,
): string[] {
  const found = resolutionsInMinutes(text);
  const notes = found.problems.map(
    p => `Not added to the Decisions tab: ${p.where}: ${p.problem} Then publish the minutes again.`,
  );
  const reg = readOptional(ss, TAB.decisions);
  if (!reg) {
    if (found.decisions.length)
      notes.push(
        'The workbook has no Decisions tab, so the resolutions were not recorded. Run Committee > Set up or repair workbook, then publish the minutes again.',
      );
    return notes;
  }
  const add = decisionsToAdd(meeting, found.decisions, reg.records);
  if (add.length) {
    const rows = add.map(d => decisionRow(reg.headers, meeting, d, items, link));
    // After the last row with anything in it (the grid is the data range).
    reg.cells(reg.grid.length + 1, 1, rows.length, reg.headers.length).setValues(rows);
  }
  const kept = found.decisions.length - add.length;
  notes.push(
    `Decisions tab: ${add.length} resolution${add.length === 1 ? '' : 's'} added${kept ? `; ${kept} already there for these minutes, left as they are` : ''}.`,
  );
  return notes;
}

function decisionRow(
  headers: readonly string[],
  meeting: Day,
  d: MinutedDecision,
  items: readonly AgendaItem[],
  link: string,
): Cell[] {
  const title = d.item.toLowerCase();
  const item = items.find(i => i.meeting === meeting && i.title.trim().toLowerCase() === title);
  const values: Record<string, Cell> = {
    'Meeting date': dateOfIso(meeting),
    'Minute no.': d.minute,
    Item: d.item,
    Decision: d.decision,
    Type: d.type,
    'Key decision ref': item?.keyDecisionRef ?? '',
    'Implementation status': d.type === 'Noted' ? '' : 'Not started',
    Link: link,
  };
  return headers.map(h => values[h] ?? '');
}
