/**
 * What the agenda says for each kind of group (Settings "Group type"), and how it looks as a
 * council's does: an AGENDA heading, Schedule 12A paragraphs for councils only, no internal
 * paper statuses in public, the next meeting's date, the group's font, header and footer with
 * page numbers, and table columns never narrower than their longest word.
 */
import {unzipSync, strFromU8} from 'fflate';
import {agendaPaper, orderAgenda, publicPaperStatus} from '../src/papers/agenda';
import {columnWidths} from '../src/papers/docx';
import {paperDocx} from './papers/docx-bytes';
import {paperText} from '../src/papers/model';
import {withheldText} from '../src/papers/wording';
import {reportCoverPaper} from '../src/papers/report-cover';
import {SETTINGS, day, item, meeting, member} from './papers-helpers';

const items = orderAgenda([
  item({
    row: 2,
    section: 'Constitutional matters',
    title: 'Minutes of the previous meeting',
    standing: true,
    paperStatus: 'Circulate by email',
  }),
  item({row: 3, section: 'Decisions', title: 'Carers strategy refresh', paperStatus: 'Awaited'}),
  item({
    row: 4,
    section: 'Information and monitoring',
    title: 'Date of next meeting',
    standing: true,
    paperStatus: 'No paper',
  }),
  item({
    row: 5,
    section: 'Exempt items',
    title: 'Provider failure costs',
    confidential: true,
    exemptParagraph: '3',
  }),
]);
const next = meeting({date: day('2021-01-14'), start: 14 * 60, status: 'Provisional'});

describe('group type wording', () => {
  test('a council committee: public welcome, exclusion resolution, paragraph cited', () => {
    const full = paperText(agendaPaper(meeting(), items, [], SETTINGS, 'full', next));
    const pub = paperText(agendaPaper(meeting(), items, [], SETTINGS, 'public', next));
    expect(pub).toContain(
      'Members of the public are welcome to attend the public part of this meeting.',
    );
    expect(full).toContain('EXEMPT ITEMS: EXCLUSION OF THE PRESS AND PUBLIC');
    expect(full).toMatch(
      /To resolve that, under Section 100A\(4\) of the Local Government Act 1972/,
    );
    expect(full).toContain(
      'Provider failure costs (Exempt information: paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972)',
    );
    expect(pub).toContain(
      '1 exempt item (paragraph 3 of Schedule 12A): details are not published.',
    );
    expect(withheldText('Council committee', 4, '3')).toBe(
      'The report for item 4 is not for publication: it contains exempt information as defined in paragraph 3 (information relating to the financial or business affairs of any particular person (including the authority holding that information)) of Part 1 of Schedule 12A to the Local Government Act 1972.',
    );
  });

  test('an informal group: not open to the public, no Local Government Act wording', () => {
    const s = {...SETTINGS, groupType: 'Informal group' as const};
    const full = paperText(agendaPaper(meeting(), items, [], s, 'full', next));
    const pub = paperText(agendaPaper(meeting(), items, [], s, 'public', next));
    expect(pub).toContain('This meeting is not open to the public.');
    for (const t of [full, pub]) {
      expect(t).not.toMatch(/Local Government Act|Schedule 12A|press and public|welcome to attend/);
    }
    expect(full).toContain('CONFIDENTIAL ITEMS (NOT FOR PUBLICATION)');
    expect(pub).toContain('1 confidential item: details are not published.');
    expect(withheldText('Informal group', 4, '3')).toBe(
      'The paper for item 4 is confidential and is not published.',
    );
  });

  test('a partnership board: no statutory wording either', () => {
    const s = {...SETTINGS, groupType: 'Partnership board' as const};
    const pub = paperText(agendaPaper(meeting(), items, [], s, 'public', next));
    expect(pub).toContain('Observers are welcome by arrangement with the clerk.');
    expect(pub).not.toMatch(/Local Government Act|Schedule 12A/);
  });

  test('templates get the wording as fields, to say it their own way', () => {
    const f = agendaPaper(meeting(), items, [], SETTINGS, 'full', next).fields!;
    expect(f.group_type).toBe('Council committee');
    expect(f.is_council).toBe(true);
    expect(String(f.exclusion_resolution)).toMatch(/^To resolve that/);
    expect((f.items as {exempt_paragraph: string}[]).map(i => i.exempt_paragraph)).toEqual([
      '',
      '',
      '',
      '3',
    ]);
  });
});

describe('looks like a council agenda', () => {
  const pub = agendaPaper(meeting(), items, [], SETTINGS, 'public', next);
  test('an AGENDA heading; the next meeting under "Date of next meeting"', () => {
    expect(pub.blocks.some(b => b.kind === 'heading' && b.text === 'AGENDA')).toBe(true);
    expect(paperText(pub)).toContain(
      'Date of next meeting: Thursday 14 January 2021 at 14:00 (provisional)',
    );
  });

  test('the public version shows no internal paper status', () => {
    const t = paperText(pub);
    expect(t).not.toMatch(/Awaited|Circulate by email|Received/);
    expect(publicPaperStatus('Awaited')).toBe('To follow');
    expect(publicPaperStatus('Circulate by email')).toBe('');
    expect(publicPaperStatus('Received')).toBe('Attached');
  });

  test('the .docx: the group font, a running header and "Page X of Y" fields in the footer', () => {
    const files = unzipSync(
      paperDocx({...pub, font: 'Verdana', running: 'Adults Committee – Agenda'}),
    );
    expect(strFromU8(files['word/styles.xml'])).toContain('<w:rFonts w:ascii="Verdana"');
    expect(strFromU8(files['word/header1.xml'])).toContain('Adults Committee – Agenda');
    const footer = strFromU8(files['word/footer1.xml']);
    expect(footer).toContain(' PAGE ');
    expect(footer).toContain(' NUMPAGES ');
    expect(strFromU8(files['word/document.xml'])).toContain('<w:footerReference w:type="default"');
  });

  test('table columns are never narrower than their longest word', () => {
    const rows = [
      ['Minute no.', 'Report title', 'Action', 'Status'],
      [
        '12',
        'Sustainability',
        'A long action text that can wrap over several lines of the cell',
        'Ongoing',
      ],
    ];
    const w = columnWidths(rows, [], [1, 6, 20, 2]);
    expect(w[0]).toBeGreaterThanOrEqual('Minute'.length * 115 + 200);
    expect(w[1]).toBeGreaterThanOrEqual('Sustainability'.length * 115 + 200);
    expect(w[3]).toBeGreaterThanOrEqual('Ongoing'.length * 115 + 200);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(9638);
  });
});

describe('report cover', () => {
  test('officer contact filled from Members; the seven clearance rows', () => {
    const lead = member({
      name: 'Lee Officer',
      role: 'Lead officer',
      organisation: 'Example Council',
      email: 'lee.officer@example.org',
      phone: '01632 960099',
    });
    const it = orderAgenda([
      item({
        row: 2,
        section: 'Decisions',
        title: 'Day services review',
        leadOfficer: 'Lee Officer',
      }),
    ])[0];
    const cover = reportCoverPaper(it, day('2020-10-08'), [lead], SETTINGS);
    const details = cover.blocks.find(b => b.kind === 'table');
    expect(details?.kind === 'table' && details.rows.find(r => r[0] === 'Officer contact')).toEqual(
      ['Officer contact', 'Lee Officer, Example Council, lee.officer@example.org, 01632 960099'],
    );
    const clearances = cover.blocks[cover.blocks.length - 1];
    expect(clearances.kind === 'table' && clearances.rows.map(r => r[0])).toEqual([
      'Clearance',
      'Have the resource implications been cleared by Finance?',
      'Have the procurement/contractual issues been cleared by the Head of Procurement?',
      'Has the impact on statutory, legal and risk implications been cleared by the Monitoring Officer or Legal?',
      'Have the equality and diversity implications been cleared by your service contact?',
      'Have any engagement and communication implications been cleared by Communications?',
      'Have any localism and local member involvement issues been cleared by your service contact?',
      'Have any public health implications been cleared by Public Health?',
    ]);
  });
});
