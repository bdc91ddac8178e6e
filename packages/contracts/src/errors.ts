/**
 * Stable error codes and their messages in both UI languages. The server picks the message for the
 * caller's locale; the web shows it as is. `{name}` placeholders are filled from the error's params.
 */
export const errorMessages = {
  VALIDATION_FAILED: { 'zh-CN': '输入有误：{detail}', 'en-US': 'Invalid input: {detail}' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  NOT_FOUND: {
    'zh-CN': '记录不存在或您无权查看',
    'en-US': 'The record does not exist or you may not see it',
  },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  CSRF_FAILED: {
    'zh-CN': '请求校验失败，请刷新页面后重试',
    'en-US': 'Request check failed; reload the page and try again',
  },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已临时锁定，请在 {minutes} 分钟后重试',
    'en-US': 'Too many failed sign-ins; the account is locked for {minutes} minutes',
  },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  TOO_MANY_REQUESTS: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  PASSWORD_POLICY: {
    'zh-CN': '密码至少 8 位，且须同时包含字母和数字',
    'en-US': 'Passwords need at least 8 characters with both letters and digits',
  },
  PASSWORD_WRONG: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  DUPLICATE: { 'zh-CN': '{what}已存在：{value}', 'en-US': '{what} already exists: {value}' },
  HAS_CHILDREN: {
    'zh-CN': '该{what}下还有下级或成员，不能删除',
    'en-US': 'This {what} still has children or members and cannot be deleted',
  },
  TREE_CYCLE: {
    'zh-CN': '不能把{what}移动到它自己或其下级之下',
    'en-US': 'A {what} cannot be moved under itself or its descendants',
  },
  INVALID_REFERENCE: { 'zh-CN': '{what}无效或不可用', 'en-US': 'The {what} is invalid or not available' },
  NOT_ALLOWED_ENTITY: {
    'zh-CN': '您在该法人主体中没有角色',
    'en-US': 'You hold no role in that legal entity',
  },
  BUILT_IN: { 'zh-CN': '内置{what}不能删除', 'en-US': 'A built-in {what} cannot be deleted' },
  SELF_ACTION: { 'zh-CN': '不能对自己执行此操作', 'en-US': 'You cannot do this to your own account' },
  CONFLICT: {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    'en-US': 'The record was changed by someone else; reload and try again',
  },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大', 'en-US': 'The request is too large' },
  NOTIFICATION_DELIVERY_FAILED: {
    'zh-CN': '消息发送失败：{detail}',
    'en-US': 'The message could not be delivered: {detail}',
  },
  UNKNOWN_TEMPLATE: {
    'zh-CN': '未知的通知模板：{template}',
    'en-US': 'Unknown notification template: {template}',
  },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请联系管理员（请求号 {requestId}）',
    'en-US': 'Internal error; contact your administrator (request {requestId})',
  },
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** Names of things that messages mention through `{what}`, in both languages. */
export const subjectLabels: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  entity: { 'zh-CN': '法人主体', 'en-US': 'legal entity' },
  'parent entity': { 'zh-CN': '上级法人主体', 'en-US': 'parent entity' },
  group: { 'zh-CN': '集团', 'en-US': 'group' },
  department: { 'zh-CN': '部门', 'en-US': 'department' },
  'parent department': { 'zh-CN': '上级部门', 'en-US': 'parent department' },
  'extra department': { 'zh-CN': '兼职部门', 'en-US': 'additional department' },
  'department head': { 'zh-CN': '部门负责人', 'en-US': 'department head' },
  position: { 'zh-CN': '岗位', 'en-US': 'position' },
  role: { 'zh-CN': '角色', 'en-US': 'role' },
  user: { 'zh-CN': '用户', 'en-US': 'user' },
  username: { 'zh-CN': '用户名', 'en-US': 'username' },
  code: { 'zh-CN': '编码', 'en-US': 'code' },
  robot: { 'zh-CN': '群机器人', 'en-US': 'group robot' },
};

export function formatErrorMessage(
  code: ErrorCode,
  locale: 'zh-CN' | 'en-US',
  params: Record<string, string | number> = {},
): string {
  const template: string = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = String(params[key] ?? '');
    return key === 'what' ? (subjectLabels[value]?.[locale] ?? value) : value;
  });
}
