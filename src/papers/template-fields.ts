/**
 * The placeholders each kind of paper offers, worked out from a sample paper (one made-up
 * record per list), so "Check templates" knows every name, including the columns of lists that
 * happen to be empty for a given meeting.
 */
import {agendaFields, orderAgenda, PaperSettings} from './agenda';
import {actionLogPaper} from './action-log';
import {AgendaItem, Meeting, Member} from './data';
import {minutesPaper} from './minutes';
import {FieldValue, Paper} from './model';
import {reportCoverPaper} from './report-cover';

const day = new Date(2020, 9, 8);
const meeting: Meeting = {
  row: 2,
  date: day,
  start: '10:00',
  end: '12:00',
  venue: 'x',
  type: 'Ordinary',
  status: 'Confirmed',
  reportDeadline: day,
  despatchBy: day,
  notes: '',
};
const item: AgendaItem = {
  row: 2,
  date: day,
  itemNo: 1,
  section: 'Decisions',
  title: 'x',
  purpose: 'To note',
  lead: 'x',
  keyRef: 'x',
  paperStatus: 'Received',
  confidential: false,
  standing: false,
  link: '',
  notes: '',
};
const member: Member = {
  row: 2,
  name: 'x',
  organisation: 'x',
  role: 'Member',
  email: 'x@example.org',
  phone: 'x',
  status: 'Active',
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
      return minutesPaper(meeting, items, [], [member], s).fields ?? {};
    case 'Action log':
      return (
        actionLogPaper(
          [
            {
              row: 2,
              date: new Date(2020, 6, 9),
              minute: '1',
              report: 'x',
              by: 'x',
              action: 'x',
              comments: '',
              status: 'Open',
              review: day,
              closed: null,
            },
          ],
          [meeting],
          day,
          day,
          s,
        ).fields ?? {}
      );
    case 'Report cover':
      return reportCoverPaper(items[0], day, [member], s).fields ?? {};
    default:
      return {};
  }
}
