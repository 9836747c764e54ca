/**
 * "Publish minutes": once the chair has approved them (Meetings "Minutes approved on"), the
 * minutes Doc is saved as a PDF, and a public PDF is made from a temporary copy with the exempt
 * part taken out (a line says it is withheld); the copy is removed. Both PDFs keep their ids on
 * a later run, and their links go into the Meetings row ("Approved minutes link", "Public
 * minutes link"). The names match what the next agenda pack looks for.
 */
import {DATE} from './dates';
import {PaperError} from './errors';
import {Made, driveService, savePdfs} from './output';
import {chooseMeeting, meetingFolderName, writeMeetingLink} from './commands';
import {EXEMPT_PART} from './minutes';
import {minutesPdfNames} from './pack';
import {fileIdOfLink, unsignedBytes} from './pack-sources';
import {openSession, outputFolder, showSummary, withDocumentLock} from './session';

/** Removes the exempt part (its heading up to the next level-2 heading) and says it is withheld. */
export function withholdExemptPart(body: GoogleAppsScript.Document.Body): number {
  let start = -1;
  let end = body.getNumChildren();
  for (let k = 0; k < body.getNumChildren(); k++) {
    const el = body.getChild(k);
    if (el.getType() !== DocumentApp.ElementType.PARAGRAPH) continue;
    const p = el.asParagraph();
    if (start < 0 && p.getText().trim() === EXEMPT_PART) start = k;
    else if (start >= 0 && p.getHeading() === DocumentApp.ParagraphHeading.HEADING2) {
      end = k;
      break;
    }
  }
  if (start < 0) return 0;
  for (let k = end - 1; k > start; k--) body.getChild(k).removeFromParent();
  const note = body.getChild(start).asParagraph();
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
  const made = withDocumentLock(() => {
    const drive = driveService();
    const folder = outputFolder(s, meetingFolderName(s, m.date));
    let approved: GoogleAppsScript.Base.Blob;
    try {
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
    let publicPdf: GoogleAppsScript.Base.Blob;
    try {
      const doc = DocumentApp.openById(copy);
      withholdExemptPart(doc.getBody());
      doc.saveAndClose();
      publicPdf = DriveApp.getFileById(copy).getAs('application/pdf');
      const pdfs = savePdfs(folder, [
        {name: names.approved, bytes: unsignedBytes(approved)},
        {name: names.public, bytes: unsignedBytes(publicPdf)},
      ]);
      writeMeetingLink(choice.meetings, m.row, 'Approved minutes link', pdfs[0].url);
      writeMeetingLink(choice.meetings, m.row, 'Public minutes link', pdfs[1].url);
      return pdfs;
    } finally {
      drive.Files.remove(copy);
    }
  });
  showSummary('Minutes published', made, [
    `The approved minutes of ${when} are saved as a PDF; the public version leaves out the exempt part. Their links are in the Meetings row (Approved minutes link, Public minutes link).`,
  ]);
  return made;
}
