/**
 * "Publish papers": the selected meeting's public agenda pack, and its minutes once approved,
 * as PDFs anyone with the link may read, listed on the public page. Before anything is
 * shared, the text of each public paper is searched for every confidential item's title and
 * every member's email address and phone number; one hit and nothing is published. The public
 * minutes are made, checked and shared by Publish minutes (src/papers/publish-minutes.ts) alone:
 * this lists the file it recorded.
 */
import {TAB} from '../workbook/schema';
import {readRegister} from '../workbook/registers';
import {dateOfIso, isoOfDate} from '../domain/calendar';
import {AgendaItem, Day, Member} from '../domain/records';
import {paperName} from '../papers/agenda';
import {packNames} from '../papers/pack';
import {DATE} from '../papers/dates';
import {PaperError} from '../papers/errors';
import {MeetingChoice, chooseMeeting, meetingFolderName} from '../papers/commands';
import {
  DOC_MIME,
  FOLDER_MIME,
  Made,
  driveService,
  papersFolder,
  pdfBeside,
  q,
} from '../papers/output';
import {Session, openSession, showSummary, withDocumentLock} from '../papers/session';
import {BOOK_ID_PROPERTY} from './doget';
import {
  MeetingPublication,
  PublicKind,
  PublishedFile,
  fileViewUrl,
  readPublications,
  writePublication,
} from './published';

export interface MeetingDocs {
  readonly folder: string;
  /** Docs of the meeting's folder by name: id, createdTime and modifiedTime. */
  readonly docs: Map<string, {id: string; modified: string; created: string}>;
}

/** The meeting's folder and its Docs (two list calls), or null when nothing was made yet. */
export function meetingDocs(s: Session, when: Day): MeetingDocs | null {
  const papersId = s.settings.id('Papers folder id');
  if (!papersId) return null;
  const parent = papersFolder(papersId, s.paper.group).id;
  const drive = driveService();
  const folder = drive.Files.list({
    q: `${q(parent)} in parents and name = ${q(meetingFolderName(s, when))} and mimeType = ${q(FOLDER_MIME)} and trashed = false`,
    fields: 'files(id)',
  }).files?.[0]?.id;
  if (!folder) return null;
  const docs = new Map<string, {id: string; modified: string; created: string}>();
  for (const f of drive.Files.list({
    q: `${q(folder)} in parents and mimeType = ${q(DOC_MIME)} and trashed = false`,
    fields: 'files(id,name,createdTime,modifiedTime)',
  }).files ?? [])
    if (f.id && f.name && !docs.has(f.name))
      docs.set(f.name, {
        id: f.id,
        modified: String(f.modifiedTime ?? ''),
        created: String(f.createdTime ?? ''),
      });
  return {folder, docs};
}

/** Names of the public papers of a meeting, as the paper commands name them. */
export function publicNames(s: Session, when: Day): Record<PublicKind, string> {
  const d = s.paper.dates(when, DATE);
  return {
    agenda: paperName(s.paper.group, 'Agenda', d, 'public'),
    minutes: paperName(s.paper.group, 'Minutes (draft)', d),
  };
}

/** What must never be public: confidential items' titles and members' contact details. */
export function secretsOf(
  items: readonly AgendaItem[],
  members: readonly Member[],
): {text: string; what: string}[] {
  const out: {text: string; what: string}[] = [];
  for (const i of items)
    if ((i.confidential || i.section === 'Exempt items') && i.title.trim().length >= 4)
      out.push({text: i.title.trim(), what: `the confidential item on Agenda row ${i.row}`});
  for (const m of members) {
    if (m.email) out.push({text: m.email, what: `the email address on Members row ${m.row}`});
    const digits = m.phone.replace(/\D/g, '');
    if (digits.length >= 6)
      out.push({text: digits, what: `the phone number on Members row ${m.row}`});
  }
  return out;
}

/** The first secret a paper's text gives away (phone numbers compared by their digits). */
export function leakIn(
  text: string,
  secrets: readonly {text: string; what: string}[],
): string | null {
  const lower = text.toLowerCase();
  const digits = text.replace(/\D/g, '');
  for (const x of secrets)
    if (/^\d+$/.test(x.text) ? digits.includes(x.text) : lower.includes(x.text.toLowerCase()))
      return x.what;
  return null;
}

/** Published from this Doc as it is now, and the PDF still there (one Drive call). */
function unchanged(pub: PublishedFile, doc: {id: string; modified: string}): boolean {
  if (pub.source !== doc.id || pub.sourceModified !== doc.modified || !doc.modified) return false;
  try {
    const f = driveService().Files.get(pub.id, {fields: 'trashed'}) as {trashed?: boolean};
    return !f.trashed;
  } catch (_e) {
    return false; // deleted for good: publish afresh
  }
}

/** A PDF of the public agenda, checked, shared by link (the minutes are Publish minutes' job). */
function publishOne(
  source: {id: string; modified: string},
  name: string,
  folder: string,
  secrets: readonly {text: string; what: string}[],
  today: Day,
): {file: PublishedFile; made: Made} {
  const leak = leakIn(DocumentApp.openById(source.id).getBody().getText(), secrets);
  if (leak)
    throw new PaperError(
      `Nothing was published: "${name}" contains ${leak}. Take it out of the Doc (or regenerate the papers), then publish again.`,
    );
  const made = pdfBeside(source.id, folder, name);
  driveService().Permissions.create(
    {type: 'anyone', role: 'reader', allowFileDiscovery: false},
    made.id,
  );
  return {
    file: {
      id: made.id,
      name: made.name,
      source: source.id,
      sourceModified: source.modified,
      on: today,
    },
    made: {...made, url: fileViewUrl(made.id)},
  };
}

/** A PDF of the meeting's folder by exact name (one list call), or null. */
export function pdfInFolder(folder: string, name: string): string | null {
  const hit = driveService().Files.list({
    q: `${q(folder)} in parents and trashed = false and mimeType = 'application/pdf' and name = ${q(name)}`,
    fields: 'files(id)',
  }).files?.[0]?.id;
  return hit ?? null;
}

/**
 * The public reports pack (Generate agenda pack) as published: its agenda and every public
 * item's paper that is a Google Doc are searched first (the pack's PDF itself cannot be read
 * in Apps Script); exempt items' papers are withheld from that pack when it is made.
 */
function publishPack(
  packId: string,
  packName: string,
  agendaDoc: {id: string; modified: string},
  items: readonly AgendaItem[],
  when: Day,
  secrets: readonly {text: string; what: string}[],
  today: Day,
): {file: PublishedFile; made: Made; unchecked: number} {
  const texts = [DocumentApp.openById(agendaDoc.id).getBody().getText()];
  let unchecked = 0;
  for (const i of items) {
    if (i.meeting !== when || i.confidential || i.section === 'Exempt items' || !i.paperLink)
      continue;
    const id = i.paperLink.match(/docs\.google\.com\/document\/d\/([\w-]+)/)?.[1];
    if (id) texts.push(DocumentApp.openById(id).getBody().getText());
    else unchecked++;
  }
  const leak = leakIn(texts.join('\n'), secrets);
  if (leak)
    throw new PaperError(
      `Nothing was published: the public agenda pack contains ${leak}. Take it out of the paper (or the Doc), make the agenda pack again, then publish.`,
    );
  driveService().Permissions.create(
    {type: 'anyone', role: 'reader', allowFileDiscovery: false},
    packId,
  );
  return {
    file: {
      id: packId,
      name: packName,
      source: agendaDoc.id,
      sourceModified: agendaDoc.modified,
      on: today,
    },
    made: {name: packName, id: packId, url: fileViewUrl(packId), replaced: false},
    unchecked,
  };
}

export interface PublishResult {
  readonly made: Made[];
  readonly notes: string[];
}

/** Publishes what the meeting has ready; says what is missing. */
export function publishMeeting(s: Session, choice: MeetingChoice): PublishResult {
  const ss = s.ss;
  const meeting = choice.meeting;
  const when = meeting.date;
  const today = isoOfDate(new Date());
  const found = meetingDocs(s, when);
  const names = publicNames(s, when);
  const agendaDoc = found?.docs.get(names.agenda);
  if (!found || !agendaDoc)
    throw new PaperError(
      `There is no public agenda for the meeting on ${s.paper.dates(when, DATE)} yet. Run Committee > Papers > Generate agenda pack first, then publish.`,
    );
  const agendaItems = readRegister(ss, TAB.agenda).records;
  const secrets = secretsOf(agendaItems, readRegister(ss, TAB.members).records);
  const packName = packNames(s.paper.group, s.paper.dates(when, DATE)).public;
  const notes: string[] = [];
  const pubs: MeetingPublication = {...readPublications().get(when)};
  const made: Made[] = [];
  return withDocumentLock(() => {
    const before = pubs.agenda;
    if (before && unchanged(before, agendaDoc)) {
      // Already published from this very Doc: checked again (a flag may have changed), not remade.
      const leak = leakIn(DocumentApp.openById(agendaDoc.id).getBody().getText(), secrets);
      if (leak) {
        // Off the page and out of reach: the shared PDF goes to the bin.
        driveService().Files.update({trashed: true}, before.id);
        delete pubs.agenda;
        writePublication(when, pubs);
        throw new PaperError(
          `"${names.agenda}" now contains ${leak}, so it was taken off the public page and its PDF put in the bin. Take it out of the Doc (or regenerate the papers), then publish again.`,
        );
      }
      made.push({name: before.name, id: before.id, url: fileViewUrl(before.id), replaced: false});
    } else {
      // The reports pack when it has been made (agenda, papers, previous minutes), else the agenda.
      const pack = pdfInFolder(found.folder, packName);
      const agenda = pack
        ? publishPack(pack, packName, agendaDoc, agendaItems, when, secrets, today)
        : publishOne(agendaDoc, names.agenda, found.folder, secrets, today);
      pubs.agenda = agenda.file;
      made.push(agenda.made);
      if ('unchecked' in agenda && agenda.unchecked)
        notes.push(
          `${agenda.unchecked} paper${agenda.unchecked === 1 ? ' is' : 's are'} not a Google Doc, so ${agenda.unchecked === 1 ? 'it was' : 'they were'} not searched for confidential text: check ${agenda.unchecked === 1 ? 'it' : 'them'} yourself.`,
        );
    }
    // The public minutes are made, checked and shared by Publish minutes alone: reused here.
    if (pubs.minutes)
      made.push({...pubs.minutes, url: fileViewUrl(pubs.minutes.id), replaced: false});
    else if (!meeting.minutesApprovedOn)
      notes.push(
        'The minutes are not published: the meeting has no "Minutes approved on" date yet.',
      );
    else
      notes.push(
        'The minutes are approved: run Committee > Papers > Publish minutes to publish them.',
      );
    writePublication(when, pubs);
    PropertiesService.getScriptProperties().setProperty(BOOK_ID_PROPERTY, ss.getId());
    if (!meeting.agendaPublishedOn) stampPublished(choice, today);
    return {made, notes};
  });
}

/** Writes today into the meeting's "Agenda published on", through the Meetings read (one write). */
export function stampPublished(choice: MeetingChoice, today: Day): void {
  const col = choice.meetings.index.get('Agenda published on');
  if (col !== undefined)
    choice.meetings.cells(choice.meeting.row, col + 1, 1, 1).setValue(dateOfIso(today));
}

/** Committee > Papers > Publish papers. */
export function publishPapersCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const r = publishMeeting(s, choice);
  showSummary('Published', r.made, [
    'Anyone with the public page can now open these PDFs. Nothing confidential and no member contact detail was found in them.',
    ...r.notes,
  ]);
  return r.made;
}
