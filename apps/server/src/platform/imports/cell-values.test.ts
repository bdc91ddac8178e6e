import { describe, expect, it } from 'vitest';
import { halfWidth, readDate, readMoney, readRate, readYuan } from './index.js';

const cell = (value: string | number | boolean | Date | null, percent = false) => ({ value, percent });
const MAX = 1_000_000_000_000_00; // ¥1,000,000,000,000.00 in 分

describe('amounts as ledgers write them', () => {
  it('reads yuan exactly as 分: separators, signs, full width and the units 万 and 亿', () => {
    const read = (value: string | number) => readYuan(cell(value), MAX);
    expect(read(120000.5)).toBe(12_000_050);
    expect(read('1,234.50')).toBe(123_450);
    expect(read('¥1234.5')).toBe(123_450);
    expect(read('￥１，２３４．５')).toBe(123_450);
    expect(read('RMB 88')).toBe(8_800);
    expect(read('1234.5元')).toBe(123_450);
    expect(read('12.3万')).toBe(12_300_000);
    expect(read('12.3456万元')).toBe(12_345_600);
    expect(read('1.2亿')).toBe(12_000_000_000);
    expect(read('12.300')).toBe(1_230);
    // A formula's float noise, as Excel shows the number (15 significant digits).
    expect(read(1130.0000000000002)).toBe(113_000);
  });

  it("reads an amount in its currency's minor units: yen have none", () => {
    expect(readMoney(cell(120000), { max: MAX, minorDigits: 0 })).toBe(120_000);
    expect(readMoney(cell('1.2万'), { max: MAX, minorDigits: 0 })).toBe(12_000);
    expect(readMoney(cell('1000.5'), { max: MAX, minorDigits: 0 })).toBe('decimals');
    expect(readMoney(cell('1000.50'), { max: MAX, minorDigits: 2 })).toBe(100_050);
  });

  it('reads an amount in the unit its column names, unless it writes its own', () => {
    expect(readYuan(cell(12.3), MAX, '万')).toBe(12_300_000);
    expect(readYuan(cell('12.3'), MAX, '万')).toBe(12_300_000);
    expect(readYuan(cell('500元'), MAX, '万')).toBe(50_000);
    expect(readYuan(cell('1.5亿'), MAX, '万')).toBe(15_000_000_000);
    expect(readYuan(cell(0.0000001), MAX, '万')).toBe('decimals');
  });

  it('refuses what is no amount of 分, saying why', () => {
    const read = (value: string | number | boolean) => readYuan(cell(value), MAX);
    expect(read('12.345')).toBe('decimals');
    expect(read('1.2345678万')).toBe('decimals');
    expect(read(0.001)).toBe('decimals');
    expect(read(-1)).toBe('negative');
    expect(read('-5')).toBe('negative');
    expect(read('(1,234.50)')).toBe('negative');
    expect(read('abc')).toBe('number');
    expect(read('12.3千')).toBe('number');
    expect(read(true)).toBe('number');
    expect(read('20000亿')).toBe('tooLarge');
    expect(readYuan(cell('100.01'), 10_000)).toBe('tooLarge');
  });
});

describe('dates as ledgers write them', () => {
  it('reads Excel dates, day serials and five ways of text; a day that does not exist is none', () => {
    expect(readDate(cell(new Date(Date.UTC(2024, 1, 29))))).toBe('2024-02-29');
    expect(readDate(cell(45356))).toBe('2024-03-05');
    for (const text of [
      '2024-03-05',
      '2024/3/5',
      '2024.3.5',
      '2024年3月5日',
      '2024 年 3 月 5 日',
      '2024-03-05 00:00:00',
    ])
      expect(readDate(cell(text))).toBe('2024-03-05');
    expect(readDate(cell('２０２４年３月５日'))).toBe('2024-03-05');
    expect(readDate(cell('2023-02-29'))).toBeNull();
    expect(readDate(cell('2024年13月1日'))).toBeNull();
    expect(readDate(cell('下月初'))).toBeNull();
    expect(readDate(cell(45356.5))).toBeNull();
    expect(readDate(cell(12))).toBeNull();
  });
});

describe('tax rates as ledgers write them', () => {
  it('reads 13%, 13 and 0.13 all as 13%, never 0.13%', () => {
    for (const value of ['13%', 13, '13', '１３％'])
      expect(readRate(cell(value))).toEqual({ basisPoints: 1300, exemption: null });
    expect(readRate(cell(0.13, true))).toEqual({ basisPoints: 1300, exemption: null });
    // A plain fraction says it was read as one: 0.13 may have been meant as 0.13%, the user confirms.
    for (const value of [0.13, '0.13'])
      expect(readRate(cell(value))).toEqual({ basisPoints: 1300, exemption: null, fraction: true });
    expect(readRate(cell(0.015))).toEqual({ basisPoints: 150, exemption: null, fraction: true });
    expect(readRate(cell('1.5'))).toEqual({ basisPoints: 150, exemption: null });
    expect(readRate(cell(0))).toEqual({ basisPoints: 0, exemption: null });
  });

  it('reads the exemptions as 0 with their kind, and refuses a plain 1 (1% or 100%?) and what is no rate', () => {
    expect(readRate(cell('免税'))).toEqual({ basisPoints: 0, exemption: 'EXEMPT' });
    expect(readRate(cell('不征税'))).toEqual({ basisPoints: 0, exemption: 'NOT_TAXABLE' });
    expect(readRate(cell(' 零税率 '))).toEqual({ basisPoints: 0, exemption: 'ZERO_RATED' });
    // As Concord's English export writes them.
    expect(readRate(cell('Not taxable'))).toEqual({ basisPoints: 0, exemption: 'NOT_TAXABLE' });
    expect(readRate(cell('exempt'))).toEqual({ basisPoints: 0, exemption: 'EXEMPT' });
    expect(readRate(cell(1))).toEqual({ problem: 'ambiguous' });
    expect(readRate(cell('1'))).toEqual({ problem: 'ambiguous' });
    expect(readRate(cell('1%'))).toEqual({ basisPoints: 100, exemption: null });
    expect(readRate(cell(1, true))).toEqual({ basisPoints: 10000, exemption: null });
    expect(readRate(cell(101))).toEqual({ problem: 'rate' });
    expect(readRate(cell('13.555%'))).toEqual({ problem: 'rate' });
    expect(readRate(cell('十三'))).toEqual({ problem: 'rate' });
  });
});

it('writes full-width characters as their ASCII twins', () => {
  expect(halfWidth('（１，２３４．５０）￥　')).toBe('(1,234.50)¥ ');
});
