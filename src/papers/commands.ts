/**
 * The paper commands behind the menu: read what is needed (each tab once), build the papers
 * as data, check them, then write the Docs, the links and the summary.
 */
import {SettingName, TAB} from '../workbook/schema';
import {ReadBack, RegisterName, readOptional, readRegister} from '../workbook/registers';
import {dateOfIso, isoOfDate} from '../domain/calendar';
import {Day, Meeting} from '../domain/records';
import {NumberedItem, agendaPaper, itemsOfMeeting, nextMeeting, orderAgenda} from './agenda';
import {scrubContacts} from './scrub';
import {withheldText} from './wording';
import {editedSince, recordWritten, writtenTimes} from './written';
import {buildPacks, minutesPdfNames, packNames, packSlots} from './pack';
import {Fetched, fetchPaperPdf, unsignedBytes} from './pack-sources';
import {actionLogPaper} from './action-log';
import {interestsNote, planAgenda} from './build-agenda';
import {withComplaintsItem} from '../domain/housekeeping';
import {
  TEMPLATE_SETTING,
  checkedTemplate,
  openTemplate,
  templateProblems,
  writeFromTemplate,
} from './template-doc';
import {sampleFields} from './template-fields';
import {YearData, annualReportPaper, meetingsHeld} from './annual-report';
import {governanceConfig} from '../governance/config';
import {
  JobState,
  StepResult,
  TIME_BUDGET_MS,
  clearJob,
  removeResumeTriggers,
  runSteps,
  saveJob,
  scheduleResume,
} from './job';
import {firstMinuteNo, minutesPaper} from './minutes';
import {reportCoverPaper} from './report-cover';
import {DATE} from './dates';
import {PaperError} from './errors';
import {
  DOC_MIME,
  FOLDER_MIME,
  Made,
  driveService,
  existingDocs,
  papersFolder,
  pdfBeside,
  docUrl,
  existingPdfs,
  FolderFiles,
  q,
  savePdfs,
  writePaper,
} from './output';
import {Paper} from './model';
import {
  Session,
  openSession,
  outputFolder,
  outputFolderFiles,
  selectedRow,
  showSummary,
  withDocumentLock,
} from './session';

export interface MeetingChoice {
  readonly meetings: ReadBack<typeof TAB.meetings>;
  readonly meeting: Meeting;
  readonly agenda?: ReadBack<typeof TAB.agenda>;
}

/** The meeting of the selected Meetings row, or of the selected Agenda row's Meeting date. */
export function chooseMeeting(s: Session): MeetingChoice {
  const sel = selectedRow(s.ss, [TAB.meetings, TAB.agenda], 'a meeting');
  if (sel.tab === TAB.meetings) {
    const meetings = readRegister(s.ss, TAB.meetings, sel.sheet);
    const meeting = meetings.records.find(m => m.row === sel.row);
    if (!meeting) {
      const bad = meetings.problems.find(
        p => p.row === sel.row && p.header === 'Meeting date' && p.kind === 'value',
      );
      throw new PaperError(
        bad
          ? `Meetings row ${sel.row}: ${bad.problem}`
          : `Meetings row ${sel.row} has no Meeting date. Type the date in the Meeting date column, then try again.`,
      );
    }
    return {meetings, meeting};
  }
  const agenda = readRegister(s.ss, TAB.agenda, sel.sheet);
  const item = agenda.records.find(i => i.row === sel.row);
  if (!item?.meeting)
    throw new PaperError(
      `Agenda row ${sel.row} has no Meeting date, so it belongs to no meeting yet. Select a row of the meeting you want.`,
    );
  const meetings = readRegister(s.ss, TAB.meetings);
  const meeting = meetings.records.find(m => m.date === item.meeting);
  if (!meeting)
    throw new PaperError(
      `No row on the Meetings tab has the date ${s.paper.dates(item.meeting, DATE)} (from Agenda row ${sel.row}). Add the meeting first.`,
    );
  return {meetings, meeting, agenda};
}

/** The officer's templates the papers need, opened and checked before anything is made. */
export function templatesFor(
  s: Session,
  papers: readonly Paper[],
): Map<Paper['kind'], GoogleAppsScript.Document.Document> {
  const templates = new Map<Paper['kind'], GoogleAppsScript.Document.Document>();
  for (const p of papers) {
    const setting = TEMPLATE_SETTING[p.kind];
    const id = setting ? s.settings.id(setting) : '';
    if (setting && id && !templates.has(p.kind))
      templates.set(p.kind, checkedTemplate(setting, id, sampleFields(p.kind, s.paper)));
  }
  return templates;
}

/**
 * Writes the papers into the folder, replacing Docs of the same names: from the built-in layout,
 * or from the officer's template when Settings names one (checked before anything is made).
 * `known` is what a caller already listed of the folder (folderFiles), to save the list calls.
 */
export function writePapers(
  s: Session,
  folderName: string,
  papers: readonly Paper[],
  folderId?: string,
  known?: {
    templates: Map<Paper['kind'], GoogleAppsScript.Document.Document>;
    files: FolderFiles;
  },
): Made[] {
  const templates = known?.templates ?? templatesFor(s, papers);
  const folder = known?.files.folder ?? folderId ?? outputFolder(s, folderName);
  const old =
    known?.files.docs ??
    existingDocs(
      folder,
      papers.map(p => p.name),
    );
  // A Doc someone changed after the program made it is replaced only if the officer says so.
  const props = old.size ? PropertiesService.getDocumentProperties() : undefined;
  const written = props ? writtenTimes(props) : {};
  const keep = new Set(
    papers
      .filter(p => {
        const e = old.get(p.name);
        return e && editedSince(e, written) && !confirmReplace(s, p.name, e.modified);
      })
      .map(p => p.name),
  );
  const replaced = papers.filter(p => old.has(p.name) && !keep.has(p.name));
  const stale = known
    ? new Set(replaced.map(p => `${p.name}.pdf`).filter(n => known.files.pdfs.has(n)))
    : existingPdfs(
        folder,
        replaced.map(p => `${p.name}.pdf`),
      );
  const made = papers.map((plain): Made => {
    const p = dressed(s, plain);
    const e = old.get(p.name);
    if (e && keep.has(p.name))
      return {name: p.name, id: e.id, url: docUrl(e.id), replaced: false, kept: true};
    const template = templates.get(p.kind);
    return template
      ? writeFromTemplate(p, template, folder, s.paper.dates, e)
      : writePaper(p, folder, e);
  });
  recordWritten(
    made.filter(m => !m.kept),
    props,
  );
  // A PDF made from the old content would now disagree with the Doc: it is made again.
  for (const m of made) if (stale.has(`${m.name}.pdf`)) pdfBeside(m.id, folder, m.name);
  return made;
}

/** Asks before an edited paper is replaced (Yes replaces it, No keeps it). */
function confirmReplace(s: Session, name: string, modified: string): boolean {
  const ui = SpreadsheetApp.getUi();
  const when = modified ? ` (last changed ${modified.slice(0, 16).replace('T', ' at ')} UTC)` : '';
  return (
    ui.alert(
      'Replace an edited paper?',
      `"${name}" has been changed since it was made${when}. Replace it with a fresh copy from the workbook? Its link stays the same, but the changes made in the Doc will be lost.\n\nYes replaces it; No keeps it as it is.`,
      ui.ButtonSet.YES_NO,
    ) === ui.Button.YES
  );
}

/** A paper in the group's font, with its name as the running header of every page. */
export function dressed(s: Session, p: Paper): Paper {
  return {...p, font: p.font ?? s.paper.font, running: p.running ?? p.name};
}

/** "Check templates": every template named in Settings, checked; a report of what to fix. */
export function checkTemplatesCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const s = openSession(ss);
  const lines: string[] = [];
  for (const [kind, setting] of Object.entries(TEMPLATE_SETTING) as [
    Paper['kind'],
    SettingName,
  ][]) {
    const id = s.settings.id(setting);
    if (!id) {
      lines.push(`${kind}: built-in layout (no template named).`);
      continue;
    }
    let problems: string[];
    try {
      problems = templateProblems(openTemplate(setting, id), sampleFields(kind, s.paper));
    } catch (e) {
      lines.push(`${kind}: ${(e as Error).message}`);
      continue;
    }
    lines.push(
      problems.length
        ? `${kind}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  - ${problems.join('\n  - ')}`
        : `${kind}: template OK.`,
    );
  }
  const report = lines.join('\n');
  SpreadsheetApp.getUi().alert('Check templates', report, SpreadsheetApp.getUi().ButtonSet.OK);
  return report;
}

/** "2020-10-08 Adults Committee": sorts by date; worked out without a service call. */
export function meetingFolderName(s: Session, when: Day): string {
  return `${when} ${s.paper.group}`;
}

/** One write of a link into the meeting's row. */
export function writeMeetingLink(
  meetings: ReadBack<typeof TAB.meetings>,
  row: number,
  header: string,
  url: string,
): void {
  const col = meetings.index.get(header);
  if (col === undefined) return; // an officer removed the column: the dialog still lists the link
  if (String(meetings.grid[row - 1]?.[col] ?? '') === url) return; // regenerated into the same Doc
  meetings.cells(row, col + 1, 1, 1).setValue(url);
}

/** The meeting before this one that the committee held (not cancelled, not a workshop). */
export function previousMeeting(meetings: readonly Meeting[], when: Day): Meeting | null {
  return (
    meetings
      .filter(m => m.date < when && m.status !== 'Cancelled' && m.type !== 'Workshop')
      .sort((a, b) => b.date.localeCompare(a.date))[0] ?? null
  );
}

/**
 * "Generate agenda pack": the full and the public agenda Docs and the action log of the
 * selected meeting, then the agenda reports pack as two PDFs (full and public): front sheet,
 * contents, agenda, each item's paper in order, the previous minutes and the action log.
 */
export function agendaPackCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const agenda = choice.agenda ?? readRegister(ss, TAB.agenda);
  const members = readRegister(ss, TAB.members).records;
  const meeting = choice.meeting;
  const items = orderAgenda(itemsOfMeeting(agenda.records, meeting, s.paper));
  const next = nextMeeting(choice.meetings.records, meeting.date);
  const full = agendaPaper(meeting, items, members, s.paper, 'full', next);
  const pub = scrubContacts(agendaPaper(meeting, items, members, s.paper, 'public', next), members);
  const log = actionLogPaper(
    readRegister(ss, TAB.actions).records,
    choice.meetings.records,
    meeting.date,
    new Date(),
    s.paper,
  );
  const prev = previousMeeting(choice.meetings.records, meeting.date);
  const folderName = meetingFolderName(s, meeting.date);
  // Checked before anything is made in Drive: a bad template leaves nothing half-made.
  const templates = templatesFor(s, [full, pub, log]);
  const names = packNames(s.paper.group, s.paper.dates(meeting.date, DATE));
  const prevPublicName = prev
    ? minutesPdfNames(s.paper.group, s.paper.dates(prev.date, DATE)).public
    : '';
  const result = withDocumentLock(() => {
    const files = outputFolderFiles(
      s,
      folderName,
      [full, pub, log].flatMap(p => [p.name, `${p.name}.pdf`]).concat([names.full, names.public]),
      prevPublicName ? [prevPublicName] : [],
    );
    const folder = files.folder;
    const docs = writePapers(s, folderName, [full, pub, log], folder, {templates, files});
    writeMeetingLink(choice.meetings, meeting.row, 'Agenda link', docs[0].url);
    const prevPublicId = files.elsewhere.get(prevPublicName);
    const prevPublic: Fetched | null = prevPublicId
      ? {ok: true, blob: DriveApp.getFileById(prevPublicId).getBlob()}
      : null;
    const slots = packSlots(
      items,
      i => withheldNotice(s, i),
      prev
        ? {date: s.paper.dates(prev.date, DATE), hasPublic: !!prevPublic, link: prev.minutesLink}
        : null,
    );
    try {
      // Every blob is asked for first, then read: Drive can prepare them side by side.
      const fetched = new Map<string, Fetched>();
      const docPdf = (id: string): Fetched => ({
        ok: true,
        blob: DriveApp.getFileById(id).getAs('application/pdf'),
      });
      fetched.set('agenda', docPdf(docs[0].id));
      fetched.set('agenda-public', docPdf(docs[1].id));
      fetched.set('action-log', docPdf(docs[2].id));
      if (prev && prev.minutesLink) fetched.set('minutes', fetchPaperPdf(prev.minutesLink, folder));
      else if (prev)
        fetched.set('minutes', {
          ok: false,
          reason: `the meeting on ${s.paper.dates(prev.date, DATE)} has no Minutes link on the Meetings tab. Generate its minutes (or paste their link), then make the pack again`,
        });
      if (prevPublic) fetched.set('minutes-public', prevPublic);
      for (const x of slots)
        if (x.item && x.source === `item-${x.item.row}`)
          fetched.set(x.source, fetchPaperPdf(x.item.paperLink, folder));
      const packs = buildPacks(meeting, s.paper, slots, fetched, f => unsignedBytes(f.blob));
      const pdfs = savePdfs(
        folder,
        [
          {name: names.full, bytes: packs.full.bytes},
          {name: names.public, bytes: packs.public.bytes},
        ],
        files.pdfs,
      );
      return {made: [...docs, ...pdfs], packs, failed: ''};
    } catch (e) {
      // The Docs are made; the pack is not: say why rather than lose the agenda too.
      return {made: docs, packs: null, failed: (e as Error).message};
    }
  });
  const withheld = items.filter(i => i.exempt && i.paperLink).map(i => i.no);
  const packs = result.packs;
  showSummary('Agenda pack', result.made, [
    ...(packs
      ? [
          `The pack has ${packs.full.pages} pages (public version ${packs.public.pages}).`,
          ...(withheld.length
            ? [
                `The public pack withholds the paper${withheld.length === 1 ? '' : 's'} of exempt item${withheld.length === 1 ? '' : 's'} ${withheld.join(', ')}: a page in ${withheld.length === 1 ? 'its' : 'each'} place says so.`,
              ]
            : []),
          ...packs.problems.map(p => `Not in the pack: ${p}`),
        ]
      : [
          `The agenda Docs are made, but the PDF pack could not be made: ${result.failed} Try Generate agenda pack again; if it fails again, tell whoever looks after the workbook.`,
        ]),
    "The public versions leave out exempt items and members' contact details. The Agenda link on the Meetings tab points to the full agenda.",
  ]);
  return result.made;
}

/** What the public pack prints where an exempt item's paper would be. */
export function withheldNotice(s: Session, i: NumberedItem): string {
  return withheldText(s.paper.groupType, i.no, i.exemptParagraph);
}

/** The previous meeting's public minutes PDF (made by Publish minutes), when there is one. */
export function publicMinutesPdf(s: Session, when: Day): Fetched | null {
  const name = minutesPdfNames(s.paper.group, s.paper.dates(when, DATE)).public;
  const hit = driveService().Files.list({
    q: `name = ${q(name)} and mimeType = 'application/pdf' and trashed = false`,
    fields: 'files(id)',
  }).files?.[0]?.id;
  return hit ? {ok: true, blob: DriveApp.getFileById(hit).getBlob()} : null;
}

/** "Generate minutes draft" for the selected meeting; the link goes to the Minutes link column. */
export function minutesCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const agenda = choice.agenda ?? readRegister(ss, TAB.agenda);
  const items = orderAgenda(itemsOfMeeting(agenda.records, choice.meeting, s.paper));
  const meetings = choice.meetings.records;
  const numbering = s.settings.text('Minute numbering') === 'Running' ? 'Running' : 'Per meeting';
  const paper = minutesPaper(
    {
      meeting: choice.meeting,
      items,
      attendance: readRegister(ss, TAB.attendance).records,
      members: readRegister(ss, TAB.members).records,
      actions: readRegister(ss, TAB.actions).records,
      firstMinute: firstMinuteNo(choice.meeting, meetings, agenda.records, {
        mode: numbering,
        first: s.settings.number('First minute number') || 1,
        yearStarts: s.settings.number('Municipal year starts') || 5,
      }),
      previous: previousMeeting(meetings, choice.meeting.date)?.date ?? null,
      next: nextMeeting(meetings, choice.meeting.date),
      quorum: s.settings.number('Quorum'),
    },
    s.paper,
  );
  const made = withDocumentLock(() => {
    const out = writePapers(s, meetingFolderName(s, choice.meeting.date), [paper]);
    writeMeetingLink(choice.meetings, choice.meeting.row, 'Minutes link', out[0].url);
    return out;
  });
  showSummary('Minutes draft', made, [
    'Write a summary and the resolutions under each minute; add each action to the Actions tab with its minute number.',
  ]);
  return made;
}

/** "Generate action log" for the selected meeting (actions arising before it). */
export function actionLogCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const target = choice.meeting.date;
  const paper = actionLogPaper(
    readRegister(ss, TAB.actions).records,
    choice.meetings.records,
    target,
    new Date(),
    s.paper,
  );
  const made = withDocumentLock(() => writePapers(s, meetingFolderName(s, target), [paper]));
  showSummary('Action log', made);
  return made;
}

/** "Generate report cover" for the selected Agenda row; the link goes to its Paper link cell. */
export function reportCoverCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const sel = selectedRow(ss, [TAB.agenda], 'an agenda item');
  const agenda = readRegister(ss, TAB.agenda, sel.sheet);
  const all = agenda.records;
  const chosen = all.find(i => i.row === sel.row);
  if (!chosen)
    throw new PaperError(
      `Agenda row ${sel.row} is empty. Select the row of the item that needs a report.`,
    );
  const when = chosen.meeting;
  if (!when)
    throw new PaperError(
      `Agenda row ${sel.row} ("${chosen.title}") has no Meeting date yet. Programme the item to a meeting first.`,
    );
  const meeting = readRegister(ss, TAB.meetings).records.find(m => m.date === when);
  if (!meeting)
    throw new PaperError(
      `No row on the Meetings tab has the date ${s.paper.dates(when, DATE)} (from Agenda row ${sel.row}). Add the meeting first.`,
    );
  const numbered = orderAgenda(itemsOfMeeting(all, meeting, s.paper)).find(i => i.row === sel.row)!;
  const paper = reportCoverPaper(numbered, when, readRegister(ss, TAB.members).records, s.paper);
  const made = withDocumentLock(() => {
    const out = writePapers(s, meetingFolderName(s, when), [paper]);
    const col = agenda.index.get('Paper link');
    if (col !== undefined && !chosen.paperLink)
      agenda.cells(sel.row, col + 1, 1, 1).setValue(out[0].url);
    return out;
  });
  showSummary(
    'Report cover',
    made,
    chosen.paperLink ? ['The Paper link cell already held a link, so it was left as it was.'] : [],
  );
  return made;
}

/** Everything an annual report reads, each tab once (Contracts and Cash flow may be absent). */
export function readYearData(s: Session): YearData {
  const ss = s.ss;
  // Each tab once (two calls), in this order.
  const optional = <K extends RegisterName>(tab: K) => readOptional(ss, tab)?.records ?? [];
  return {
    meetings: readRegister(ss, TAB.meetings).records,
    items: readRegister(ss, TAB.agenda).records,
    attendance: readRegister(ss, TAB.attendance).records,
    actions: readRegister(ss, TAB.actions).records,
    contracts: optional(TAB.contracts),
    cashFlow: optional(TAB.cashFlow),
    members: readRegister(ss, TAB.members).records,
    rules: governanceConfig(s.settings),
    decisions: optional(TAB.decisions),
  };
}

/** "2023", "2019-2024" or "2019 to 2024" → the years, checked. */
export function parseYears(answer: string): number[] {
  const m = answer.trim().match(/^(\d{4})(?:\s*(?:-|–|to)\s*(\d{4}))?$/);
  if (!m)
    throw new PaperError(
      `"${answer}" is not a year. Type a year such as 2023, or a range such as 2019-2024.`,
    );
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (b < a || b - a > 30 || a < 1990 || b > 2100)
    throw new PaperError(
      `"${answer}" is not a sensible range of years. Type a year such as 2023, or a range such as 2019-2024.`,
    );
  return Array.from({length: b - a + 1}, (_, k) => a + k);
}

/**
 * "Generate annual report": one report per year asked for. Shows "Generating 3 of 7…" toasts;
 * pauses and resumes from a trigger when the run nears the 6-minute limit.
 */
export function annualReportsCommand(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: JobState,
  interactive: boolean,
): StepResult {
  const s = openSession(ss);
  const data = readYearData(s);
  const members = data.members ?? [];
  const today = new Date();
  // A year with no meeting held gets no report: the officer is told, never handed an empty one.
  const empty = state.years.filter(y => !meetingsHeld(y, data.meetings, isoOfDate(today)).length);
  const emptyNote = empty.length
    ? [
        `No meeting was held in ${empty.join(', ')}, so no annual report was made for ${empty.length === 1 ? 'that year' : 'those years'}. Check the Meeting date and Status columns of the Meetings tab.`,
      ]
    : [];
  if (empty.length === state.years.length) throw new PaperError(emptyNote[0]);
  const result = withDocumentLock(() => {
    const folder = outputFolder(s, 'Annual reports');
    return runSteps(
      state,
      k => {
        if (empty.includes(state.years[k])) return null;
        const paper = dressed(
          s,
          scrubContacts(annualReportPaper(state.years[k], data, today, s.paper), members),
        );
        return writePaper(paper, folder, existingDocs(folder, [paper.name]).get(paper.name));
      },
      () => Date.now(),
      TIME_BUDGET_MS,
      (k, n) => ss.toast(`Generating ${k} of ${n}…`, 'Annual reports', 10),
      saveJob,
    );
  });
  if (result === 'paused') {
    scheduleResume();
    ss.toast(
      `Made ${state.next} of ${state.years.length}; the rest will follow in a minute or two.`,
      'Annual reports',
      15,
    );
    return result;
  }
  clearJob();
  removeResumeTriggers();
  if (interactive) showSummary('Annual reports', state.made, emptyNote);
  else
    ss.toast(
      `All ${state.made.length} annual reports are ready in the "Annual reports" folder.`,
      'Annual reports',
      30,
    );
  return result;
}

/** "Build agenda for selected meeting": standing items added, every item numbered; two writes at most. */
export function buildAgendaCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const when = choice.meeting.date;
  const agenda = choice.agenda ?? readRegister(ss, TAB.agenda);
  const items = agenda.records.filter(i => i.meeting === when);
  // Open complaints add a "Complaints" standing item (domain/housekeeping.ts).
  const standing = withComplaintsItem(
    s.settings.list('Standing items'),
    readOptional(ss, TAB.complaints)?.records ?? [],
  );
  const plan = planAgenda(items, standing);
  const col = (h: string) => agenda.index.get(h);
  const noCol = col('Item no.');
  if (noCol === undefined)
    throw new PaperError(
      'The Agenda tab has no "Item no." column. Put the header back in row 1 or run Committee > Set up or repair workbook.',
    );
  return withDocumentLock(() => {
    // Item numbers of the existing rows: one setValues over the column, other meetings' numbers kept.
    if (items.length) {
      const first = Math.min(...items.map(i => i.row));
      const last = Math.max(...items.map(i => i.row));
      const column = agenda.grid
        .slice(first - 1, last)
        .map((r, k) => [plan.numbers.get(first + k) ?? r[noCol] ?? '']);
      agenda.cells(first, noCol + 1, column.length, 1).setValues(column);
    }
    if (plan.add.length) {
      const width = agenda.headers.length;
      const rows = plan.add.map(p => {
        const line: (string | number | Date)[] = new Array(width).fill('');
        const put = (h: string, v: string | number | Date) => {
          const c = col(h);
          if (c !== undefined) line[c] = v;
        };
        put('Meeting date', dateOfIso(when));
        put('Item no.', p.no);
        put('Section', p.section);
        put('Title', p.title);
        put('Purpose', p.purpose);
        put('Lead officer', s.paper.clerkName);
        put('Paper status', p.paperStatus);
        put('Confidential', 'No');
        put('Standing item', 'Yes');
        return line;
      });
      agenda.cells(agenda.grid.length + 1, 1, rows.length, width).setValues(rows);
    }
    const msg = `${plan.add.length ? `Added ${plan.add.length} standing item${plan.add.length === 1 ? '' : 's'}; ` : ''}numbered ${items.length + plan.add.length} items for ${s.paper.dates(when, DATE)}.`;
    const members = readRegister(ss, TAB.members).records;
    const interests = interestsNote(items, plan.numbers, members, when);
    if (interests) {
      const ui = SpreadsheetApp.getUi();
      ui.alert('Agenda', `${msg}\n\n${interests}`, ui.ButtonSet.OK);
    } else ss.toast(msg, 'Agenda', 10);
    return interests ? `${msg}\n${interests}` : msg;
  });
}

/** "Export PDF": a PDF beside each Doc in the selected meeting's folder (replacing older PDFs). */
export function exportPdfCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const when = choice.meeting.date;
  const papersId = s.settings.id('Papers folder id');
  const name = meetingFolderName(s, when);
  const nothing = new PaperError(
    `There are no papers for the meeting on ${s.paper.dates(when, DATE)} yet. Generate them first (for example Committee > Generate agenda pack).`,
  );
  if (!papersId) throw nothing;
  const made = withDocumentLock(() => {
    const folder = papersFolder(papersId, s.paper.group).id;
    const drive = driveService();
    const sub = drive.Files.list({
      q: `${q(folder)} in parents and name = ${q(name)} and mimeType = ${q(FOLDER_MIME)} and trashed = false`,
      fields: 'files(id)',
    }).files?.[0]?.id;
    if (!sub) throw nothing;
    const docs =
      drive.Files.list({
        q: `${q(sub)} in parents and mimeType = ${q(DOC_MIME)} and trashed = false`,
        fields: 'files(id,name)',
      }).files ?? [];
    if (!docs.length) throw nothing;
    return docs.map((d, k) => {
      ss.toast(`Exporting ${k + 1} of ${docs.length}…`, 'Export PDF', 10);
      return pdfBeside(String(d.id), sub, String(d.name));
    });
  });
  showSummary('PDFs', made);
  return made;
}
