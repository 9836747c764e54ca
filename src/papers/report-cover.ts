/** The committee report cover (committee-practice "Committee report cover"), for one agenda item. */
import {Day, Member} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
import {DATE, LONG_DATE} from './dates';
import {NumberedItem, PaperSettings, membership} from './agenda';
import {Block, Paper, h2, h3, para, table} from './model';

export const IMPLICATIONS = [
  '4.1 Resource',
  '4.2 Procurement/contractual',
  '4.3 Statutory, legal and risk',
  '4.4 Equality and diversity',
  '4.5 Engagement and communications',
  '4.6 Localism and local member involvement',
  '4.7 Public health',
];

const TO_WRITE = '[To be written by the report author.]';

/** The seven clearances of a council report cover: what is cleared, and by whom. */
export const CLEARANCES: readonly (readonly [string, string])[] = [
  ['Have the resource implications been cleared by Finance?', 'Finance'],
  [
    'Have the procurement/contractual issues been cleared by the Head of Procurement?',
    'Head of Procurement',
  ],
  [
    'Has the impact on statutory, legal and risk implications been cleared by the Monitoring Officer or Legal?',
    'Monitoring Officer or Legal',
  ],
  [
    'Have the equality and diversity implications been cleared by your service contact?',
    'Service contact',
  ],
  [
    'Have any engagement and communication implications been cleared by Communications?',
    'Communications',
  ],
  [
    'Have any localism and local member involvement issues been cleared by your service contact?',
    'Service contact',
  ],
  ['Have any public health implications been cleared by Public Health?', 'Public Health'],
];

/** "Name, post (organisation), email, phone" of the lead officer, from Members when listed there. */
export function officerContact(item: NumberedItem, members: readonly Member[]): string {
  const who = item.leadOfficer.trim();
  const m = who ? members.find(x => x.name.trim().toLowerCase() === who.toLowerCase()) : undefined;
  if (!m) return `${who || '[name]'}, [post], [email], [telephone]`;
  return [
    m.name,
    m.role === 'Lead officer' ? m.organisation : `${m.role}, ${m.organisation}`,
    m.email,
    m.phone,
  ]
    .filter(Boolean)
    .join(', ');
}

export function reportCoverPaper(
  item: NumberedItem,
  meetingDate: Day,
  members: readonly Member[],
  s: PaperSettings,
): Paper {
  const leaders = membership(members).filter(m => m.role === 'Chair' || m.role === 'Vice-chair');
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: `Report: agenda item ${item.no}`},
  ];
  if (item.exempt)
    blocks.push(
      para(
        'NOT FOR PUBLICATION: this report contains exempt information (Local Government Act 1972, Schedule 12A).',
        {bold: true},
      ),
    );
  blocks.push(h2(item.title));
  blocks.push(
    table(
      [
        ['To', s.group],
        ['Meeting date', s.dates(meetingDate, LONG_DATE)],
        ['From', item.leadOfficer || '[Lead officer]'],
        ['Electoral division(s)', 'All'],
        ['Forward plan ref', item.keyDecisionRef || 'Not applicable'],
        ['Key decision', item.keyDecisionRef || item.section === 'Key decisions' ? 'Yes' : 'No'],
        ['Outcome', '[What this report will achieve.]'],
        [
          'Recommendation',
          `The committee is asked to ${item.purpose ? item.purpose.replace(/^To /, '').toLowerCase() : 'note'}: (a) [recommendation]; (b) [recommendation]`,
        ],
        ['Officer contact', officerContact(item, members)],
        ['Member contacts', leaders.map(m => `${m.name} (${m.role})`).join('; ') || '[names]'],
      ],
      false,
    ),
  );
  for (const [n, heading] of [
    ['1', 'Background'],
    ['2', 'Main issues'],
    ['3', 'Alignment with corporate priorities'],
  ]) {
    blocks.push(h2(`${n} ${heading}`), para(TO_WRITE, {italic: true}));
  }
  blocks.push(h2('4 Significant implications'));
  for (const i of IMPLICATIONS) blocks.push(h3(i), para(TO_WRITE, {italic: true}));
  blocks.push(
    h2('5 Source documents'),
    para(item.paperLink ? `Paper: ${item.paperLink}` : 'None.', {italic: !item.paperLink}),
  );
  blocks.push(h2('Officer clearances'));
  blocks.push({
    kind: 'table',
    rows: [['Clearance', 'Yes / No', 'Name of officer'], ...CLEARANCES.map(([q]) => [q, '', ''])],
    header: true,
    widths: [14, 3, 6],
  });
  return {
    kind: 'Report cover',
    name: `${s.group} – Report – ${item.title} – ${s.dates(meetingDate, DATE)}`,
    blocks,
    fields: {
      group_name: s.group,
      meeting_date: dateOfIso(meetingDate),
      item_no: item.no,
      title: item.title,
      lead_officer: item.leadOfficer,
      key_decision_ref: item.keyDecisionRef,
      purpose: item.purpose,
      is_exempt: item.exempt,
      officer_contact: officerContact(item, members),
    },
  };
}
