/**
 * What the Insights screen says and exports: small counts said as counts ("too few to compare"),
 * never as a share; and the CSV export safe to open in a spreadsheet.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/renderer/src/screens/insights/csv';
import { moveOnFigure, responseShareFigure, thankYouFigure } from '../../src/renderer/src/screens/insights/figures';
import type { Insights } from '../../src/shared/calls/insights-calls';

const base = {
  minimumToCompare: 5,
  thankYous: { within24h: 2, within48h: 1, late: 0, missed: 0, open: 0, recentMissed: [] },
  moveOn: { afterDays: 14, given: 3, taken: 1, answeredAfterAll: 1, closedOtherwise: 0, skipped: 0, stillOpen: 1 },
  response: {
    overall: { group: null, replied: { count: 6, of: 10, share: 0.6 }, daysFromRound: { n: 6, days: 9.5 }, daysFromStatusCheck: { n: 2, days: null } },
    bySource: [
      { group: 'Referral', replied: { count: 5, of: 7, share: 5 / 7 }, daysFromRound: { n: 5, days: 8 }, daysFromStatusCheck: { n: 1, days: null } },
      { group: null, replied: { count: 1, of: 3, share: null }, daysFromRound: { n: 1, days: null }, daysFromStatusCheck: { n: 1, days: null } },
    ],
    byCompanySize: [],
    companySizeUnknown: 10,
  },
} as unknown as Insights;

describe('honest wording', () => {
  it('three thank-yous: counted, and said to be too few to compare, with no percentage', () => {
    const figure = thankYouFigure(base);
    expect(figure.headline).toBe('3 of 3 thank-yous went out within 48 hours of the round (2 within 24); 0 were missed. 3 thank-yous due: too few to compare.');
    expect(figure.headline).not.toMatch(/%/);
    expect(figure.table.rows.map((r) => r.shown[2])).toEqual(['', '', '', '', '']);
  });

  it('a group under five opportunities has no bar and says so; the others keep theirs', () => {
    const figure = responseShareFigure(base, 'source');
    expect(figure.headline).toBe('6 of 10 (60%) opportunities interviewed got an answer. Too few to compare: Source not recorded: 3 opportunities.');
    expect(figure.chart.labels).toEqual(['Referral', 'Source not recorded (too few)']);
    expect(figure.chart.datasets[0]!.data).toEqual([71.4, null]);
    expect(figure.table.rows[1]!.shown).toEqual(['Source not recorded', '3', '1', 'too few to compare']);
  });

  it('the move-on advice given three times is not turned into a rate', () => {
    expect(moveOnFigure(base).headline).toBe('The advice came up 3 times: taken 1 of 3; an answer came later 1 time. Too few to compare.');
  });
});

describe('the CSV export', () => {
  it('quotes what needs quoting, keeps numbers as numbers, and defuses spreadsheet formulas', () => {
    expect(csvCell('How do you prioritise, when everything is "urgent"?')).toBe('"How do you prioritise, when everything is ""urgent""?"');
    expect(csvCell('=HYPERLINK("http://x.example")')).toBe(`"'=HYPERLINK(""http://x.example"")"`);
    expect(csvCell('-1 day')).toBe("'-1 day");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(toCsv(['Stage', 'Opportunities'], [['Added', 8], ['Offer', 1]])).toBe('\uFEFFStage,Opportunities\r\nAdded,8\r\nOffer,1\r\n');
  });
});
