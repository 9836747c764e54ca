// Our .docx is what Drive converts into the Google Doc, so it must open as a Document with the
// right structure: read back with the emulator's .docx reader (the same one that converts
// uploads in the emulated Drive), and with fflate to check the zip itself.
import {unzipSync, strFromU8} from 'fflate';
import {readDocx} from '../emulator/docs/docx-read';
import {columnWidths} from '../src/papers/docx';
import {paperDocx} from './papers/docx-bytes';
import {agendaPaper, orderAgenda} from '../src/papers/agenda';
import {SETTINGS, item, meeting, member} from './papers-helpers';
import {Paper} from '../src/papers/model';

describe('paper as .docx', () => {
  const items = orderAgenda([
    item({
      section: 'Constitutional matters',
      title: 'Apologies for absence & declarations of interest <standing>',
    }),
    item({section: 'Decisions', title: 'Carers’ strategy – refresh', paperStatus: 'To follow'}),
  ]);
  const paper = agendaPaper(
    meeting(),
    items,
    [member({name: 'Alex Chair', role: 'Chair'})],
    SETTINGS,
    'public',
  );

  test('is a zip with the parts Word and Drive need', () => {
    const files = unzipSync(paperDocx(paper));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/footer1.xml',
      'word/header1.xml',
      'word/styles.xml',
    ]);
    expect(strFromU8(files['word/document.xml'])).toContain(
      'Apologies for absence &amp; declarations of interest &lt;standing&gt;',
    );
  });

  test('reads back as a Document: title style, heading, tables with rows and columns, bold section rows', () => {
    const {body} = readDocx(paperDocx(paper)) as unknown as {body: any};
    const kids = Array.from({length: body.getNumChildren()}, (_, k) => body.getChild(k));
    const first = kids[0].asParagraph();
    expect(first.getText()).toBe('Adults Committee');
    expect(String(first.getHeading())).toBe('TITLE');
    const tables = kids.filter(k => String(k.getType()) === 'TABLE').map(k => k.asTable());
    expect(tables).toHaveLength(3);
    const itemsTable = tables[1];
    expect(itemsTable.getNumRows()).toBe(5);
    expect(itemsTable.getRow(0).getNumCells()).toBe(5);
    expect(itemsTable.getCell(1, 1).getText()).toBe('CONSTITUTIONAL MATTERS');
    expect(itemsTable.getCell(1, 1).editAsText().isBold(0)).toBe(true);
    expect(itemsTable.getCell(4, 1).getText()).toBe('Carers’ strategy – refresh');
    expect(itemsTable.getCell(4, 4).getText()).toBe('To follow');
    expect(itemsTable.getCell(4, 1).editAsText().isBold(0)).toBeFalsy();
    const membership = kids
      .find(k => String(k.getType()) === 'PARAGRAPH' && k.asParagraph().getText() === 'Membership')
      .asParagraph();
    expect(String(membership.getHeading())).toBe('HEADING2');
  });

  test('charts become PNG images in the document', () => {
    const withChart: Paper = {
      kind: 'Annual report',
      name: 'x',
      blocks: [
        {
          kind: 'chart',
          type: 'column',
          title: 'Actions by status',
          labels: ['Open', 'Closed'],
          series: [{name: 'Actions', values: [3, -2]}],
          caption: 'Open: 3; Closed: −2',
        },
      ],
    };
    const files = unzipSync(paperDocx(withChart));
    const png = files['word/media/chart1.png'];
    expect(Array.from(png.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]);
    const {body} = readDocx(paperDocx(withChart)) as unknown as {body: any};
    expect(body.getImages()).toHaveLength(1);
    expect(body.getImages()[0].getWidth()).toBe(600);
  });

  test('text parts are UTF-8 (Utilities.newBlob): accents, dashes and astral characters survive', () => {
    const s = 'Café – “quotes” £5 😀';
    const files = unzipSync(
      paperDocx({kind: 'Annual report', name: 'x', blocks: [{kind: 'paragraph', text: s}]}),
    );
    expect(strFromU8(files['word/document.xml'])).toContain(s);
  });
});

describe('table columns', () => {
  test('a date column of the forward plan is wide enough for "November" (no "Novembe r")', () => {
    // Arial 10 pt: N 7.2, o 5.6, v 5.0, e 5.6, m 8.3, b 5.6, e 5.6, r 3.3 = 46.2 pt = 924
    // twips, plus the cell margins of 108 twips each side.
    const rows = [
      [
        'Committee date',
        'Item',
        'Lead officer',
        'Reference if key decision',
        'Deadline for reports',
        'Agenda despatch date',
      ],
      [
        'Thursday 10 December 2026',
        'Recommissioning of homecare (Lot 2): approach to market',
        'Helen Brooks',
        'KD/2026/031',
        '27 November 2026',
        '2 December 2026',
      ],
    ];
    const w = columnWidths(rows, [], [3, 5, 3, 2, 2, 2]);
    expect(w[4]).toBeGreaterThanOrEqual(924 + 2 * 108);
    expect(w[5]).toBeGreaterThanOrEqual(924 + 2 * 108);
  });
});
