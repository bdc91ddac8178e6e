/** The demo group's organisation: three companies, their departments, positions and about 20 people (seeded by org.demo.ts). */

export interface DemoEntity {
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  parent: string | null;
  departments: { code: string; name: string; parent: string | null }[];
}

export const demoEntities: DemoEntity[] = [
  {
    code: 'GRP',
    name: '协和控股集团有限公司',
    shortName: '协和集团',
    creditCode: '91110000MA01ABCD1X',
    parent: null,
    departments: [
      { code: 'HQ', name: '集团总部', parent: null },
      { code: 'GMO', name: '总经理办公室', parent: 'HQ' },
      { code: 'FIN', name: '财务部', parent: 'HQ' },
      { code: 'LEGAL', name: '法务部', parent: 'HQ' },
      { code: 'HR', name: '人力资源部', parent: 'HQ' },
    ],
  },
  {
    code: 'CONS',
    name: '协和建设工程有限公司',
    shortName: '协和建设',
    creditCode: '91310000MA1FL2EF3Y',
    parent: 'GRP',
    departments: [
      { code: 'MGT', name: '公司领导', parent: null },
      { code: 'ENG', name: '工程部', parent: 'MGT' },
      { code: 'ENG-1', name: '工程一部', parent: 'ENG' },
      { code: 'FIN', name: '财务部', parent: 'MGT' },
      { code: 'PROC', name: '采购部', parent: 'MGT' },
    ],
  },
  {
    code: 'TECH',
    name: '协和智能科技有限公司',
    shortName: '协和科技',
    creditCode: '91440300MA5GH4JK5X',
    parent: 'GRP',
    departments: [
      { code: 'MGT', name: '公司领导', parent: null },
      { code: 'RND', name: '研发部', parent: 'MGT' },
      { code: 'SALES', name: '销售部', parent: 'MGT' },
      { code: 'FIN', name: '财务部', parent: 'MGT' },
    ],
  },
];

export const demoPositions = [
  { code: 'GM', name: '总经理' },
  { code: 'MGR', name: '部门经理' },
  { code: 'ACC', name: '会计' },
  { code: 'LAW', name: '法务专员' },
  { code: 'ENGR', name: '工程师' },
  { code: 'SALES', name: '销售代表' },
  { code: 'CLERK', name: '专员' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  entity: string;
  department: string;
  position: string;
  /** Heads the department they belong to. */
  head?: boolean;
  roles: string[];
  /** Roles held in other entities too (the group's legal counsel reviews the subsidiaries' contracts). */
  alsoIn?: { entity: string; roles: string[] }[];
  locale?: 'zh-CN' | 'en-US';
}

export const demoUsers: DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    entity: 'GRP',
    department: 'GMO',
    position: 'CLERK',
    roles: ['admin'],
  },
  {
    username: 'zhang.wei',
    displayName: '张伟',
    entity: 'GRP',
    department: 'HQ',
    position: 'GM',
    head: true,
    roles: ['general_manager'],
  },
  {
    username: 'liu.yang',
    displayName: '刘洋',
    entity: 'GRP',
    department: 'GMO',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'li.na',
    displayName: '李娜',
    entity: 'GRP',
    department: 'FIN',
    position: 'MGR',
    head: true,
    roles: ['finance', 'dept_head'],
  },
  {
    username: 'chen.jing',
    displayName: '陈静',
    entity: 'GRP',
    department: 'FIN',
    position: 'ACC',
    roles: ['finance'],
  },
  {
    username: 'wang.fang',
    displayName: '王芳',
    entity: 'GRP',
    department: 'LEGAL',
    position: 'LAW',
    head: true,
    roles: ['legal', 'dept_head'],
    // The subsidiaries have no lawyer of their own: the contract flows' legal review is mandatory.
    alsoIn: [
      { entity: 'CONS', roles: ['legal'] },
      { entity: 'TECH', roles: ['legal'] },
    ],
  },
  {
    username: 'yang.xue',
    displayName: '杨雪',
    entity: 'GRP',
    department: 'HR',
    position: 'MGR',
    head: true,
    roles: ['entity_admin', 'dept_head'],
  },
  {
    username: 'zhao.lei',
    displayName: '赵磊',
    entity: 'CONS',
    department: 'MGT',
    position: 'GM',
    head: true,
    roles: ['general_manager'],
  },
  {
    username: 'zheng.hao',
    displayName: '郑浩',
    entity: 'CONS',
    department: 'MGT',
    position: 'CLERK',
    roles: ['entity_admin'],
  },
  {
    username: 'zhou.qiang',
    displayName: '周强',
    entity: 'CONS',
    department: 'ENG',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'feng.bo',
    displayName: '冯波',
    entity: 'CONS',
    department: 'ENG-1',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'wu.min',
    displayName: '吴敏',
    entity: 'CONS',
    department: 'ENG-1',
    position: 'ENGR',
    roles: ['staff'],
  },
  {
    username: 'sun.li',
    displayName: '孙丽',
    entity: 'CONS',
    department: 'FIN',
    position: 'MGR',
    head: true,
    roles: ['finance', 'dept_head'],
  },
  {
    username: 'xu.tao',
    displayName: '徐涛',
    entity: 'CONS',
    department: 'PROC',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'huang.lei',
    displayName: '黄磊',
    entity: 'TECH',
    department: 'MGT',
    position: 'GM',
    head: true,
    roles: ['general_manager'],
  },
  {
    username: 'ma.chao',
    displayName: '马超',
    entity: 'TECH',
    department: 'MGT',
    position: 'CLERK',
    roles: ['entity_admin'],
  },
  {
    username: 'zhu.hong',
    displayName: '朱红',
    entity: 'TECH',
    department: 'RND',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'lin.feng',
    displayName: '林峰',
    entity: 'TECH',
    department: 'RND',
    position: 'ENGR',
    roles: ['staff'],
    locale: 'en-US',
  },
  {
    username: 'he.jun',
    displayName: '何军',
    entity: 'TECH',
    department: 'SALES',
    position: 'MGR',
    head: true,
    roles: ['dept_head'],
  },
  {
    username: 'guo.xin',
    displayName: '郭欣',
    entity: 'TECH',
    department: 'SALES',
    position: 'SALES',
    roles: ['staff'],
  },
  {
    username: 'tang.mei',
    displayName: '唐梅',
    entity: 'TECH',
    department: 'FIN',
    position: 'ACC',
    head: true,
    roles: ['finance'],
  },
];

/** One password for every demo login. */
export const DEMO_PASSWORD = 'Concord2026';
