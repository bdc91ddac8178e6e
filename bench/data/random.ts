/**
 * A seeded generator (mulberry32): the same seed gives the same data on every machine. Ids are
 * shaped as the app's time-ordered ones (uuid v7: 48 bits of milliseconds first) but count up from
 * `idsFrom`, one per id, with random bits after: each table's primary key is then filled in key
 * order, appended at the end of its B-tree as the app's own inserts are, instead of a random page
 * per row (the difference between a compact index built in one pass and a half-empty one written
 * all over the file at tier L).
 */
export function seeded(seed: number, idsFrom = Date.UTC(2020, 0, 1)) {
  let state = seed >>> 0;
  /** The next 32 random bits. */
  const bits = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => bits() / 4294967296;
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  let stamp = idsFrom;
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** A uuid v7-shaped id: the counter's 48 bits, then 74 random ones (deterministic, ascending). */
    id: () => {
      const time = hex(stamp++, 12);
      const a = bits();
      const b = bits();
      const c = bits();
      return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(a >>> 20, 3)}-${hex(0x8000 | (a & 0x3fff), 4)}-${hex(b, 8)}${hex(c >>> 16, 4)}`;
    },
  };
}
export type Random = ReturnType<typeof seeded>;

const places = ['华东', '华南', '华北', '西南', '西北', '东北', '华中', '长三角', '珠三角', '京津冀'];
const subjects = [
  '钢材采购',
  '设备租赁',
  '物业服务',
  '软件许可',
  '工程施工',
  '技术咨询',
  '物流运输',
  '办公用品',
  '广告投放',
  '安装调试',
  '维保服务',
  '原材料供应',
];
const kinds = ['框架协议', '合同', '补充协议', '订单', '服务协议'];
const latin = [
  'Steel Supply',
  'Cloud Hosting',
  'Fleet Lease',
  'Audit Services',
  'Network Upgrade',
  'Catering',
  'Security Patrol',
];
const companies = [
  '华信',
  '中联',
  '鼎盛',
  '恒通',
  '远航',
  '金桥',
  '新元',
  '联创',
  '宏达',
  '天成',
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
];
const suffixes = [
  '科技有限公司',
  '建设集团有限公司',
  '贸易有限公司',
  '物流股份有限公司',
  'Trading Co., Ltd.',
  'Engineering Ltd.',
];

/** A contract name, Chinese mostly, Latin in one of eight. */
export function contractName(random: Random, n: number): string {
  if (random.next() < 0.125) return `${random.pick(latin)} Agreement ${n}`;
  return `${random.pick(places)}${random.pick(subjects)}${random.pick(kinds)}${n}`;
}

export function partnerName(random: Random, n: number): string {
  return `${random.pick(companies)}${random.pick(suffixes)}${n}`;
}
