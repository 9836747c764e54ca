/**
 * The fictional demo group (`clerk new --demo`, `npm start`): the Northfield Care Providers'
 * Sector Leadership Group. Every name is invented and every address is @example.org; phone
 * numbers are in Ofcom's drama range (01632 960xxx). Dates are fixed around 2026 so that a
 * run with --today 2026-11-23 always sees the same picture: three meetings held, the next on
 * 10/12/2026 with its papers due, a provisional one in March 2027, actions overdue and due soon.
 */
import {TAB} from './schema';
import {Cell, WorkbookError, appendRecords, getTab, readTable} from './table';
import {formulaFor} from './formulas';
import {serialOf, dayFraction} from './dates';

export type Rec = Record<string, Cell>;

/** dd/mm/yyyy → serial. */
export function d(text: string): number {
  const [dd, mm, yyyy] = text.split('/').map(Number);
  const s = serialOf(yyyy, mm, dd);
  if (s === null) throw new Error(`demo: bad date ${text}`);
  return s;
}
export const t = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return dayFraction(h * 60 + m);
};

export const DEMO_SETTINGS: Readonly<Record<string, string>> = {
  'Group name': "Northfield Care Providers' Sector Leadership Group",
  Chair: 'Priya Desai',
  'Clerk name': 'Tom Okafor',
  'Clerk email': 'clerk@example.org',
  'Clerk phone': '01632 960100',
  Venue: 'Room 2, Northfield Civic Centre',
};

export const DEMO_MEMBERS: Rec[] = [
  {
    Name: 'Priya Desai',
    Organisation: 'Larkspur Homes Ltd',
    Role: 'Chair',
    'Nominated by': 'Northfield Care Association',
    'Provider size': 'Large',
    'Client groups': 'Older people; Physical disability',
    'Service types': 'Residential care; Nursing care',
    Email: 'priya.desai@example.org',
    Phone: '01632 960001',
    'Term start': d('01/04/2025'),
    'Term end': d('31/03/2027'),
    Status: 'Active',
    // Terms separated by "; ": Build agenda and the minutes draft match them to items.
    'Interests declared': 'Director of Larkspur Homes Ltd; Lot 1',
    'Interests reviewed on': d('15/04/2025'),
  },
  {
    Name: 'Gareth Lewis',
    Organisation: 'Brookside Support CIC',
    Role: 'Vice-chair',
    'Nominated by': 'Northfield Supported Living Network',
    'Provider size': 'Small',
    'Client groups': 'Learning disability; Mental health',
    'Service types': 'Supported living; Day services',
    Email: 'gareth.lewis@example.org',
    Phone: '01632 960002',
    'Term start': d('01/04/2025'),
    'Term end': d('31/03/2027'),
    Status: 'Active',
    'Interests declared': 'Brookside Support CIC; Lot 3',
    'Interests reviewed on': d('02/04/2026'),
  },
  {
    Name: 'Amina Yusuf',
    Organisation: 'Harbour Homecare',
    Role: 'Member',
    'Nominated by': 'Northfield Homecare Forum',
    'Provider size': 'Large',
    'Client groups': 'Older people; Carers',
    'Service types': 'Homecare; Extra care',
    Email: 'amina.yusuf@example.org',
    Phone: '01632 960003',
    'Term start': d('01/01/2024'),
    'Term end': d('31/12/2026'),
    Status: 'Active',
    Notes: 'Term ends soon: ask the Homecare Forum to renominate.',
    'Interests declared': 'Harbour Homecare; Lot 2',
    'Interests reviewed on': d('10/01/2026'),
  },
  {
    Name: 'Daniel Price',
    Organisation: 'Willow Lane Care',
    Role: 'Member',
    'Provider size': 'Small',
    'Client groups': 'Older people; Learning disability',
    'Service types': 'Residential care',
    Email: 'daniel.price@example.org',
    Phone: '01632 960004',
    'Term start': d('01/04/2025'),
    'Term end': d('31/03/2027'),
    Status: 'Active',
  },
  {
    Name: 'Sofia Marin',
    Organisation: 'Meadow Community Services',
    Role: 'Member',
    'Provider size': 'Small',
    'Client groups': 'Mental health; Physical disability',
    'Service types': 'Supported living; Other unregulated support',
    Email: 'sofia.marin@example.org',
    Phone: '01632 960005',
    'Term start': d('01/04/2025'),
    'Term end': d('31/03/2027'),
    Status: 'Active',
  },
  {
    Name: 'Helen Brooks',
    Organisation: 'Northfield Council, Adult Social Care',
    Role: 'Lead officer',
    'Provider size': 'Not a provider',
    Email: 'helen.brooks@example.org',
    Phone: '01632 960006',
    'Term start': d('01/04/2025'),
    Status: 'Active',
  },
  {
    Name: 'Marcus Reid',
    Organisation: 'Northfield Council, Democratic Services',
    Role: 'Secretariat',
    'Provider size': 'Not a provider',
    Email: 'marcus.reid@example.org',
    Phone: '01632 960007',
    'Term start': d('01/04/2025'),
    Status: 'Active',
  },
  {
    Name: 'Owen Hughes',
    Organisation: 'Brookside Support CIC',
    Role: 'Deputy',
    'Deputy for': 'Gareth Lewis',
    'Provider size': 'Small',
    'Client groups': 'Learning disability',
    'Service types': 'Supported living',
    Email: 'owen.hughes@example.org',
    Phone: '01632 960008',
    'Term start': d('01/04/2025'),
    'Term end': d('31/03/2027'),
    Status: 'Active',
  },
  {
    Name: 'Linda Carter',
    Organisation: 'Oakfield Nursing Home',
    Role: 'Member',
    'Nominated by': 'Northfield Care Association',
    'Provider size': 'Large',
    'Client groups': 'Older people',
    'Service types': 'Nursing care',
    Email: 'linda.carter@example.org',
    Phone: '01632 960009',
    'Term start': d('01/04/2023'),
    'Term end': d('31/03/2026'),
    Status: 'Left',
    Notes: 'Term ended; not renominated.',
  },
];

export const DEMO_MEETINGS: Rec[] = [
  {
    'Meeting date': d('12/02/2026'),
    'Start time': t('10:00'),
    'End time': t('12:00'),
    Venue: 'Room 2, Northfield Civic Centre',
    Type: 'Ordinary',
    Status: 'Held',
    'Agenda published on': d('03/02/2026'),
    'Minutes approved on': d('14/05/2026'),
  },
  {
    'Meeting date': d('14/05/2026'),
    'Start time': t('10:00'),
    'End time': t('12:00'),
    Venue: 'Room 2, Northfield Civic Centre',
    Type: 'Ordinary',
    Status: 'Held',
    'Agenda published on': d('05/05/2026'),
    'Minutes approved on': d('10/09/2026'),
  },
  {
    'Meeting date': d('10/09/2026'),
    'Start time': t('10:00'),
    'End time': t('12:30'),
    Venue: 'virtual',
    Type: 'Ordinary',
    Status: 'Held',
    'Agenda published on': d('01/09/2026'),
    Chair: 'Gareth Lewis', // the vice-chair: the chair had an interest in the main item
  },
  {
    'Meeting date': d('15/10/2026'),
    'Start time': t('13:00'),
    'End time': t('15:00'),
    Venue: 'Room 4, Northfield Civic Centre',
    Type: 'Workshop',
    Status: 'Held',
    Notes: 'Market position statement workshop.',
  },
  {
    'Meeting date': d('10/12/2026'),
    'Start time': t('10:00'),
    'End time': t('12:00'),
    Venue: 'Room 2, Northfield Civic Centre',
    Type: 'Ordinary',
    Status: 'Confirmed',
  },
  {
    'Meeting date': d('11/03/2027'),
    'Start time': t('10:00'),
    'End time': t('12:00'),
    Venue: 'Room 2, Northfield Civic Centre',
    Type: 'Ordinary',
    Status: 'Provisional',
  },
];

const NEXT = d('10/12/2026');
/** An Agenda row of a demo meeting (not confidential, not a standing item unless `extra` says). */
export const agendaItem = (
  meeting: number,
  section: string,
  title: string,
  purpose: string,
  lead: string,
  paper: string,
  extra: Rec = {},
): Rec => ({
  'Meeting date': meeting,
  Section: section,
  Title: title,
  Purpose: purpose,
  'Lead officer': lead,
  'Paper status': paper,
  Confidential: 'No',
  'Standing item': 'No',
  ...extra,
});
const item = (
  no: number,
  section: string,
  title: string,
  purpose: string,
  lead: string,
  paper: string,
  extra: Rec = {},
): Rec => agendaItem(NEXT, section, title, purpose, lead, paper, {'Item no.': no, ...extra});

export const DEMO_AGENDA: Rec[] = [
  item(
    1,
    'Constitutional matters',
    'Apologies for absence and declarations of interest',
    'To note',
    'Tom Okafor',
    'No paper',
    {'Standing item': 'Yes'},
  ),
  item(
    2,
    'Constitutional matters',
    'Minutes of the previous meeting',
    'To approve',
    'Tom Okafor',
    'Received',
    {'Standing item': 'Yes'},
  ),
  item(3, 'Constitutional matters', 'Action log', 'To note', 'Tom Okafor', 'Received', {
    'Standing item': 'Yes',
  }),
  item(
    4,
    'Key decisions',
    'Recommissioning of homecare (Lot 2): approach to market',
    'To decide',
    'Helen Brooks',
    'Awaited',
    {'Key decision ref': 'KD/2026/031', 'To full Council': 'Yes'},
  ),
  item(
    5,
    'Decisions',
    'Fee uplift 2027/28 for residential and nursing care',
    'To decide',
    'Helen Brooks',
    'To follow',
  ),
  item(6, 'Decisions', 'Terms of reference review', 'To approve', 'Marcus Reid', 'Received'),
  item(
    7,
    'Information and monitoring',
    'Market sustainability report, quarter 2',
    'To note',
    'Helen Brooks',
    'Circulate by email',
  ),
  item(
    8,
    'Information and monitoring',
    'Workforce recruitment and retention update',
    'To comment',
    'Sofia Marin',
    'Received',
  ),
  item(
    9,
    'Information and monitoring',
    'Forward agenda plan',
    'To note',
    'Tom Okafor',
    'Received',
    {'Standing item': 'Yes'},
  ),
  item(
    10,
    'Information and monitoring',
    'Date of next meeting',
    'To note',
    'Tom Okafor',
    'No paper',
    {'Standing item': 'Yes'},
  ),
  item(
    11,
    'Exempt items',
    'Provider of concern: contract performance (Lot 1)',
    'To decide',
    'Helen Brooks',
    'Received',
    {
      Confidential: 'Yes',
      Notes: 'Exempt: information about the financial or business affairs of a particular person.',
    },
  ),
  {
    'Meeting date': d('10/09/2026'),
    'Item no.': 4,
    Section: 'Key decisions',
    Title: 'Extension of the supported living framework (Lot 3)',
    Purpose: 'To decide',
    'Lead officer': 'Helen Brooks',
    'Key decision ref': 'KD/2026/022',
    'Paper status': 'Received',
    Confidential: 'No',
    'Standing item': 'No',
  },
  {
    'Meeting date': d('10/09/2026'),
    'Item no.': 5,
    Section: 'Information and monitoring',
    Title: 'Annual complaints and compliments report',
    Purpose: 'To note',
    'Lead officer': 'Helen Brooks',
    'Paper status': 'Received',
    Confidential: 'No',
    'Standing item': 'No',
  },
  {
    Title: 'Carers strategy refresh',
    Section: 'Decisions',
    Purpose: 'To comment',
    'Lead officer': 'Helen Brooks',
    'Paper status': 'Awaited',
    Confidential: 'No',
    'Standing item': 'No',
    Notes: 'To be programmed.',
  },
];

const act = (
  meeting: string,
  minute: string,
  report: string,
  by: string,
  action: string,
  status: string,
  review: string,
  closed = '',
  comments = '',
  updated = '',
): Rec => ({
  'Meeting date': d(meeting),
  'Minute no.': minute,
  'Report title': report,
  'Action to be taken by': by,
  Action: action,
  Comments: comments,
  Status: status,
  'Review date': review ? d(review) : '',
  'Date closed': closed ? d(closed) : '',
  'Last updated': d(updated || closed || meeting),
});

export const DEMO_ACTIONS: Rec[] = [
  act(
    '12/02/2026',
    '4',
    'Market sustainability',
    'Helen Brooks',
    'Circulate the cost of care summary to members',
    'Closed',
    '',
    '20/02/2026',
    'Sent by email.',
  ),
  act(
    '12/02/2026',
    '5',
    'Workforce',
    'Sofia Marin',
    'Share the recruitment campaign materials',
    'Closed',
    '',
    '14/05/2026',
    'Presented at May meeting.',
  ),
  act(
    '12/02/2026',
    '6',
    'Homecare',
    'Amina Yusuf; Helen Brooks',
    'Set up a task and finish group on rural homecare',
    'Ongoing',
    '03/12/2026',
    '',
    'Group has met twice.',
    '01/10/2026',
  ),
  act(
    '12/02/2026',
    '7',
    'Terms of reference',
    'Marcus Reid',
    'Draft revised terms of reference',
    'Closed',
    '',
    '01/09/2026',
  ),
  act(
    '14/05/2026',
    '3',
    'Action log',
    'Tom Okafor',
    'Add review dates to all open actions',
    'Closed',
    '',
    '20/05/2026',
  ),
  act(
    '14/05/2026',
    '4',
    'Fee uplift',
    'Helen Brooks',
    'Model three fee uplift options for 2027/28',
    'Open',
    '30/10/2026',
    '',
    'Awaiting budget settlement.',
    '14/05/2026',
  ),
  act(
    '14/05/2026',
    '5',
    'Supported living',
    'Gareth Lewis',
    'Collect provider views on the framework extension',
    'Closed',
    '',
    '01/09/2026',
  ),
  act(
    '14/05/2026',
    '6',
    'Day services',
    'Gareth Lewis; Owen Hughes',
    'Map day opportunities by locality',
    'On hold',
    '15/01/2027',
    '',
    'Paused until the new lead officer starts.',
    '10/09/2026',
  ),
  act(
    '14/05/2026',
    '7',
    'Quality',
    'Daniel Price',
    'Report on CQC inspection outcomes for small providers',
    'Open',
    '01/11/2026',
    '',
    '',
    '14/05/2026',
  ),
  act(
    '14/05/2026',
    '8',
    'Training',
    'Priya Desai',
    'Agree a shared training calendar',
    'Ongoing',
    '26/11/2026',
    '',
    'Draft calendar circulated.',
    '10/09/2026',
  ),
  act(
    '10/09/2026',
    '3',
    'Minutes',
    'Tom Okafor',
    'Publish the approved May minutes',
    'Closed',
    '',
    '15/09/2026',
  ),
  act(
    '10/09/2026',
    '4',
    'Supported living framework',
    'Helen Brooks',
    'Issue extension notices to Lot 3 providers',
    'Closed',
    '',
    '30/09/2026',
  ),
  act(
    '10/09/2026',
    '5',
    'Complaints',
    'Helen Brooks',
    'Circulate the complaints themes to providers',
    'Open',
    '20/11/2026',
    '',
    '',
    '10/09/2026',
  ),
  act(
    '10/09/2026',
    '6',
    'Workforce',
    'Sofia Marin; Amina Yusuf',
    'Survey providers on international recruitment',
    'Open',
    '27/11/2026',
    '',
    '',
    '10/09/2026',
  ),
  act(
    '10/09/2026',
    '7',
    'Market sustainability',
    'Priya Desai',
    'Write to the Director about rural travel time costs',
    'Ongoing',
    '10/12/2026',
    '',
    'Letter drafted.',
    '01/11/2026',
  ),
  act(
    '10/09/2026',
    '8',
    'Forward plan',
    'Tom Okafor',
    'Add the carers strategy to the forward plan',
    'Open',
    '10/12/2026',
    '',
    '',
    '10/09/2026',
  ),
  act(
    '15/10/2026',
    '1',
    'Market position statement',
    'Helen Brooks',
    'Redraft the market position statement after the workshop',
    'Open',
    '05/11/2026',
    '',
    '',
    '15/10/2026',
  ),
  act(
    '15/10/2026',
    '2',
    'Market position statement',
    'Daniel Price; Sofia Marin',
    'Provide small-provider case studies',
    'Ongoing',
    '11/03/2027',
    '',
    '',
    '01/11/2026',
  ),
  act(
    '15/10/2026',
    '3',
    'Digital',
    'Owen Hughes',
    'Find out which providers use digital care records',
    'On hold',
    '11/03/2027',
    '',
    'Waiting for the national survey results.',
    '15/10/2026',
  ),
  act(
    '15/10/2026',
    '4',
    'Workshop',
    'Tom Okafor',
    'Circulate the workshop notes',
    'Closed',
    '',
    '20/10/2026',
  ),
];

const att = (meeting: string, member: string, attendance: string, extra: Rec = {}): Rec => ({
  'Meeting date': d(meeting),
  Member: member,
  Attendance: attendance,
  ...extra,
});
export const DEMO_ATTENDANCE: Rec[] = [
  ...[
    'Priya Desai',
    'Gareth Lewis',
    'Amina Yusuf',
    'Daniel Price',
    'Sofia Marin',
    'Helen Brooks',
    'Marcus Reid',
  ].map(m => att('12/02/2026', m, 'Present')),
  att('12/02/2026', 'Linda Carter', 'Apologies'),
  att('14/05/2026', 'Priya Desai', 'Present', {
    'Declarations of interest': 'Item 4: director of a Lot 1 provider',
  }),
  att('14/05/2026', 'Gareth Lewis', 'Substitute attended', {Substitute: 'Owen Hughes'}),
  ...['Amina Yusuf', 'Sofia Marin', 'Helen Brooks', 'Marcus Reid'].map(m =>
    att('14/05/2026', m, 'Present'),
  ),
  att('14/05/2026', 'Daniel Price', 'Absent'),
  ...[
    'Priya Desai',
    'Gareth Lewis',
    'Daniel Price',
    'Sofia Marin',
    'Helen Brooks',
    'Marcus Reid',
  ].map(m => att('10/09/2026', m, 'Present')),
  att('10/09/2026', 'Amina Yusuf', 'Apologies'),
];

const con = (
  ref: string,
  provider: string,
  what: string,
  lot: string,
  funding: string,
  value: number,
  start: string,
  end: string,
  ext: string,
  notice: number,
  extra: Rec = {},
): Rec => ({
  Reference: ref,
  Provider: provider,
  'Contract/grant': what,
  Lot: lot,
  'Funding type': funding,
  'Annual value': value,
  'Start date': d(start),
  'End date': d(end),
  'Extension options': ext,
  'Notice period (days)': notice,
  Commissioner: 'Helen Brooks',
  Status: 'Active',
  ...extra,
});
export const DEMO_CONTRACTS: Rec[] = [
  con(
    'NC-101',
    'Larkspur Homes Ltd',
    'Residential and nursing care framework',
    '1',
    'Contract',
    1250000,
    '01/04/2022',
    '31/03/2027',
    '5+2',
    90,
  ),
  con(
    'NC-102',
    'Oakfield Nursing Home',
    'Residential and nursing care framework',
    '1',
    'Contract',
    860000,
    '01/04/2022',
    '31/03/2027',
    '5+2',
    90,
  ),
  con(
    'NC-103',
    'Willow Lane Care',
    'Residential care block beds',
    '1',
    'Contract',
    415000,
    '01/07/2023',
    '30/06/2028',
    '5+2',
    90,
  ),
  con(
    'NC-201',
    'Harbour Homecare',
    'Homecare, north zone',
    '2',
    'Contract',
    2100000,
    '01/10/2021',
    '30/09/2026',
    '5+2',
    180,
    {
      'Extended to': d('31/03/2027'),
      Status: 'Ending',
      Notes: 'Extended while Lot 2 is recommissioned.',
    },
  ),
  con(
    'NC-202',
    'Riverside Care at Home',
    'Homecare, south zone',
    '2',
    'Contract',
    1800000,
    '01/10/2021',
    '30/09/2026',
    '5+2',
    180,
    {'Extended to': d('31/03/2027'), Status: 'Ending'},
  ),
  con(
    'NC-203',
    'Harbour Homecare',
    'Extra care scheme, Mill Court',
    '2',
    'Direct award',
    320000,
    '01/04/2024',
    '31/03/2026',
    '1+1',
    30,
    {Status: 'Ended'},
  ),
  con(
    'NC-301',
    'Brookside Support CIC',
    'Supported living framework',
    '3',
    'Contract',
    980000,
    '01/04/2020',
    '31/03/2025',
    '5+2',
    90,
    {'Extended to': d('31/03/2027')},
  ),
  con(
    'NC-302',
    'Meadow Community Services',
    'Supported living framework',
    '3',
    'Contract',
    640000,
    '01/04/2020',
    '31/03/2025',
    '5+2',
    90,
    {'Extended to': d('31/03/2027')},
  ),
  con(
    'NC-303',
    'Meadow Community Services',
    'Mental health recovery service',
    '3',
    'Section 75',
    750000,
    '01/04/2024',
    '31/03/2029',
    'none',
    180,
    {
      'LA contribution': 450000,
      'Partner contribution': 300000,
      Commissioner: 'Helen Brooks (with Northfield ICB)',
      Notes: 'Pooled budget under section 75: 60% council, 40% NHS partner.',
    },
  ),
  con(
    'NC-401',
    'Brookside Support CIC',
    'Day opportunities',
    '4',
    'Contract',
    290000,
    '01/04/2023',
    '31/03/2028',
    '3+2',
    60,
  ),
  con(
    'NC-402',
    'Northfield Carers Centre',
    'Carers support grant',
    '4',
    'Grant',
    120000,
    '01/04/2025',
    '31/03/2027',
    '',
    30,
  ),
  con(
    'NC-403',
    'Village Links Trust',
    'Community connectors',
    '4',
    'Grant',
    65000,
    '01/01/2026',
    '31/12/2026',
    '',
    30,
  ),
];

export const DEMO_LOTS: Rec[] = [
  {
    Lot: '1',
    Title: 'Residential and nursing care',
    'Annual scoped spend': 2600000,
    'Our annual contribution': 2350000,
    'Uplift %': 0.05,
    'Term (years)': 7,
  },
  {
    Lot: '2',
    Title: 'Homecare and extra care',
    'Annual scoped spend': 4300000,
    'Our annual contribution': 4100000,
    'Uplift %': 0.06,
    'Term (years)': 7,
  },
  {
    Lot: '3',
    Title: 'Supported living and mental health',
    'Annual scoped spend': 2450000,
    'Our annual contribution': 2070000,
    'Uplift %': 0.04,
    'Term (years)': 7,
  },
  {
    Lot: '4',
    Title: 'Day opportunities and community support',
    'Annual scoped spend': 500000,
    'Our annual contribution': 475000,
    'Uplift %': 0.03,
    'Term (years)': 5,
  },
];

/** An 8-quarter model of a reablement service: spend first, cost avoided grows as hours build up. */
export const DEMO_CASH_FLOW: Rec[] = [
  ['Q1 2026/27', 120, 60000],
  ['Q2 2026/27', 220, 45000],
  ['Q3 2026/27', 320, 40000],
  ['Q4 2026/27', 400, 40000],
  ['Q1 2027/28', 450, 38000],
  ['Q2 2027/28', 480, 38000],
  ['Q3 2027/28', 500, 38000],
  ['Q4 2027/28', 500, 38000],
  // At £12.50 saved an hour: cumulative −40,500, −49,750, −37,750, −12,750, then +22,375 in
  // Q1 2027/28 (break-even); payback 52 weeks + 12,750 ÷ 35,125 × 13 weeks ≈ 56.7 weeks ≈ 1 year 1 month.
].map(([period, hours, spend]) => ({
  Period: period as string,
  'Hours per week': hours as number,
  'Weeks in period': 13,
  'Saving per hour': 12.5,
  Expenditure: spend as number,
}));

export const DEMO_HOLIDAYS: Rec[] = [
  {Date: d('29/12/2026'), Name: 'Council offices closed'},
  {Date: d('30/12/2026'), Name: 'Council offices closed'},
  {Date: d('31/12/2026'), Name: 'Council offices closed'},
];

/** Resolutions of the held meetings (Decisions tab). */
export const DEMO_DECISIONS: Rec[] = [
  {
    'Meeting date': d('12/02/2026'),
    'Minute no.': '4',
    Item: 'Homecare framework: Lot 2 uplift',
    Decision: 'Recommended a 6% uplift to the Lot 2 budget for 2026/27.',
    Type: 'Recommended to Council',
    'Implementation status': 'Implemented',
  },
  {
    'Meeting date': d('14/05/2026'),
    'Minute no.': '5',
    Item: 'Provider workforce survey',
    Decision: 'Noted the survey results; a recruitment task group to report in September.',
    Type: 'Noted',
  },
  {
    'Meeting date': d('10/09/2026'),
    'Minute no.': '6',
    Item: 'Market position statement',
    Decision: 'Agreed the draft market position statement for consultation with providers.',
    Type: 'Resolved',
    'Implementation status': 'In progress',
  },
];

/** The demo group's self-assessment of four risk triggers: [trigger begins, RAG, evidence, support]. */
const DEMO_RATINGS: readonly (readonly [string, string, string, string])[] = [
  [
    'Recruitment and retention',
    'Red',
    'Care worker vacancies at 14% (regional average 9%).',
    'Targeted support',
  ],
  [
    'Significant change in unit costs',
    'Amber',
    'Homecare hourly rate up 11% in a year; review booked.',
    'Self help',
  ],
  ['Outcome framework measures', 'Green', 'Reablement outcomes above the regional average.', ''],
  ['Annual safeguarding report', 'Green', 'No concerns raised in the 2025/26 report.', ''],
];

/** Rates a few triggers on the Risk triggers tab set-up filled (one read, one write); none when the tab is absent. */
function rateDemoTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const sheet = ss.getSheetByName(TAB.riskTriggers);
  if (!sheet) return;
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const col = (h: string) => grid[0].map(x => String(x).trim()).indexOf(h);
  const [tr, rag, ev, on, by, sup] = [
    'Trigger',
    'RAG',
    'Evidence',
    'Assessed on',
    'Assessed by',
    'Support sought',
  ].map(col);
  if ([tr, rag, ev, on, by, sup].some(i => i < 0)) return;
  for (const [start, rating, evidence, support] of DEMO_RATINGS) {
    const line = grid.find((r, i) => i > 0 && String(r[tr]).startsWith(start));
    if (!line) continue;
    line[rag] = rating;
    line[ev] = evidence;
    line[on] = d('02/11/2026');
    line[by] = 'Priya Desai';
    line[sup] = support;
  }
  sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
}

/** People outside the group who asked for the public papers (one has since unsubscribed). */
export const DEMO_MAILING_LIST: Rec[] = [
  {
    Name: 'Rosa Lindqvist',
    Organisation: 'Northfield Carers Forum',
    Email: 'rosa.lindqvist@example.org',
    Subscribed: 'Yes',
    Source: 'Asked at the provider forum',
  },
  {
    Name: 'Kwame Mensah',
    Organisation: 'Brookside Home Care',
    Email: 'kwame.mensah@example.org',
    Subscribed: 'Yes',
    Source: 'Website form',
  },
  {
    Name: 'Enquiries',
    Organisation: 'Healthwatch Northfield',
    Email: 'enquiries@example.org',
    Subscribed: 'Yes',
    Source: 'Email to the clerk',
  },
  {
    Name: 'Pat Henshaw',
    Organisation: 'Willow Court Care Home',
    Email: 'pat.henshaw@example.org',
    Subscribed: 'No',
    Source: 'Website form',
  },
];

/** The registers the demo fills; it refuses a workbook that already holds data in any of them. */
const DEMO: readonly [string, readonly Rec[]][] = [
  [TAB.members, DEMO_MEMBERS],
  [TAB.meetings, DEMO_MEETINGS],
  [TAB.agenda, DEMO_AGENDA],
  [TAB.attendance, DEMO_ATTENDANCE],
  [TAB.actions, DEMO_ACTIONS],
  [TAB.contracts, DEMO_CONTRACTS],
  [TAB.lots, DEMO_LOTS],
  [TAB.cashFlow, DEMO_CASH_FLOW],
  [TAB.holidays, DEMO_HOLIDAYS],
  [TAB.mailingList, DEMO_MAILING_LIST],
];

export function loadDemo(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  loadDemoSet(ss, {
    registers: DEMO,
    settings: DEMO_SETTINGS,
    // The governance parts (after the check above, which the registers already decide).
    after: () => {
      appendRecords(ss, TAB.decisions, DEMO_DECISIONS, formulaFor);
      rateDemoTriggers(ss);
    },
  });
}

/** A demo group: registers to fill, Settings values, and what else it loads (after the registers). */
export interface DemoSet {
  readonly registers: readonly (readonly [string, readonly Rec[]])[];
  readonly settings: Readonly<Record<string, string>>;
  readonly after?: () => void;
}

/** Loads a demo group into an empty workbook (refused when any of its registers has data). */
export function loadDemoSet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, set: DemoSet): void {
  const {registers, settings} = set;
  const busy = registers.filter(([tab]) => readTable(ss, tab).rows.length > 0).map(([tab]) => tab);
  if (busy.length) {
    throw new WorkbookError(
      `The demo group is only loaded into an empty workbook, and ${busy.join(', ')} already ${busy.length === 1 ? 'has' : 'have'} data. Make a new workbook for the demo (clerk new BOOK --demo).`,
    );
  }
  for (const [tab, recs] of registers) appendRecords(ss, tab, recs, formulaFor);
  set.after?.();
  // Settings: fill the demo values into the existing rows (one read, one write of the Value column).
  const sheet = getTab(ss, TAB.settings);
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const headers = grid[0].map(h => String(h).trim());
  const nameCol = headers.indexOf('Setting');
  const valueCol = headers.indexOf('Value');
  const values = grid.slice(1).map(r => {
    const name = String(r[nameCol]).trim();
    return [name in settings ? settings[name] : r[valueCol]]; // the Value column is plain text
  });
  if (values.length) sheet.getRange(2, valueCol + 1, values.length, 1).setValues(values);
}
