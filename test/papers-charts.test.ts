/**
 * The papers' charts (issue 14 item 6): specified as data by the annual report, drawn by the
 * Charts service (developers.google.com/apps-script/reference/charts/charts: newPieChart,
 * newColumnChart, newDataTable; reference/charts/chart#getAs(String) for the PNG) and zipped
 * into the .docx by Utilities.zip (reference/utilities/utilities#zip(BlobSource,String)), with
 * the colours the sheet gives the same things (src/workbook/chart-colours.ts).
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {unzipSync} from 'fflate';
import type {ActionItem, CashFlowPeriod} from '../src/domain/records';
import {annualReportPaper} from '../src/papers/annual-report';
import {CHART_HEIGHT, CHART_WIDTH} from '../src/papers/chart';
import type {ChartBlock} from '../src/papers/model';
import {ACTION_STATUSES} from '../src/workbook/schema';
import {GREY_TEXT} from '../src/workbook/conditional';
import {
  ACTION_STATUS_COLOURS,
  BELOW_BREAK_EVEN,
  BREAK_EVEN_REACHED,
} from '../src/workbook/chart-colours';
import {SETTINGS, day, meeting} from './papers-helpers';
import {paperDocx} from './papers/docx-bytes';
import {pixelsOf, readPng} from './png-pixels';

const action = (status: string, closed: string | null = null): ActionItem => ({
  row: 2,
  meeting: day('2020-03-05'),
  minute: '1',
  title: 'Report',
  owners: ['Ann Able'],
  action: 'Do it',
  comments: '',
  status,
  reviewDate: null,
  dateClosed: closed ? day(closed) : null,
  lastUpdated: null,
});

const period = (name: string, cumulative: number): CashFlowPeriod => ({
  row: 2,
  period: name,
  hoursPerWeek: null,
  weeksInPeriod: null,
  savingPerHour: null,
  expenditure: null,
  costAvoidance: null,
  net: null,
  cumulative,
});

const paper = annualReportPaper(
  2020,
  {
    meetings: [meeting({date: day('2020-03-05'), status: 'Held'})],
    items: [],
    attendance: [],
    actions: [
      ...Array.from({length: 3}, () => action('Open')),
      action('Ongoing'),
      action('Closed', '2020-06-01'),
    ],
    contracts: [],
    cashFlow: [period('Q1', -4000), period('Q2', -1000), period('Q3', 2500)],
  },
  new Date(Date.UTC(2020, 11, 1, 12)),
  SETTINGS,
);
const charts = paper.blocks.filter((b): b is ChartBlock => b.kind === 'chart');

describe('the annual report’s charts', () => {
  test('actions by status: a pie in the status colours, Closed in the sheet’s grey and never Open’s colour', () => {
    const pie = charts[0];
    expect(pie).toMatchObject({
      type: 'pie',
      title: 'Actions agreed in 2020 by status',
      labels: [...ACTION_STATUSES],
      series: [{name: 'Actions', values: [3, 1, 0, 1]}],
    });
    const slices = pie.colours!.slice(0, pie.labels.length);
    expect(slices).toEqual(ACTION_STATUSES.map(s => ACTION_STATUS_COLOURS[s]));
    expect(ACTION_STATUS_COLOURS.Closed).toBe(GREY_TEXT); // closed rows are grey on the Actions tab
    expect(new Set(slices).size).toBe(ACTION_STATUSES.length);
  });

  test('cumulative cash flow: a stacked column chart with axis titles, red below break-even and green from it', () => {
    expect(charts[1]).toMatchObject({
      type: 'column',
      title: 'Cumulative cash flow by period',
      xAxisTitle: 'Period',
      yAxisTitle: 'Cumulative cash flow (£)',
      labels: ['Q1', 'Q2', 'Q3'],
      series: [
        {name: 'Below break-even', values: [-4000, -1000, null]},
        {name: 'Break-even reached', values: [null, null, 2500]},
      ],
      colours: [BELOW_BREAK_EVEN, BREAK_EVEN_REACHED],
      stacked: true,
    });
  });

  test('in the .docx: one PNG per chart at the chart size, drawn in those colours', () => {
    const files = unzipSync(paperDocx(paper));
    const pngs = Object.keys(files).filter(n => n.startsWith('word/media/'));
    expect(pngs.sort()).toEqual(['word/media/chart1.png', 'word/media/chart2.png']);
    const pie = readPng(files['word/media/chart1.png']);
    expect([pie.width, pie.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    const open = pixelsOf(pie, ACTION_STATUS_COLOURS.Open);
    const closed = pixelsOf(pie, ACTION_STATUS_COLOURS.Closed);
    // Three open actions to one closed: about three times the area (the legend squares aside).
    expect(closed).toBeGreaterThan(1000);
    expect(open / closed).toBeGreaterThan(2.5);
    expect(open / closed).toBeLessThan(3.5);
    expect(pixelsOf(pie, ACTION_STATUS_COLOURS['On hold'])).toBeLessThan(200); // legend only
    const cash = readPng(files['word/media/chart2.png']);
    expect(pixelsOf(cash, BELOW_BREAK_EVEN)).toBeGreaterThan(1000);
    expect(pixelsOf(cash, BREAK_EVEN_REACHED)).toBeGreaterThan(500);
    // The picture is placed at that size: 9525 EMU a pixel.
    const doc = Buffer.from(files['word/document.xml']).toString('utf8');
    expect(doc).toContain(`<wp:extent cx="${CHART_WIDTH * 9525}" cy="${CHART_HEIGHT * 9525}"/>`);
    expect(doc).toContain('descr="Actions agreed in 2020 by status"');
  });

  test('no hand-made PNG encoder, zip writer or UTF-8 encoder is left in src/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, {withFileTypes: true})) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(__dirname, '..', 'src'));
    const offenders = files.filter(f =>
      /\b(encodePng|zipStored|chartPixels|crc32|utf8)\s*\(|0x04034b50|0x89,\s*0x50,\s*0x4e,\s*0x47/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
