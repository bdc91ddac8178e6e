import type { Translations } from './catalogue';
import { kitZhCN } from './kit.zh-CN';

/**
 * The shell's Simplified Chinese texts: login, layout, menu labels, words shared by every page and
 * the shared building blocks' `kit` namespace (kit.zh-CN.ts).
 * Each module brings its own texts in its definition (`modules/<name>/index.ts`); app/modules.ts
 * merges them. zh-CN is the default language and the reference for the shape of every other
 * language (en-US must have the same keys; the compiler checks it).
 */
export const zhCN = {
  app: {
    productName: 'Concord 协同办公',
  },
  common: {
    pageSize: '每页条数',
    ok: '确定',
    cancel: '取消',
    save: '保存',
    edit: '编辑',
    delete: '删除',
    actions: '操作',
    reset: '重置',
    retry: '重试',
    refresh: '刷新',
    export: '导出',
    exported: '已开始下载',
    more: '更多',
    moreFilters: '更多筛选',
    lessFilters: '收起筛选',
    saved: '已保存',
    deleted: '已删除',
    active: '启用',
    inactive: '停用',
    status: '状态',
    createdAt: '创建时间',
    sortOrder: '排序',
    entity: '法人主体',
    total: '共 {{total}} 条',
    totalAtLeast: '超过 {{total}} 条',
    totalPending: '正在统计…',
    previous: '上一页',
    next: '下一页',
    page: '第 {{page}} 页',
    perPage: '{{limit}} 条/页',
    requestId: '请求号',
    builtIn: '内置',
    notSet: '未设置',
  },
  validation: {
    implausibleDate: '日期 {{date}} 似乎不太可能，请确认是否填错',
    required: '请填写{{field}}',
    requiredSelect: '请选择{{field}}',
    code: '编码只能包含字母、数字、“_”、“-”和“.”，最长 40 位',
    username: '用户名为 2–32 位字母、数字、“_”、“-”或“.”',
    email: '请输入有效的电子邮箱',
    phone: '请输入有效的电话号码',
    creditCode: '统一社会信用代码为 18 位数字或大写字母',
    password: '密码至少 8 位，且须同时包含字母和数字',
    passwordMismatch: '两次输入的新密码不一致',
    maxLength: '最多 {{max}} 个字符',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试',
    badResponse: '服务器返回了异常响应（HTTP {{status}}）',
    actionFailed: '操作失败',
    notFoundTitle: '页面不存在',
    notFoundText: '您访问的页面不存在，可能已被移动或删除。',
    forbiddenTitle: '无权访问',
    forbiddenText: '您在当前法人主体中没有访问此页面的权限。可切换法人主体或联系管理员开通。',
    goHome: '返回工作台',
    crashTitle: '页面出错了',
    crashText: '页面遇到意外错误，请刷新后重试。',
  },
  login: {
    subtitle: '企业协同办公平台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    footer: '开源企业协同办公系统',
  },
  menu: {
    home: '工作台',
    system: '系统管理',
    entities: '法人主体',
    departments: '部门',
    positions: '岗位',
    users: '用户',
    roles: '角色权限',
    audit: '审计日志',
    robots: '群机器人',
    forms: '表单定义',
    openMenu: '打开菜单',
  },
  header: {
    actingEntity: '当前法人主体',
    entitySwitched: '已切换到 {{name}}',
    switchLanguage: '切换语言',
    otherLanguageShort: 'EN',
    otherLanguageName: 'English',
    profile: '个人资料',
    changePassword: '修改密码',
    logout: '退出登录',
  },
  locales: {
    'zh-CN': '简体中文',
    'en-US': 'English',
  },
  ...kitZhCN,
};

/** The shape of the shell's texts in every language. */
export type ShellMessages = Translations<typeof zhCN>;
