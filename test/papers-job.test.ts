import {JobState, runSteps} from '../src/papers/job';
import {actionsForLog} from '../src/papers/action-log';
import {day, meeting} from './papers-helpers';

describe('long runs pause near the time limit and resume from the saved position', () => {
  const made = (k: number) => ({
    name: `Annual report ${2019 + k}`,
    id: `id${k}`,
    url: `u${k}`,
    replaced: false,
  });

  test('stops starting new steps once the budget is used, saving where it was', () => {
    let clock = 0;
    const saved: JobState[] = [];
    const progress: string[] = [];
    const state: JobState = {
      kind: 'annual-report',
      years: [2019, 2020, 2021, 2022, 2023],
      next: 0,
      made: [],
    };
    const step = (k: number) => {
      clock += 100; // each report takes 100 "ms"
      return made(k);
    };
    expect(
      runSteps(
        state,
        step,
        () => clock,
        250,
        (k, n) => progress.push(`Generating ${k} of ${n}…`),
        s => saved.push(JSON.parse(JSON.stringify(s))),
      ),
    ).toBe('paused');
    expect(state.next).toBe(3);
    expect(saved).toHaveLength(1);
    expect(progress).toEqual(['Generating 1 of 5…', 'Generating 2 of 5…', 'Generating 3 of 5…']);
    // The trigger picks up the saved state and finishes.
    const resumed = saved[0];
    expect(
      runSteps(
        resumed,
        step,
        () => clock,
        250,
        (k, n) => progress.push(`Generating ${k} of ${n}…`),
        () => undefined,
      ),
    ).toBe('done');
    expect(resumed.made.map(m => m.name)).toEqual([
      'Annual report 2019',
      'Annual report 2020',
      'Annual report 2021',
      'Annual report 2022',
      'Annual report 2023',
    ]);
    expect(progress.slice(3)).toEqual(['Generating 4 of 5…', 'Generating 5 of 5…']);
  });
});

describe('action log selection', () => {
  const a = (over: Partial<Parameters<typeof actionsForLog>[0][number]>) => ({
    row: 2,
    meeting: day('2020-07-09'),
    minute: '1',
    title: '',
    owners: ['x'],
    action: 'x',
    comments: '',
    status: 'Open',
    reviewDate: null,
    dateClosed: null,
    lastUpdated: null,
    ...over,
  });
  const meetings = [
    meeting({date: day('2020-04-02')}),
    meeting({date: day('2020-07-09')}),
    meeting({date: day('2020-10-08')}),
  ];

  test('open actions from earlier meetings, and closed ones only once (closed since the last meeting)', () => {
    const shown = actionsForLog(
      [
        a({row: 5, action: 'open', meeting: day('2020-07-09')}),
        a({row: 3, action: 'older open', meeting: day('2020-04-02'), status: 'Ongoing'}),
        a({row: 4, action: 'closed since', status: 'Closed', dateClosed: day('2020-08-01')}),
        a({
          row: 6,
          action: 'closed before last meeting',
          status: 'Closed',
          dateClosed: day('2020-06-01'),
        }),
        a({row: 7, action: 'arises at this meeting', meeting: day('2020-10-08')}),
      ],
      meetings,
      day('2020-10-08'),
    );
    expect(shown.map(x => x.action)).toEqual(['older open', 'closed since', 'open']);
  });
});

test("the last meeting of the log is the committee's own: a workshop or unused reserve date since does not count", () => {
  const a = (over: Partial<Parameters<typeof actionsForLog>[0][number]>) => ({
    row: 2,
    meeting: day('2020-07-09'),
    minute: '1',
    title: '',
    owners: ['x'],
    action: 'x',
    comments: '',
    status: 'Closed',
    reviewDate: null,
    dateClosed: day('2020-08-01'),
    lastUpdated: null,
    ...over,
  });
  const meetings = [
    meeting({date: day('2020-07-09')}),
    meeting({date: day('2020-09-03'), type: 'Workshop', status: 'Held'}),
    meeting({date: day('2020-09-17'), type: 'Reserve', status: 'Provisional'}),
    meeting({date: day('2020-10-08')}),
  ];
  const shown = actionsForLog([a({action: 'closed in August'})], meetings, day('2020-10-08'));
  expect(shown.map(x => x.action)).toEqual(['closed in August']);
});
