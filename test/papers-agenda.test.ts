import {agendaPaper, itemsOfMeeting, membership, orderAgenda} from '../src/papers/agenda';
import {paperText} from '../src/papers/model';
import {PaperError} from '../src/papers/errors';
import {SETTINGS, day, item, meeting, member} from './papers-helpers';

const items = [
  item({
    section: 'Information and monitoring',
    title: 'Quarterly performance report',
    leadOfficer: 'Head of Quality',
    paperStatus: 'To follow',
  }),
  item({
    section: 'Constitutional matters',
    title: 'Minutes of the previous meeting',
    standing: true,
    itemNo: 2,
    paperStatus: 'Received',
  }),
  item({
    section: 'Constitutional matters',
    title: 'Apologies for absence and declarations of interest',
    standing: true,
    itemNo: 1,
    paperStatus: 'No paper',
  }),
  item({
    section: 'Exempt items',
    title: 'Homecare provider failure: contingency costs',
    leadOfficer: 'Director of Commissioning',
    notes: 'Commercially sensitive figures from Example Care Ltd',
  }),
  item({
    section: 'Key decisions',
    title: 'Recommissioning of supported living',
    keyDecisionRef: 'KD2020/15',
    purpose: 'To decide',
    leadOfficer: 'Commissioning Manager',
  }),
  item({
    section: 'Decisions',
    title: 'Care home fee uplift for residents of Elm House',
    confidential: true,
    notes: 'Named residents',
  }),
  item({section: 'Decisions', title: 'Carers strategy refresh', purpose: 'To approve'}),
  item({meeting: day('2020-12-10'), section: 'Decisions', title: 'Another meeting'}),
];
const members = [
  member({
    name: 'Pat Vice',
    role: 'Vice-chair',
    email: 'pat.vice@example.org',
    phone: '01632 960001',
  }),
  member({
    name: 'Alex Chair',
    role: 'Chair',
    email: 'alex.chair@example.org',
    phone: '01632 960002',
  }),
  member({name: 'Bo Member', role: 'Member', email: 'bo@example.org', phone: '07700 900003'}),
  member({name: 'Gone Member', role: 'Member', status: 'Left', email: 'gone@example.org'}),
  member({name: 'Olly Officer', role: 'Lead officer', email: 'olly@example.org'}),
];

describe('agenda', () => {
  const ordered = orderAgenda(itemsOfMeeting(items, meeting(), SETTINGS));

  test('items follow the section order and are numbered consecutively, exempt items last', () => {
    expect(ordered.map(i => `${i.no} ${i.title}`)).toEqual([
      '1 Apologies for absence and declarations of interest',
      '2 Minutes of the previous meeting',
      '3 Recommissioning of supported living',
      '4 Carers strategy refresh',
      '5 Quarterly performance report',
      '6 Care home fee uplift for residents of Elm House',
      '7 Homecare provider failure: contingency costs',
    ]);
    expect(ordered.filter(i => i.exempt).map(i => i.no)).toEqual([6, 7]);
  });

  test('full version: heading block, items table with sections, exempt part after the resolution, membership without contacts', () => {
    const paper = agendaPaper(meeting(), ordered, members, SETTINGS, 'full');
    expect(paper.name).toBe('Adults Committee – Agenda – 8 October 2020');
    expect(paper.blocks[0]).toEqual({kind: 'title', text: 'Adults Committee'});
    const details = paper.blocks[1];
    expect(details.kind === 'table' && details.rows.slice(1, 4)).toEqual([
      ['Date', 'Thursday 8 October 2020'],
      ['Time', '10:00 to 12:00'],
      ['Venue', 'Council Chamber, County Hall'],
    ]);
    const tbl = paper.blocks.find(b => b.kind === 'table' && b.rows[0][0] === 'No.');
    if (tbl?.kind !== 'table') throw new Error('no items table');
    expect(tbl.rows[0]).toEqual(['No.', 'Item', 'Purpose', 'Lead officer', 'Paper']);
    const firstCol = tbl.rows.map(r => r[0] || r[1]);
    expect(firstCol).toEqual([
      'No.',
      'CONSTITUTIONAL MATTERS',
      '1',
      '2',
      'KEY DECISIONS',
      '3',
      'DECISIONS',
      '4',
      'INFORMATION AND MONITORING',
      '5',
      'EXEMPT ITEMS: EXCLUSION OF THE PRESS AND PUBLIC',
      expect.stringMatching(/^To resolve that, under Section 100A\(4\)/),
      '6',
      '7',
    ]);
    expect(tbl.rows.find(r => r[0] === '5')).toEqual([
      '5',
      'Quarterly performance report',
      'To note',
      'Head of Quality',
      'To follow',
    ]);
    expect(tbl.rows.find(r => r[0] === '3')?.[1]).toBe(
      'Recommissioning of supported living (key decision KD2020/15)',
    );
    const text = paperText(paper);
    // Contact details only in the clerk's block: never a member's email or phone.
    expect(text).not.toContain('alex.chair@example.org');
    const mem = paper.blocks[paper.blocks.length - 3];
    expect(mem.kind === 'table' && mem.rows.map(r => `${r[0]}|${r[1]}`)).toEqual([
      'Name|Role',
      'Alex Chair|Chair',
      'Pat Vice|Vice-chair',
      'Bo Member|Member',
    ]);
    expect(text).toContain(
      'Clerk to the Adults Committee: Sam Clerk, clerk@example.org, 01632 960123.',
    );
  });

  test('public version contains no text of any confidential item and no member email or phone', () => {
    const paper = agendaPaper(meeting(), ordered, members, SETTINGS, 'public');
    expect(paper.name).toBe('Adults Committee – Agenda – 8 October 2020 (public)');
    const text = paperText(paper) + JSON.stringify(paper.fields);
    for (const i of ordered.filter(x => x.exempt)) {
      expect(text).not.toContain(i.title);
      if (i.notes) expect(text).not.toContain(i.notes);
      if (i.leadOfficer) expect(text).not.toContain(i.leadOfficer);
    }
    for (const m of members) {
      expect(text).not.toContain(m.email);
      if (m.phone) expect(text).not.toContain(m.phone);
    }
    expect(text).toContain('2 exempt items: details are not published.');
    expect(text).toContain('Carers strategy refresh');
  });

  test('membership: chair and vice-chair first, leavers and officers left out', () => {
    expect(membership(members).map(m => m.name)).toEqual(['Alex Chair', 'Pat Vice', 'Bo Member']);
  });

  test('bad input gets plain messages', () => {
    expect(() => itemsOfMeeting(items, meeting({date: day('2021-01-07')}), SETTINGS)).toThrow(
      new PaperError(
        'The meeting on 7 January 2021 has no agenda items. Add rows with that Meeting date on the Agenda tab, or select the meeting and choose Committee > Papers > Build agenda for selected meeting.',
      ),
    );
    expect(() => orderAgenda([item({row: 14, section: '', title: 'Budget'})])).toThrow(
      'Agenda row 14 ("Budget") has no Section. Choose one of: Constitutional matters, Key decisions, Decisions, Information and monitoring, Exempt items.',
    );
  });
});
