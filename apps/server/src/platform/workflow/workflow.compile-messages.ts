import type { Locale } from '@concord/contracts';

/**
 * The compiler words its errors in English for logs and tests; designers read them in their own
 * language. Codes without a label here keep the compiler's wording.
 */
const labels: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  ROOT_NOT_START: { 'zh-CN': '流程必须从发起人节点开始', 'en-US': 'A flow starts with the initiator node' },
  START_NOT_ROOT: { 'zh-CN': '发起人节点只能在流程开头', 'en-US': 'The initiator node can only be first' },
  DUPLICATE_ID: { 'zh-CN': '节点编号重复', 'en-US': 'Two nodes share an id' },
  EMPTY_BRANCHES: { 'zh-CN': '分支节点至少需要两个分支', 'en-US': 'A branch node needs branches' },
  CONDITION_DEFAULT: {
    'zh-CN': '条件分支必须有且只有一个默认分支（不设条件的分支）',
    'en-US': 'A condition node needs exactly one default branch (one without conditions)',
  },
  INCLUSIVE_DEFAULT: {
    'zh-CN': '包容分支最多只能有一个默认分支',
    'en-US': 'An inclusive node may have at most one default branch',
  },
  VOTE_WITHOUT_RATIO: { 'zh-CN': '票签需要设置通过比例', 'en-US': 'A vote needs a pass ratio' },
  RETURN_TARGET_NOT_UPSTREAM: {
    'zh-CN': '只能退回到此节点之前的节点',
    'en-US': 'Returns can only go to nodes before this one',
  },
  REJECT_TARGET_MISSING: {
    'zh-CN': '请选择驳回到的节点',
    'en-US': 'Choose the node a rejection goes back to',
  },
  REJECT_TARGET_NOT_UPSTREAM: {
    'zh-CN': '只能驳回到此节点之前的节点',
    'en-US': 'A rejection can only go back to a node before this one',
  },
  ON_EMPTY_USERS_MISSING: {
    'zh-CN': '“审批人为空时转交指定人员”需要选择人员',
    'en-US': 'Choose the users to hand over to when no approver is found',
  },
  MANDATORY_AUTO_PASS: {
    'zh-CN': '必审节点不能自动通过（审批人为空时自动通过、发起人自己时跳过、超时自动通过都不可用）',
    'en-US': 'A mandatory node cannot pass by itself (no auto-pass when empty, when self, or on timeout)',
  },
  UNKNOWN_FIELD: { 'zh-CN': '引用了表单中不存在的字段', 'en-US': 'Refers to a field the form does not have' },
  BAD_CONDITION: { 'zh-CN': '条件设置不完整或有误', 'en-US': 'The condition is incomplete or wrong' },
  SUBPROCESS_KEY_MISSING: { 'zh-CN': '请选择子流程', 'en-US': 'Choose the child flow' },
  BAD_WEBHOOK_URL: { 'zh-CN': '触发器地址必须是 http(s) 网址', 'en-US': 'A trigger URL must be http(s)' },
};

/** The error in the reader's language; the compiler's own detail is kept for English readers. */
export function compileMessage(code: string, message: string, locale: Locale): string {
  const label = labels[code];
  if (!label) return message;
  return locale === 'zh-CN' ? label['zh-CN'] : message;
}
