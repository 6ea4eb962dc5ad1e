import { describe, expect, it } from 'vitest';
import { inAcceptanceOrder, type AcceptanceRow } from './acceptanceQueue';

const row = (number: string, over: Partial<AcceptanceRow>): AcceptanceRow => ({
  number,
  matterName: '食品经营许可',
  applicantName: '李春梅',
  receivedOn: '2026-12-01',
  isGreenChannel: false,
  supplementCount: 0,
  acceptanceDue: '2026-12-08',
  provisional: false,
  workdaysLeft: 4,
  level: 'normal',
  ...over,
});

describe('the acceptance queue', () => {
  it('puts the green channel first, then the nearest deadline, then the order received', () => {
    const rows = [
      row('C', { acceptanceDue: '2026-12-04' }),
      row('A', { acceptanceDue: '2026-12-09', isGreenChannel: true }),
      row('B', { acceptanceDue: '2026-12-03', receivedOn: '2026-11-30' }),
      row('D', { acceptanceDue: '2026-12-03', receivedOn: '2026-11-26' }),
    ];
    expect(inAcceptanceOrder(rows).map((r) => r.number)).toEqual(['A', 'D', 'B', 'C']);
  });
});
