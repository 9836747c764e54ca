// Empty records of every register, so tests state only the fields they are about.
import type {
  ActionItem,
  AgendaItem,
  AttendanceRecord,
  Contract,
  Meeting,
  Member,
} from '../src/domain/records';

export const BLANK_MEMBER: Member = {
  row: 2,
  name: '',
  organisation: '',
  role: '',
  nominatedBy: '',
  deputyFor: '',
  providerSize: '',
  clientGroups: [],
  serviceTypes: [],
  email: '',
  phone: '',
  termStart: null,
  termEnd: null,
  status: '',
  interests: '',
  notes: '',
};

export const BLANK_MEETING: Meeting = {
  row: 2,
  date: '2026-01-01',
  start: null,
  end: null,
  venue: '',
  type: '',
  status: '',
  agendaAgreedBy: null,
  reportDeadline: null,
  despatchBy: null,
  agendaPublishedOn: null,
  minutesApprovedOn: null,
  agendaLink: '',
  minutesLink: '',
  notes: '',
};

export const BLANK_ITEM: AgendaItem = {
  row: 2,
  meeting: null,
  itemNo: null,
  section: '',
  title: '',
  purpose: '',
  leadOfficer: '',
  keyDecisionRef: '',
  paperStatus: '',
  confidential: false,
  standing: false,
  paperLink: '',
  notes: '',
};

export const BLANK_ATTENDANCE: AttendanceRecord = {
  row: 2,
  meeting: '2026-01-01',
  member: '',
  attendance: '',
  substitute: '',
  declarations: '',
};

export const BLANK_ACTION: ActionItem = {
  row: 2,
  meeting: null,
  minute: '',
  title: '',
  owners: [],
  action: '',
  comments: '',
  status: 'Open',
  reviewDate: null,
  dateClosed: null,
  lastUpdated: null,
};

export const BLANK_CONTRACT: Contract = {
  row: 2,
  reference: '',
  provider: '',
  title: '',
  lot: '',
  fundingType: '',
  annualValue: null,
  startDate: null,
  endDate: null,
  extensionOptions: '',
  extendedTo: null,
  noticeDays: null,
  commissioner: '',
  laContribution: null,
  partnerContribution: null,
  status: '',
  notes: '',
};
