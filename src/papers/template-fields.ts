/**
 * The placeholders each kind of paper offers, worked out from a sample paper (one made-up
 * record per list), so "Check templates" knows every name, including the columns of lists that
 * happen to be empty for a given meeting.
 */
import {agendaFields, orderAgenda, PaperSettings} from './agenda';
import {actionLogPaper} from './action-log';
import {AgendaItem, Meeting, Member} from '../domain/records';
import {minutesPaper} from './minutes';
import {FieldValue, Paper} from './model';
import {reportCoverPaper} from './report-cover';

const day = '2020-10-08';
const meeting: Meeting = {
  row: 2,
  date: day,
  start: 600,
  end: 720,
  venue: 'x',
  type: 'Ordinary',
  status: 'Confirmed',
  agendaAgreedBy: day,
  reportDeadline: day,
  despatchBy: day,
  agendaPublishedOn: null,
  minutesApprovedOn: null,
  agendaLink: '',
  minutesLink: '',
  notes: '',
};
const item: AgendaItem = {
  row: 2,
  meeting: day,
  itemNo: 1,
  section: 'Decisions',
  title: 'x',
  purpose: 'To note',
  leadOfficer: 'x',
  keyDecisionRef: 'x',
  paperStatus: 'Received',
  confidential: false,
  standing: false,
  paperLink: '',
  notes: '',
  exemptParagraph: '',
};
const member: Member = {
  row: 2,
  name: 'x',
  organisation: 'x',
  role: 'Member',
  nominatedBy: '',
  deputyFor: '',
  providerSize: '',
  clientGroups: [],
  serviceTypes: [],
  email: 'x@example.org',
  phone: 'x',
  termStart: null,
  termEnd: null,
  status: 'Active',
  interests: '',
  notes: '',
};

export function sampleFields(
  kind: Paper['kind'],
  s: PaperSettings,
): Readonly<Record<string, FieldValue>> {
  const items = orderAgenda([item]);
  switch (kind) {
    case 'Agenda':
      return agendaFields(meeting, items, [member], s, 'full');
    case 'Minutes':
      return (
        minutesPaper(
          {meeting, items, attendance: [], members: [member], actions: [], firstMinute: 1},
          s,
        ).fields ?? {}
      );
    case 'Action log':
      return (
        actionLogPaper(
          [
            {
              row: 2,
              meeting: '2020-07-09',
              minute: '1',
              title: 'x',
              owners: ['x'],
              action: 'x',
              comments: '',
              status: 'Open',
              reviewDate: day,
              dateClosed: null,
              lastUpdated: null,
            },
          ],
          [meeting],
          day,
          new Date(2020, 9, 8),
          s,
        ).fields ?? {}
      );
    case 'Report cover':
      return reportCoverPaper(items[0], day, [member], s).fields ?? {};
    default:
      return {};
  }
}
