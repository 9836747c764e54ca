/**
 * The annual report worth publishing: the chair's foreword and the year's work, decisions
 * taken in public, attendance of those who served during the year only (no officers, no one
 * whose term lay outside the year), and the next year's plan from the forward plan.
 */
import type {AttendanceRecord} from '../src/domain/records';
import {annualReportPaper} from '../src/papers/annual-report';
import {paperText} from '../src/papers/model';
import {SETTINGS, day, item, meeting, member} from './papers-helpers';

const att = (m: string, d: string, a = 'Present'): AttendanceRecord => ({
  row: 2,
  meeting: day(d),
  member: m,
  attendance: a,
  substitute: '',
  declarations: '',
});

const paper = annualReportPaper(
  2020,
  {
    meetings: [
      meeting({date: day('2020-03-05'), status: 'Held'}),
      meeting({date: day('2020-07-09'), status: 'Held'}),
      meeting({date: day('2021-01-14'), status: 'Provisional'}),
    ],
    items: [
      item({row: 2, meeting: day('2020-03-05'), title: 'Carers strategy', purpose: 'To approve'}),
      item({
        row: 3,
        meeting: day('2020-07-09'),
        title: 'Homecare lot 2',
        purpose: 'To decide',
        keyDecisionRef: 'KD2020/15',
      }),
      item({row: 4, meeting: day('2020-07-09'), title: 'Quality report', purpose: 'To note'}),
      item({
        row: 5,
        meeting: day('2020-07-09'),
        title: 'Secret fee uplift',
        purpose: 'To decide',
        confidential: true,
      }),
      item({
        row: 6,
        meeting: day('2021-01-14'),
        title: 'Day services review',
        purpose: 'To decide',
      }),
      item({row: 7, meeting: null, title: 'Market position statement', purpose: 'To note'}),
    ],
    attendance: [
      att('Ann Able', '2020-03-05'),
      att('Ann Able', '2020-07-09'),
      att('Old Member', '2020-03-05'),
      att('Lee Officer', '2020-07-09'),
    ],
    actions: [],
    contracts: [],
    cashFlow: [],
    members: [
      member({name: 'Ann Able', role: 'Chair', termStart: day('2019-05-01')}),
      member({
        name: 'Old Member',
        role: 'Member',
        termStart: day('2016-01-01'),
        termEnd: day('2019-12-31'),
        status: 'Left',
      }),
      member({name: 'Lee Officer', role: 'Lead officer'}),
    ],
  },
  new Date(2020, 11, 31),
  SETTINGS,
);
const text = paperText(paper);
const headings = paper.blocks
  .filter(b => b.kind === 'heading')
  .map(b => (b.kind === 'heading' ? b.text : ''));

test('sections: foreword, the year, meetings, attendance, decisions, plan for next year', () => {
  expect(headings).toEqual(
    expect.arrayContaining([
      "Chair's foreword",
      "The year's work",
      'Attendance',
      'Decisions taken',
      'Plan for 2021',
    ]),
  );
  expect(text).toContain(
    'In 2020 the Adults Committee met 2 times, took 2 decisions in public and completed 0 actions.',
  );
});

test('decisions taken: public items to decide or approve, never a confidential one', () => {
  expect(text).toContain('Carers strategy (approve)');
  expect(text).toContain('Homecare lot 2 (decide)\tKD2020/15');
  expect(text).not.toContain('Secret fee uplift');
});

test('attendance of those who served during the year only', () => {
  expect(text).toMatch(/Ann Able\t2\t/);
  expect(text).not.toContain('Old Member');
  expect(text).not.toContain('Lee Officer');
});

test("next year's plan from the forward plan", () => {
  expect(text).toContain('14 January 2021 (provisional)\tDay services review');
  expect(text).toContain('To be programmed\tMarket position statement');
});

test("the year's decisions from the Decisions tab, never a confidential item's", () => {
  const base = {
    meetings: [meeting({date: day('2020-07-09'), status: 'Held'})],
    items: [
      item({row: 5, meeting: day('2020-07-09'), title: 'Secret fee uplift', confidential: true}),
    ],
    attendance: [],
    actions: [],
    contracts: [],
    cashFlow: [],
  };
  const decision = (minute: string, itemTitle: string, text: string, type = 'Resolved') => ({
    row: 2,
    meeting: day('2020-07-09'),
    minute,
    item: itemTitle,
    decision: text,
    type,
    keyDecisionRef: minute === '235' ? 'KD2020/15' : '',
    implementationStatus: type === 'Noted' ? '' : 'In progress',
    link: '',
  });
  const withTab = paperText(
    annualReportPaper(
      2020,
      {
        ...base,
        decisions: [
          decision('236', 'Quality report', 'That the report be noted.', 'Noted'),
          decision('235', 'Homecare lot 2', 'That the contract be awarded.'),
          decision('237', 'Secret fee uplift', 'That the uplift be paid.'),
          {...decision('12', 'Carers strategy', 'Approved.'), meeting: day('2019-07-11')},
        ],
      },
      new Date(2020, 11, 31),
      SETTINGS,
    ),
  );
  expect(withTab).toContain(
    [
      'Meeting\tMinute\tDecision\tType\tKey decision\tImplementation',
      '9 July 2020\t235\tHomecare lot 2: That the contract be awarded.\tResolved\tKD2020/15\tIn progress',
      '9 July 2020\t236\tQuality report: That the report be noted.\tNoted\tNo\t',
    ].join('\n'),
  );
  expect(withTab).toContain('took 2 decisions in public');
  expect(withTab).not.toContain('uplift be paid');
  expect(withTab).not.toContain('Carers strategy');
});
