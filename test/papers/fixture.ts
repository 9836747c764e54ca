/**
 * A fictional committee for the papers end-to-end tests (example.org addresses only), loaded
 * into a new workbook with the driver's one fixture loader.
 */
import {openWorkbook, type Clerk, type RowData} from '../driver';

export const TODAY = '2020-09-21';
export const MEETING_ROW = 3; // Meetings row of 8 October 2020

export const SETTINGS = {
  'Group name': 'Adults Committee',
  'Clerk name': 'Kim Clerk',
  'Clerk email': 'clerk@example.org',
  'Clerk phone': '01632 960123',
  'Time zone': 'Europe/London',
  'Group type': 'Council committee',
};

export const MEMBERS: RowData[] = [
  {
    Name: 'Ann Able',
    Organisation: 'Able Care Ltd',
    Role: 'Chair',
    Email: 'ann.able@example.org',
    Phone: '01632 960001',
    Status: 'Active',
  },
  {
    Name: 'Ben Brook',
    Organisation: 'Brook Homes',
    Role: 'Vice-chair',
    Email: 'ben.brook@example.org',
    Phone: '01632 960002',
    Status: 'Active',
  },
  {
    Name: 'Cat Cole',
    Organisation: 'Cole Support',
    Role: 'Member',
    Email: 'cat.cole@example.org',
    Phone: '07700 900003',
    Status: 'Active',
  },
  {
    Name: 'Dan Dee',
    Organisation: 'Dee Homecare',
    Role: 'Member',
    Email: 'dan.dee@example.org',
    Phone: '07700 900004',
    Status: 'Active',
  },
  {
    Name: 'Eve Ely',
    Organisation: 'Ely Living',
    Role: 'Member',
    Email: 'eve.ely@example.org',
    Phone: '07700 900005',
    Status: 'Left',
  },
  {
    Name: 'Lee Officer',
    Organisation: 'Example Council',
    Role: 'Lead officer',
    Email: 'lee.officer@example.org',
    Phone: '01632 960099',
    Status: 'Active',
  },
];

export const MEETINGS: RowData[] = [
  {
    'Meeting date': '2020-07-09',
    'Start time': '10:00',
    'End time': '12:00',
    Venue: 'Council Chamber, County Hall',
    Type: 'Ordinary',
    Status: 'Held',
  },
  {
    'Meeting date': '2020-10-08',
    'Start time': '10:00',
    'End time': '12:30',
    Venue: 'Council Chamber, County Hall',
    Type: 'Ordinary',
    Status: 'Confirmed',
  },
  {
    'Meeting date': '2021-01-14',
    'Start time': '14:00',
    'End time': '16:00',
    Venue: 'virtual',
    Type: 'Ordinary',
    Status: 'Provisional',
  },
  {
    'Meeting date': '',
    Venue: 'Room 2',
    Type: 'Extra',
    Status: 'Provisional',
    Notes: 'date to be agreed',
  },
];

/** Exempt and confidential items: none of this text may appear in a public paper. */
export const SECRET_ITEMS: RowData[] = [
  {
    'Meeting date': '2020-10-08',
    Section: 'Exempt items',
    Title: 'Homecare provider failure: contingency costs',
    Purpose: 'To decide',
    'Lead officer': 'Director of Commissioning',
    'Paper status': 'Received',
    Confidential: 'Yes',
    'Exempt paragraph': '3',
    Notes: 'Commercially sensitive figures from Example Homecare',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Decisions',
    Title: 'Fee uplift for named residents of Elm House',
    Purpose: 'To decide',
    'Lead officer': 'Safeguarding Lead',
    'Paper status': 'To follow',
    Confidential: 'Yes',
    Notes: 'Named residents',
  },
];

export const AGENDA: RowData[] = [
  {
    'Meeting date': '2020-10-08',
    'Item no.': 1,
    Section: 'Constitutional matters',
    Title: 'Apologies for absence and declarations of interest',
    Purpose: 'To note',
    'Paper status': 'No paper',
    'Standing item': 'Yes',
  },
  {
    'Meeting date': '2020-10-08',
    'Item no.': 2,
    Section: 'Constitutional matters',
    Title: 'Minutes of the previous meeting',
    Purpose: 'To approve',
    'Lead officer': 'Kim Clerk',
    'Paper status': 'Received',
    'Standing item': 'Yes',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Key decisions',
    Title: 'Recommissioning of supported living',
    Purpose: 'To decide',
    'Lead officer': 'Lee Officer',
    'Key decision ref': 'KD2020/15',
    'Paper status': 'Received',
  },
  {
    'Meeting date': '2020-10-08',
    Section: 'Information and monitoring',
    Title: 'Quarterly quality report',
    Purpose: 'To note',
    'Lead officer': 'Head of Quality',
    'Paper status': 'To follow',
  },
  ...SECRET_ITEMS,
  {
    'Meeting date': '2020-07-09',
    Section: 'Decisions',
    Title: 'Carers strategy',
    Purpose: 'To approve',
    'Lead officer': 'Lee Officer',
    'Paper status': 'Received',
  },
  {
    Section: 'Information and monitoring',
    Title: 'Market position statement refresh',
    'Lead officer': 'Mo Planner',
  },
];

export const ATTENDANCE: RowData[] = [
  {'Meeting date': '2020-07-09', Member: 'Ann Able', Attendance: 'Present'},
  {'Meeting date': '2020-07-09', Member: 'Ben Brook', Attendance: 'Apologies'},
  {
    'Meeting date': '2020-07-09',
    Member: 'Cat Cole',
    Attendance: 'Substitute attended',
    Substitute: 'Sue Stand-in',
  },
  {
    'Meeting date': '2020-07-09',
    Member: 'Dan Dee',
    Attendance: 'Present',
    'Declarations of interest': 'Director of a provider bidding for lot 2',
  },
  {'Meeting date': '2020-07-09', Member: 'Lee Officer', Attendance: 'Present'},
];

export const ACTIONS: RowData[] = [
  {
    'Meeting date': '2020-07-09',
    'Minute no.': '4',
    'Report title': 'Carers strategy',
    'Action to be taken by': 'Lee Officer',
    Action: 'Publish the carers strategy',
    Status: 'Open',
    'Review date': '2020-10-01',
  },
  {
    'Meeting date': '2020-07-09',
    'Minute no.': '5',
    'Report title': 'Quality',
    'Action to be taken by': 'Ann Able',
    Action: 'Write to the regulator',
    Status: 'Closed',
    'Date closed': '2020-08-15',
  },
  {
    'Meeting date': '2020-04-02',
    'Minute no.': '9',
    'Report title': 'Budget',
    'Action to be taken by': 'Ben Brook',
    Action: 'Closed long ago: must not appear',
    Status: 'Closed',
    'Date closed': '2020-05-01',
  },
  {
    'Meeting date': '2020-04-02',
    'Minute no.': '7',
    'Report title': 'Homecare',
    'Action to be taken by': 'Dan Dee',
    Action: 'Review homecare rates',
    Status: 'Ongoing',
    'Review date': '2020-11-30',
  },
];

/** A new workbook (the program's set-up run), then the fixture rows, on the papers' day. */
export async function papersWorkbook(
  extra: Partial<Record<string, RowData[]>> = {},
): Promise<Clerk> {
  const c = await openWorkbook({today: TODAY});
  c.load(
    {
      Members: MEMBERS,
      Meetings: MEETINGS,
      Agenda: AGENDA,
      Attendance: ATTENDANCE,
      Actions: ACTIONS,
      ...extra,
    } as Record<string, RowData[]>,
    SETTINGS,
  );
  return c;
}
