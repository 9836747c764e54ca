import {checkTemplate, renderUnits, schemaOf, tokenize, money, Unit} from '../src/papers/template';
import {londonMidnight, testDates} from './papers-helpers';

const fields = {
  group_name: 'Adults Committee',
  meeting_date: londonMidnight('2020-10-08'),
  annual_value: 1234567.5,
  has_exempt: false,
  is_public: true,
  items: [
    {no: 1, title: 'Apologies', lead_officer: 'Clerk'},
    {no: 2, title: 'Budget', lead_officer: 'Finance lead'},
  ],
};
const schema = schemaOf(fields);

describe('template language', () => {
  test('tokenizes fields, formats and blocks', () => {
    expect(
      tokenize('A {{ meeting_date|d MMMM yyyy }} {{#if not is_public}}x{{/if}}').map(t => t.t),
    ).toEqual(['text', 'field', 'text', 'if', 'text', 'endif']);
    const f = tokenize('{{meeting_date|d MMMM yyyy}}')[0];
    expect(f).toMatchObject({t: 'field', name: 'meeting_date', format: 'd MMMM yyyy'});
  });

  test('fills fields with date and money formats', () => {
    const out = renderUnits(
      [
        {
          kind: 'para',
          text: '{{group_name}} meets on {{meeting_date|EEEE d MMMM yyyy}}; budget {{annual_value|£}}.',
        },
      ],
      fields,
      testDates,
    );
    expect(out).toEqual([
      {
        kind: 'para',
        text: 'Adults Committee meets on Thursday 8 October 2020; budget £1,234,567.50.',
      },
    ]);
    expect(money(2500)).toBe('£2,500');
    expect(money(-40)).toBe('−£40');
  });

  test('a false {{#if}} block removes its paragraphs and leaves no blank line', () => {
    const units: Unit[] = [
      {kind: 'para', text: 'Before'},
      {kind: 'para', text: '{{#if has_exempt}}'},
      {kind: 'para', text: 'Exempt part follows.'},
      {kind: 'para', text: '{{/if}}'},
      {kind: 'para', text: '{{#if is_public}}Public version{{/if}}'},
      {kind: 'para', text: 'After'},
    ];
    expect(
      renderUnits(units, fields, testDates).map(u => (u.kind === 'para' ? u.text : '')),
    ).toEqual(['Before', 'Public version', 'After']);
  });

  test('a row with {{#items}}…{{/items}} repeats once per record', () => {
    const units: Unit[] = [
      {
        kind: 'table',
        rows: [
          ['No.', 'Item', 'Lead'],
          ['{{#items}}{{no}}', '{{title}}', '{{lead_officer}}{{/items}}'],
        ],
      },
    ];
    const out = renderUnits(units, fields, testDates);
    expect(out).toEqual([
      {
        kind: 'table',
        rows: [
          ['No.', 'Item', 'Lead'],
          ['1', 'Apologies', 'Clerk'],
          ['2', 'Budget', 'Finance lead'],
        ],
      },
    ]);
  });

  test('Check templates lists unknown placeholders and unbalanced blocks with where they are', () => {
    const units: Unit[] = [
      {kind: 'para', text: 'Dear {{chairman}},'},
      {kind: 'para', text: '{{#if has_exempt}} never closed'},
      {kind: 'table', rows: [['{{#items}}{{titel}}', 'x']]},
      {kind: 'para', text: '{{/if}}{{/if}}'},
      {kind: 'para', text: '{{meeting_date|qqq}}'},
    ];
    const problems = checkTemplate(units, schema);
    expect(problems).toEqual([
      expect.stringMatching(/^paragraph 1: unknown placeholder \{\{chairman\}\}/),
      expect.stringMatching(
        /^table 3, row 1: unknown placeholder \{\{titel\}\} inside \{\{#items\}\}/,
      ),
      'table 3, row 1: {{#items}} is not closed with {{/items}} in the same row.',
      'paragraph 4: {{/if}} without a matching {{#if …}}.',
      expect.stringMatching(/^paragraph 5: unknown format "qqq"/),
    ]);
    expect(checkTemplate([{kind: 'para', text: '{{#if is_public}}'}], schema)).toEqual([
      'paragraph 1: {{#if is_public}} is not closed with {{/if}}.',
    ]);
    expect(checkTemplate([{kind: 'para', text: '{{#items}}'}], schema)[0]).toMatch(
      /must sit in a table row/,
    );
  });

  test('a correct template has no problems', () => {
    const units: Unit[] = [
      {kind: 'para', text: '{{group_name}}: {{meeting_date|d MMMM yyyy}}'},
      {kind: 'table', rows: [['{{#items}}{{no}}', '{{title}}{{/items}}']]},
      {kind: 'para', text: '{{#if not is_public}}Confidential{{/if}}'},
    ];
    expect(checkTemplate(units, schema)).toEqual([]);
  });
});
