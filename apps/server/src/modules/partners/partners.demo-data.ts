import type { PartnerKind, PartnerType } from '@concord/contracts';

/** A partner of the demo library (seeded by partners.demo.ts). */
export interface DemoPartner {
  entity: string;
  /** Who registers it (its owner). */
  by: string;
  name: string;
  creditCode: string | null;
  kinds: PartnerKind[];
  type?: PartnerType;
  industry: string;
  region: string;
  address: string;
  shared?: boolean;
  remarks?: string;
  bank?: { bankName: string; accountNumber: string };
  contact?: { name: string; role: string; position: string; phone: string; email: string };
  /** Qualifications; `endsInDays` counts from the day of seeding (negative: already expired). */
  qualifications?: {
    type: string;
    number: string;
    startedDaysAgo: number;
    endsInDays: number | null;
    file?: string;
  }[];
  blacklist?: string;
}

/*
 * Fictitious companies; their credit codes carry valid check characters (GB 32100-2015, and the
 * organisation code inside them GB 11714). Every entity has partners of its own and shared ones;
 * one partner is blacklisted and two qualifications expire within 30 days of seeding (one of
 * 协和建设, one of 协和科技).
 */
export const demoPartners: DemoPartner[] = [
  {
    entity: 'GRP',
    by: 'wang.fang',
    name: '北京华信联合会计师事务所（特殊普通合伙）',
    creditCode: '91110108MA01Q7HK0D',
    kinds: ['supplier'],
    industry: 'L',
    region: '11',
    address: '北京市海淀区中关村南大街 8 号华信大厦 12 层',
    shared: true,
    remarks: '集团年度审计机构',
    bank: { bankName: '中国工商银行北京海淀支行', accountNumber: '0200 0045 0902 0123 456' },
    contact: {
      name: '周明',
      role: '项目合伙人',
      position: '合伙人',
      phone: '010-6251 8800',
      email: 'zhouming@huaxin-cpa.example',
    },
    qualifications: [
      { type: '会计师事务所执业证书', number: '11010156', startedDaysAgo: 900, endsInDays: null },
    ],
  },
  {
    entity: 'GRP',
    by: 'wang.fang',
    name: '北京中诚明律师事务所',
    creditCode: '31110000E736452153',
    kinds: ['supplier'],
    industry: 'L',
    region: '11',
    address: '北京市朝阳区建国门外大街 1 号国贸写字楼 2 座 25 层',
    shared: true,
    remarks: '集团常年法律顾问',
    contact: {
      name: '孙丽华',
      role: '常年法律顾问',
      position: '高级合伙人',
      phone: '010-6505 2288',
      email: 'sunlh@zcm-law.example',
    },
  },
  {
    entity: 'GRP',
    by: 'wang.fang',
    name: '上海申通建材贸易有限公司',
    creditCode: '91310115MA1K4B2R2W',
    kinds: ['supplier'],
    industry: 'F',
    region: '31',
    address: '上海市浦东新区川沙路 5558 号',
    shared: true,
    bank: { bankName: '上海浦东发展银行川沙支行', accountNumber: '9811 0078 8010 0000 1234' },
    blacklist: '2026 年抽检中提供伪造的产品检测报告，经法务部核实，列入集团黑名单。',
  },
  {
    entity: 'GRP',
    by: 'wang.fang',
    name: '北京金泰物业管理有限公司',
    creditCode: '91110105MA00F3LD7D',
    kinds: ['supplier'],
    industry: 'K',
    region: '11',
    address: '北京市朝阳区光华路 9 号',
    remarks: '集团总部办公楼物业服务',
    bank: { bankName: '中国建设银行北京朝阳支行', accountNumber: '1105 0163 5600 0000 0789' },
    contact: {
      name: '刘强',
      role: '客户经理',
      position: '物业项目经理',
      phone: '138 1000 2233',
      email: 'liuqiang@jintai-pm.example',
    },
    qualifications: [
      { type: '物业服务企业资质证书', number: '京物业 2022-0156', startedDaysAgo: 700, endsInDays: 400 },
    ],
  },
  {
    entity: 'CONS',
    by: 'xu.tao',
    name: '苏州恒力钢结构工程有限公司',
    creditCode: '91320500MA1N8YXU16',
    kinds: ['supplier'],
    industry: 'E',
    region: '32',
    address: '江苏省苏州市吴中区木渎镇金枫南路 1288 号',
    bank: { bankName: '中国农业银行苏州吴中支行', accountNumber: '1054 0101 0400 1234 5' },
    contact: {
      name: '陈志强',
      role: '商务联系人',
      position: '销售经理',
      phone: '139 1234 5678',
      email: 'chenzq@hengli-steel.example',
    },
    qualifications: [
      {
        type: '建筑业企业资质证书（钢结构工程专业承包一级）',
        number: 'D232045678',
        startedDaysAgo: 1800,
        endsInDays: 20,
      },
      { type: '安全生产许可证', number: '(苏)JZ安许证字[2023]051234', startedDaysAgo: 1000, endsInDays: -15 },
    ],
  },
  {
    entity: 'CONS',
    by: 'xu.tao',
    name: '上海浦江商品混凝土有限公司',
    creditCode: '91310118MA1JL6TB14',
    kinds: ['supplier'],
    industry: 'C',
    region: '31',
    address: '上海市青浦区华新镇华隆路 1777 号',
    bank: { bankName: '交通银行上海青浦支行', accountNumber: '3100 6670 1018 0012 3456 7' },
  },
  {
    entity: 'CONS',
    by: 'xu.tao',
    name: '浙江安和置业发展有限公司',
    creditCode: '91330000MA2HN3TA60',
    kinds: ['customer'],
    industry: 'K',
    region: '33',
    address: '浙江省杭州市上城区钱江路 58 号',
    shared: true,
    contact: {
      name: '吴海燕',
      role: '甲方代表',
      position: '工程部经理',
      phone: '0571-8788 6600',
      email: 'wuhy@anhe-estate.example',
    },
  },
  {
    entity: 'CONS',
    by: 'xu.tao',
    name: '张建国',
    creditCode: null,
    type: 'individual',
    kinds: ['supplier'],
    industry: 'E',
    region: '31',
    address: '上海市闵行区莘庄镇',
    remarks: '零星劳务分包（个人）',
  },
  {
    entity: 'TECH',
    by: 'he.jun',
    name: '深圳云帆数据技术有限公司',
    creditCode: '91440300MA5F2K9N0R',
    kinds: ['customer'],
    industry: 'I',
    region: '44',
    address: '广东省深圳市南山区科技园科苑路 15 号',
    bank: { bankName: '招商银行深圳科技园支行', accountNumber: '7559 2788 8810 801' },
    contact: {
      name: '林晓东',
      role: '采购负责人',
      position: 'IT 总监',
      phone: '0755-8666 1234',
      email: 'linxd@yunfan-data.example',
    },
    qualifications: [
      {
        type: '营业执照',
        number: '91440300MA5F2K9N0R',
        startedDaysAgo: 1200,
        endsInDays: null,
        file: '营业执照副本（示例）.txt',
      },
    ],
  },
  {
    entity: 'TECH',
    by: 'he.jun',
    name: '广州智联电子科技有限公司',
    creditCode: '91440106MA59C3TQ5J',
    kinds: ['supplier'],
    industry: 'C',
    region: '44',
    address: '广东省广州市天河区天河北路 233 号',
    shared: true,
    bank: { bankName: '中国银行广州天河支行', accountNumber: '6868 5723 3010' },
    qualifications: [
      { type: 'ISO 9001 质量管理体系认证', number: 'CN-QMS-2024-8810', startedDaysAgo: 500, endsInDays: 95 },
    ],
  },
  {
    entity: 'TECH',
    by: 'he.jun',
    name: '杭州澄明软件有限公司',
    creditCode: '91330108MA2H0L5PXN',
    kinds: ['customer', 'supplier'],
    industry: 'I',
    region: '33',
    address: '浙江省杭州市滨江区网商路 699 号',
    // Due for renewal: the registrant's workbench (资质即将到期) shows it from the start.
    qualifications: [
      { type: '软件企业证书', number: '浙RQ-2023-0417', startedDaysAgo: 1070, endsInDays: 25 },
    ],
  },
  {
    entity: 'TECH',
    by: 'he.jun',
    name: '深圳市前海智慧城市建设服务中心',
    creditCode: '12440300MB2D14782H',
    type: 'government',
    kinds: ['customer'],
    industry: 'S',
    region: '44',
    address: '广东省深圳市前海深港合作区梦海大道 5035 号',
  },
];
