/**
 * The pack's PDF, put together by pdf-lib (src/papers/pack-pdf.ts), read back with poppler's
 * pdftotext (one text block per page, split at form feeds) and pdfinfo: page order, contents
 * page numbers, "Page X of Y" on every page, bookmarks, notices for withheld and unreadable
 * papers. pdf-lib's promises run to the end synchronously (src/papers/sync-run.ts).
 */
import {PDFDocument, PDFName} from 'pdf-lib';
import {mergePack} from '../src/papers/pack-pdf';
import {runToEnd} from '../src/papers/sync-run';
import {pdfPages, samplePdf} from './papers/pdf';
import {testWith} from './tools';

const cover = {
  group: 'Adults Committee',
  heading: 'Agenda reports pack',
  version: 'Public version',
  details: [
    ['Date', 'Thursday 8 October 2020'],
    ['Venue', 'Council Chamber, County Hall'],
    ['To', 'The members of the Adults Committee'],
  ] as [string, string][],
  contact: ['Contact: Kim Clerk, Clerk to the Adults Committee', 'clerk@example.org, 01632 960123'],
  footer: 'Adults Committee, 8 October 2020',
};

const pdfText = testWith('pdftotext');

describe('mergePack', () => {
  const result = mergePack(cover, [
    {title: 'Agenda', pdf: samplePdf('AGENDA', 2)},
    {title: '3. Homecare lot 2', pdf: samplePdf('HOMECARE', 3)},
    {title: '5. Exempt item', notice: 'The report for item 5 is withheld from publication.'},
    {title: '6. Broken paper', pdf: Uint8Array.from([1, 2, 3, 4])},
    {title: 'Action log', pdf: samplePdf('LOG', 1)},
  ]);

  test('pages in order: front sheet, contents, then every part; numbers in the contents', () => {
    expect(result.pages).toBe(1 + 1 + 2 + 3 + 1 + 1 + 1);
    expect(result.contents).toEqual([
      {title: 'Agenda', page: 3},
      {title: '3. Homecare lot 2', page: 5},
      {title: '5. Exempt item', page: 8},
      {title: '6. Broken paper', page: 9},
      {title: 'Action log', page: 10},
    ]);
    expect(result.unreadable).toEqual(['6. Broken paper']);
  });

  test('bookmarks name every part and open on its first page', () => {
    const doc = runToEnd(() => PDFDocument.load(result.bytes));
    expect(doc.getPageCount()).toBe(10);
    const outlines = doc.catalog.lookup(PDFName.of('Outlines')) as any;
    expect(outlines.get(PDFName.of('Count')).asNumber()).toBe(7);
    const titles: string[] = [];
    let ref = outlines.get(PDFName.of('First'));
    while (ref) {
      const e = doc.context.lookup(ref) as any;
      titles.push(e.get(PDFName.of('Title')).decodeText());
      ref = e.get(PDFName.of('Next'));
    }
    expect(titles).toEqual([
      'Front sheet',
      'Contents',
      'Agenda',
      '3. Homecare lot 2',
      '5. Exempt item',
      '6. Broken paper',
      'Action log',
    ]);
  });

  pdfText('read back: front sheet, contents with page numbers, Page X of Y on every page', () => {
    const pages = pdfPages(result.bytes);
    expect(pages).toHaveLength(10);
    expect(pages[0]).toMatch(/Adults Committee\s+Agenda reports pack\s+Public version/);
    expect(pages[0]).toMatch(/Venue\s+Council Chamber, County Hall/);
    expect(pages[0]).toContain('clerk@example.org, 01632 960123');
    expect(pages[1]).toMatch(/Contents/);
    expect(pages[1]).toMatch(/Agenda\s+3\n/);
    expect(pages[1]).toMatch(/3\. Homecare lot 2\s+5\n/);
    expect(pages[1]).toMatch(/Action log\s+10\n/);
    expect(pages[2]).toContain('AGENDA page 1');
    expect(pages[4]).toContain('HOMECARE page 1');
    expect(pages[7]).toContain('The report for item 5 is withheld from publication.');
    expect(pages[8]).toContain('This paper could not be read');
    expect(pages[9]).toContain('LOG page 1');
    pages.forEach((p, k) => {
      expect(p).toContain(`Page ${k + 1} of 10`);
      expect(p).toContain('Adults Committee, 8 October 2020');
    });
  });
});
