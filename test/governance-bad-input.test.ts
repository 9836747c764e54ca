/**
 * Bad input in the governance settings and registers (issue 16, "Bad input"): an unreadable
 * quorum, notice number or RAG value already in the workbook (typed before the program was
 * installed, or pasted past the check) is a Check compliance finding naming the cell and what
 * to do, and the rules carry on with the default.
 */
import {openWorkbook, type Clerk} from './driver';

let b: Clerk;
let findings: Record<string, unknown>[];
beforeAll(async () => {
  b = await openWorkbook({today: '2026-11-23'});
  b.load(
    {
      'Risk triggers': [{Area: 'Outcomes', Trigger: 'Sudden rise in complaints', RAG: 'Purple'}],
    },
    {Quorum: 'four', 'Papers notice days': 'seven'},
  );
  b.run('checkCompliance');
  findings = b.rows('Compliance', 'E');
});

const row = (name: string) => b.rows('Settings', 'C').findIndex(s => s['Setting'] === name) + 2;

test.each([
  ['Quorum', 3],
  ['Papers notice days', 5],
])('an unreadable %s names its cell and the default the checks use', (name, used) => {
  const r = row(name);
  const f = findings.find(
    x => x['Rule'] === 'Readable settings' && String(x['Where']).includes(name),
  );
  expect(f?.['Where']).toBe(`Settings row ${r}, ${name} (cell B${r})`);
  expect(String(f?.['What to do'])).toBe(
    `Correct Settings!B${r}; until then the checks use ${used}, the program's default.`,
  );
});

test('an unreadable RAG rating names its cell and what to do', () => {
  const rag = b.rows('Risk triggers', 'H');
  const r = rag.findIndex(x => x['RAG'] === 'Purple') + 2;
  const f = findings.find(x => String(x['Where']).startsWith(`Risk triggers row ${r}, RAG`));
  expect(f).toMatchObject({
    Rule: 'Readable values',
    Severity: 'Problem',
    Where: `Risk triggers row ${r}, RAG (cell D${r})`,
    'What to do': `Correct Risk triggers!D${r}; until then the program reads it as empty.`,
  });
  expect(String(f?.['Finding'])).toContain('"Purple"');
});
