/**
 * The yearly risk self-assessment paper (issue 16 item 7), from the Risk triggers tab: a count
 * of Red, Amber and Green per area, then each of the four areas of the regional
 * sector-led-improvement table with its triggers, source of data, rating, evidence, who
 * assessed it and when, and the support sought. A cell the reader could not read is named in
 * the paper (and the summary) rather than shown as a rating.
 */
import {RAG_RATINGS, RISK_AREAS, TAB} from '../workbook/schema';
import {Problem, readRegister} from '../workbook/registers';
import {RiskTrigger} from '../domain/records';
import {isoOfDate} from '../domain/calendar';
import {DATE, SHORT_DATE} from './dates';
import {PaperSettings, paperName} from './agenda';
import {Block, Paper, h2, para, table} from './model';
import {writePapers} from './commands';
import {Made} from './output';
import {openSession, showSummary, withDocumentLock} from './session';

const NOT_RATED = 'Not rated';
const OTHER = 'Other (area not one of the four)';

/** Red, Amber, Green and Not rated for some triggers. */
function counts(triggers: readonly RiskTrigger[]): number[] {
  return [...RAG_RATINGS, ''].map(r => triggers.filter(t => t.rag === r).length);
}

/** The cells of the tab the reader could not read, as the clerk would look for them. */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems
    .filter(p => p.row > 1)
    .map(p => `Risk triggers row ${p.row}, ${p.header}: ${p.problem}`);
}

export function selfAssessmentPaper(
  triggers: readonly RiskTrigger[],
  problems: readonly Problem[],
  today: Date,
  s: PaperSettings,
): Paper {
  const rows = triggers.filter(t => t.trigger);
  const areas: string[] = [...RISK_AREAS];
  const areaOf = (t: RiskTrigger) => (areas.includes(t.area) ? t.area : OTHER);
  if (rows.some(t => areaOf(t) === OTHER)) areas.push(OTHER);
  const assessed = rows.map(t => t.assessedOn).filter((d): d is string => !!d);
  const last = assessed.sort().pop();
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: 'Annual risk self-assessment'},
    para(
      `As at ${s.dates(today, DATE)}. ${last ? `Last assessed on ${s.dates(last, DATE)}.` : 'No trigger has been assessed yet.'} Each trigger is rated Red, Amber or Green against the regional sector-led-improvement risk triggers, with the evidence and the support sought.`,
      {italic: true},
    ),
    h2('Ratings by area'),
    table([
      ['Area', ...RAG_RATINGS, NOT_RATED],
      ...areas.map(a => [a, ...counts(rows.filter(t => areaOf(t) === a)).map(String)]),
      ['All areas', ...counts(rows).map(String)],
    ]),
  ];
  const sought = rows.filter(t => t.supportSought);
  blocks.push(
    para(
      sought.length
        ? `Support sought: ${['Self help', 'Targeted support', 'Intervention']
            .map(level => [level, sought.filter(t => t.supportSought === level).length] as const)
            .filter(([, n]) => n)
            .map(([level, n]) => `${level} for ${n} trigger${n === 1 ? '' : 's'}`)
            .join('; ')}.`
        : 'No support is sought.',
    ),
  );
  for (const a of areas) {
    const mine = rows.filter(t => areaOf(t) === a);
    blocks.push(h2(a));
    blocks.push(
      mine.length
        ? table([
            ['Trigger', 'Source of data', 'RAG', 'Evidence', 'Assessed', 'Support sought'],
            ...mine.map(t => [
              t.trigger,
              t.source,
              t.rag || NOT_RATED,
              t.evidence,
              [t.assessedOn ? s.dates(t.assessedOn, SHORT_DATE) : '', t.assessedBy]
                .filter(Boolean)
                .join(', '),
              t.supportSought,
            ]),
          ])
        : para('No triggers in this area.', {italic: true}),
    );
  }
  const unreadable = problemLines(problems);
  if (unreadable.length) {
    blocks.push(h2('Cells to correct'));
    for (const line of unreadable) blocks.push(para(line));
  }
  const [red, amber, green, none] = counts(rows);
  return {
    kind: 'Self-assessment',
    name: paperName(s.group, 'Risk self-assessment', s.dates(today, DATE)),
    blocks,
    fields: {group_name: s.group, as_at: today, red, amber, green, not_rated: none},
  };
}

/** Committee > Papers > Generate self-assessment: one read of the Risk triggers tab, one Doc. */
export function selfAssessmentCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const reg = readRegister(ss, TAB.riskTriggers);
  const today = new Date();
  const paper = selfAssessmentPaper(reg.records, reg.problems, today, s.paper);
  const made = withDocumentLock(() =>
    writePapers(s, `Self-assessments ${isoOfDate(today).slice(0, 4)}`, [paper]),
  );
  showSummary('Risk self-assessment', made, problemLines(reg.problems));
  return made;
}
