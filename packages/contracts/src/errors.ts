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
  PAGE_BEYOND_CAP: {
    'zh-CN': '列表只分页显示前 {cap} 条，请缩小筛选范围查看更早的记录',
    'en-US': 'Only the first {cap} rows are paged; narrow the filter to see older ones',
  },
  CSRF_FAILED: {
    'zh-CN': '请求校验失败，请刷新页面后重试',
    'en-US': 'Request check failed; reload the page and try again',
  },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后重试',
    'en-US': 'Too many failed sign-ins; try again in {minutes} minutes',
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
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '请先修改密码：您使用的是公开的初始密码，修改后才能继续使用',
    'en-US': 'Change your password first: you signed in with a well-known initial password',
  },
  USER_HAS_OPEN_WORK: {
    'zh-CN': '该用户还有未完成的工作（{detail}），请先选择交接给谁再停用',
    'en-US': 'This user still holds open work ({detail}): choose who takes it over before disabling',
  },
  HANDOVER_NO_SUCCESSOR: {
    'zh-CN': '“{detail}”找不到可交接的人（没有上级，也没有流程管理员），请指定交接人',
    'en-US': 'Nobody to take over "{detail}" (no supervisor and no flow administrator): name a successor',
  },
  HANDOVER_TARGET_INVALID: {
    'zh-CN': '交接人必须是另一位启用中的用户',
    'en-US': 'The successor must be another active user',
  },
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
  WF_NOT_ASSIGNEE: { 'zh-CN': '这项审批不在您的待办中', 'en-US': 'This approval task is not yours' },
  WF_NOT_INITIATOR: { 'zh-CN': '只有发起人可以这样做', 'en-US': 'Only the initiator can do this' },
  WF_NOT_ALLOWED_INITIATOR: { 'zh-CN': '您不能发起这个审批', 'en-US': 'You may not start this approval' },
  WF_FIELD_NOT_EDITABLE: {
    'zh-CN': '当前节点不允许修改字段：{detail}',
    'en-US': 'This step may not change the field: {detail}',
  },
  WF_ACTION_DISABLED: { 'zh-CN': '当前节点不允许此操作', 'en-US': 'This step does not allow that action' },
  WF_NOT_FOUND: { 'zh-CN': '审批任务不存在', 'en-US': 'No such approval task' },
  WF_STALE: {
    'zh-CN': '审批已被他人处理，请刷新后重试',
    'en-US': 'The approval changed meanwhile; reload and try again',
  },
  WF_ALREADY_DECIDED: { 'zh-CN': '该任务已处理', 'en-US': 'This task has already been decided' },
  WF_INVALID_STATE: {
    'zh-CN': '审批当前状态不允许此操作',
    'en-US': 'The approval is not in a state that allows this',
  },
  WF_ALREADY_ACTED: {
    'zh-CN': '已有审批人处理，不能撤回',
    'en-US': 'Someone has already acted; it can no longer be withdrawn',
  },
  WF_NEXT_NODE_ACTED: {
    'zh-CN': '下一节点已处理，不能撤销审批',
    'en-US': 'The next step has acted; the approval cannot be taken back',
  },
  WF_ADD_SIGN_NOT_ALLOWED: { 'zh-CN': '不能在此加签', 'en-US': 'Signers cannot be added here' },
  WF_INVALID_RETURN_TARGET: {
    'zh-CN': '只能退回到已经过的节点',
    'en-US': 'You can only return to a step already passed',
  },
  WF_MISSING_SELECTION: {
    'zh-CN': '请先选择审批人：{detail}',
    'en-US': 'Choose the approvers first: {detail}',
  },
  WF_MANDATORY_APPROVER_MISSING: {
    'zh-CN':
      '必审节点“{detail}”没有审批人（本单位无人担任该角色或审批人已停用），不能提交。请联系流程管理员补齐审批人。',
    'en-US':
      'The mandatory step "{detail}" has no approver (nobody holds the role in this entity, or the approver is disabled), so this cannot be submitted. Ask the flow administrator to name one.',
  },
  WF_INVALID_SELECTION: {
    'zh-CN': '所选审批人不在允许范围内',
    'en-US': 'The chosen approvers are not allowed',
  },
  WF_COMMENT_REQUIRED: { 'zh-CN': '请填写审批意见', 'en-US': 'A comment is required' },
  WF_SIGNATURE_REQUIRED: { 'zh-CN': '请签名', 'en-US': 'A signature is required' },
  WF_INVALID_COMMAND: { 'zh-CN': '无效的审批操作：{detail}', 'en-US': 'Invalid approval action: {detail}' },
  WF_NO_FLOW: {
    'zh-CN': '没有适用的审批流程，请联系管理员配置（业务类型 {detail}）',
    'en-US': 'No approval flow applies; ask an administrator to set one up (business type {detail})',
  },
  WF_CURRENCY_MISMATCH: {
    'zh-CN':
      '审批流程「{flow}」的金额条件以 {flowCurrency} 设定，不能比较 {documentCurrency} 金额的单据；请管理员为 {documentCurrency} 配置审批流程',
    'en-US':
      'The approval flow "{flow}" states its amount conditions in {flowCurrency} and cannot compare a document in {documentCurrency}; ask an administrator to set up a flow for {documentCurrency}',
  },
  WF_FLOW_INVALID: {
    'zh-CN': '审批流程有误，不能发布',
    'en-US': 'The flow has errors and cannot be published',
  },
  PARTNER_CREDIT_CODE_INVALID: {
    'zh-CN': '统一社会信用代码无效：{detail}',
    'en-US': 'Invalid unified social credit code: {detail}',
  },
  PARTNER_BLACKLISTED: {
    'zh-CN': '合作伙伴「{name}」已被列入黑名单，不能用于新合同',
    'en-US': 'Partner "{name}" is blacklisted and cannot be used on a new contract',
  },
  NUMBERING_PATTERN_INVALID: {
    'zh-CN': '编号规则格式有误：{detail}',
    'en-US': 'Invalid numbering pattern: {detail}',
  },
  CONTRACT_ILLEGAL_TRANSITION: {
    'zh-CN': '合同当前状态为「{from}」，不能{action}',
    'en-US': 'The contract is "{from}"; it cannot be {action}',
  },
  CONTRACT_ATTACHMENTS_MISSING: {
    'zh-CN': '缺少必需的附件：{detail}',
    'en-US': 'Required attachments are missing: {detail}',
  },
  CONTRACT_CHANGE_PENDING: {
    'zh-CN': '该合同已有变更在审批中，请等待其结束',
    'en-US': 'A change of this contract is already in approval; wait until it ends',
  },
  CONTRACT_IMPORT_INVALID: {
    'zh-CN': '导入文件有 {count} 行错误，未导入任何数据',
    'en-US': 'The file has {count} rows with errors; nothing was imported',
  },
  CONTRACT_ARCHIVE_STATE: {
    'zh-CN': '档案状态不允许此操作：{detail}',
    'en-US': 'The archive record does not allow this: {detail}',
  },
  CONTRACT_SEAL_STATE: {
    'zh-CN': '用印申请状态不允许此操作：{detail}',
    'en-US': 'The seal request does not allow this: {detail}',
  },
  INVOICE_INVALID: { 'zh-CN': '发票信息有误：{detail}', 'en-US': 'Invalid invoice: {detail}' },
  INVOICE_DUPLICATE: {
    'zh-CN': '该发票已在集团内登记（{invoice}），{usage}',
    'en-US': 'This invoice is already registered in the group ({invoice}); {usage}',
  },
  INVOICE_OVERUSED: {
    'zh-CN': '发票 {invoice} 可用金额不足：价税合计 {total}，已使用 {used}，本次 {amount}',
    'en-US': 'Invoice {invoice} has too little left: total {total}, used {used}, this use {amount}',
  },
  INVOICE_USED_TWICE: {
    'zh-CN': '{document} 已使用过发票 {invoice}，同一单据不能重复使用',
    'en-US': '{document} already uses invoice {invoice}; a document may use an invoice only once',
  },
  INVOICE_VOIDED: {
    'zh-CN': '发票 {invoice} 已作废，不能使用',
    'en-US': 'Invoice {invoice} is voided and cannot be used',
  },
  INVOICE_IN_USE: {
    'zh-CN': '发票 {invoice} 正在被使用（{usage}），不能作废',
    'en-US': 'Invoice {invoice} is in use ({usage}) and cannot be voided',
  },
  INVOICE_DIRECTION_MISMATCH: {
    'zh-CN': '{contract}只能关联{expected}，该发票为{actual}',
    'en-US': 'A {contract} takes {expected} only; this invoice is {actual}',
  },
  INVOICE_PARTY_MISMATCH: {
    'zh-CN': '发票{side}税号 {taxId} 与合同相对方「{partner}」的统一社会信用代码 {creditCode} 不一致',
    'en-US':
      'The invoice\'s {side} tax id {taxId} differs from the credit code {creditCode} of the counterparty "{partner}"',
  },
  CONTRACT_SETUP_IN_USE: {
    'zh-CN': '该{what}已被 {count} 条合同或合同规划引用，不能删除',
    'en-US': 'This {what} is referenced by {count} contracts or plan lines and cannot be deleted',
  },
  CONTRACT_SETTLEMENT_STATE: {
    'zh-CN': '结算不允许此操作：{detail}',
    'en-US': 'The settlement does not allow this: {detail}',
  },
  CONTRACT_SETTLEMENT_BELOW_PAID: {
    'zh-CN': '结算金额 {settled} 低于已付（已收）及审批中的金额 {committed}，不能结算',
    'en-US':
      'The settled amount {settled} is below what is already paid or received and requested ({committed})',
  },
  CONTRACT_EVALUATION_REQUIRED: {
    'zh-CN': '合同完成前须先进行回归评价',
    'en-US': 'The contract must be evaluated before it is completed',
  },
  CONTRACT_EVALUATION_STATE: {
    'zh-CN': '回归评价不允许此操作：{detail}',
    'en-US': 'The evaluation does not allow this: {detail}',
  },
  CONTRACT_OVER_PAYMENT: {
    'zh-CN': '金额 {amount} 超出{what}的剩余额度 {remaining}',
    'en-US': 'The amount {amount} exceeds what is left on the {what}: {remaining}',
  },
  CONTRACT_PAYMENT_NEEDS_OVERRIDE: {
    'zh-CN':
      '本次申请后已付及在途 {committed} 超过已开票 {invoiced} / 已验收 {accepted}，须由有“超额放行”权限的人填写放行原因',
    'en-US':
      'After this request, paid and requested {committed} exceed invoiced {invoiced} / accepted {accepted}; an override reason by someone allowed to override is required',
  },
  CONTRACT_PAYMENT_RETENTION_HELD: {
    'zh-CN':
      '结算质保金 {retention} 暂扣至 {releaseDate}：本次申请后已付及在途 {committed} 超过可付金额 {payable}（结算金额减质保金），须先释放质保金，或由有“超额放行”权限的人填写放行原因',
    'en-US':
      'The settlement retains {retention} until {releaseDate}: after this request, paid and requested {committed} exceed the payable {payable} (settled less retention); release the retention first, or give an override reason as someone allowed to override',
  },
  CONTRACT_PAYMENT_STATE: {
    'zh-CN': '款项状态不允许此操作：{detail}',
    'en-US': 'The payment does not allow this: {detail}',
  },
  CONTRACT_OVER_REFUND: {
    'zh-CN': '退款金额 {amount} 超出可退金额 {remaining}',
    'en-US': 'The refund {amount} exceeds what may still be refunded: {remaining}',
  },
  CONTRACT_DELIVERY_STATE: {
    'zh-CN': '交付记录不允许此操作：{detail}',
    'en-US': 'The delivery does not allow this: {detail}',
  },
  CONTRACT_OVER_DELIVERY: {
    'zh-CN': '交付金额 {amount} 超出合同剩余可交付金额 {remaining}',
    'en-US': 'The delivered amount {amount} exceeds what is left to deliver on the contract: {remaining}',
  },
  IDEMPOTENCY_MISMATCH: {
    'zh-CN': '幂等键 {key} 已用于内容不同的另一请求，请重新打开表单后提交',
    'en-US':
      'The idempotency key {key} was already used for a different request; reopen the form and submit again',
  },
  CONTRACT_PLAN_SUM: {
    'zh-CN': '计划金额合计 {planned} 与合同应执行金额 {expected} 不一致（相差 {difference}），请调整计划',
    'en-US':
      'The plan items sum to {planned} but the contract amount to execute is {expected} (difference {difference}); adjust the plan',
  },
  CONTRACT_PLAN_BELOW_USED: {
    'zh-CN': '计划节点「{name}」已付款及在途申请合计 {used}，不能删除或调减至 {amount}',
    'en-US':
      'Plan item "{name}" already has {used} paid or requested; it cannot be removed or reduced to {amount}',
  },
  CONTRACT_INVOICE_SPLIT_WITH_ITEM: {
    'zh-CN': '发票只能关联一个计划节点或分摊到多个计划节点，二者择一',
    'en-US': 'Give either one plan item or a split across plan items, not both',
  },
  CONTRACT_INVOICE_SPLIT_REPEATED: {
    'zh-CN': '计划节点「{name}」在分摊中出现了不止一次',
    'en-US': 'Plan item "{name}" appears more than once in the split',
  },
  CONTRACT_INVOICE_SPLIT_OVER: {
    'zh-CN': '分摊到计划节点的金额合计 {allocated} 超过本合同使用的发票金额 {amount}',
    'en-US':
      'The parts split across plan items add up to {allocated}, more than the {amount} this contract uses of the invoice',
  },
  CONTRACT_PLAN_ITEM_OVER_INVOICED: {
    'zh-CN':
      '计划节点「{name}」金额 {planned}，已开票 {invoiced}，再开 {amount} 将超出节点金额（最多还可 {room}）',
    'en-US':
      'Plan item "{name}" is {planned} with {invoiced} invoiced already: {amount} more would pass its amount (at most {room} fits)',
  },
  CONTRACT_PLAN_ITEM_IN_USE: {
    'zh-CN': '计划节点「{name}」已关联{what}，不能删除（可调整其金额或日期）',
    'en-US':
      'Plan item "{name}" is referenced by {what} and cannot be removed (its amount or date may change)',
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
  form: { 'zh-CN': '表单', 'en-US': 'form' },
  'form code': { 'zh-CN': '表单编码', 'en-US': 'form code' },
  file: { 'zh-CN': '附件', 'en-US': 'attachment' },
  partner: { 'zh-CN': '合作伙伴', 'en-US': 'partner' },
  'credit code': { 'zh-CN': '统一社会信用代码', 'en-US': 'unified social credit code' },
  'numbering rule': { 'zh-CN': '编号规则', 'en-US': 'numbering rule' },
  contract: { 'zh-CN': '合同', 'en-US': 'contract' },
  'contract category': { 'zh-CN': '合同类别', 'en-US': 'contract category' },
  'contract number': { 'zh-CN': '合同编号', 'en-US': 'contract number' },
  'parent category': { 'zh-CN': '上级合同类别', 'en-US': 'parent category' },
  'approval flow': { 'zh-CN': '审批流程', 'en-US': 'approval flow' },
  'plan line': { 'zh-CN': '规划条目', 'en-US': 'plan line' },
  'contract version': { 'zh-CN': '合同版本', 'en-US': 'contract version' },
  'contract owner': { 'zh-CN': '合同负责人', 'en-US': 'contract owner' },
  'contract change': { 'zh-CN': '合同变更', 'en-US': 'contract change' },
  'contract plan item': { 'zh-CN': '付款/收款计划节点', 'en-US': 'plan item' },
  'contract.status.DRAFT': { 'zh-CN': '草稿', 'en-US': 'draft' },
  'contract.status.IN_APPROVAL': { 'zh-CN': '审批中', 'en-US': 'in approval' },
  'contract.status.APPROVED': { 'zh-CN': '已审批', 'en-US': 'approved' },
  'contract.status.IN_FORCE': { 'zh-CN': '履行中', 'en-US': 'in force' },
  'contract.status.COMPLETED': { 'zh-CN': '已完成', 'en-US': 'completed' },
  'contract.status.TERMINATED': { 'zh-CN': '已终止', 'en-US': 'terminated' },
  'contract.status.VOIDED': { 'zh-CN': '已作废', 'en-US': 'voided' },
  'contract.action.edit': { 'zh-CN': '编辑', 'en-US': 'edited' },
  'contract.action.delete': { 'zh-CN': '删除', 'en-US': 'deleted' },
  'contract.action.submit': { 'zh-CN': '提交审批', 'en-US': 'submitted for approval' },
  'contract.action.approved': { 'zh-CN': '审批通过', 'en-US': 'approved' },
  'contract.action.rejected': { 'zh-CN': '驳回', 'en-US': 'rejected' },
  'contract.action.withdrawn': { 'zh-CN': '撤回', 'en-US': 'withdrawn' },
  'contract.action.sign': { 'zh-CN': '签订生效', 'en-US': 'signed' },
  'contract.action.complete': { 'zh-CN': '完成', 'en-US': 'completed' },
  'contract.action.terminate': { 'zh-CN': '终止', 'en-US': 'terminated' },
  'contract.action.void': { 'zh-CN': '作废', 'en-US': 'voided' },
  'contract.action.change': { 'zh-CN': '变更', 'en-US': 'changed' },
  'contract.action.schedule': { 'zh-CN': '调整收付款计划', 'en-US': 're-planned' },
  'plan item payments': { 'zh-CN': '付款/收款记录', 'en-US': 'payment or receipt records' },
  'plan item deliveries': { 'zh-CN': '交付记录', 'en-US': 'delivery records' },
  'plan item invoices': { 'zh-CN': '发票', 'en-US': 'invoices' },
  'contract.action.invoice': { 'zh-CN': '关联发票', 'en-US': 'given invoices' },
  invoice: { 'zh-CN': '发票', 'en-US': 'invoice' },
  'invoice usage': { 'zh-CN': '发票使用记录', 'en-US': 'invoice usage' },
};

/** Params that name a thing, a status or an action, and are looked up in `subjectLabels`. */
const translatedParams = new Set(['what', 'from', 'action']);

export function formatErrorMessage(
  code: ErrorCode,
  locale: 'zh-CN' | 'en-US',
  params: Record<string, string | number> = {},
): string {
  const template: string = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = String(params[key] ?? '');
    return translatedParams.has(key) ? (subjectLabels[value]?.[locale] ?? value) : value;
  });
}
