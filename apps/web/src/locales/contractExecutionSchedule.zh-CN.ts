/** Payment/receipt plan tab and editor strings (zh-CN), spread into the catalogue. */
export const contractExecutionScheduleZhCN = {
  contractSchedule: {
    tab: {
      EXPENSE: '付款计划',
      INCOME: '收款计划',
    },
    title: {
      EXPENSE: '付款计划',
      INCOME: '收款计划',
    },
    empty: '暂无{{title}}',
    emptyCan: '暂无{{title}}，按合同约定的付款节点制定计划，合计须等于合同金额',
    create: '制定{{title}}',
    editPlan: '调整计划',
    editTitle: '编辑{{title}}',
    overdue: '已逾期',
    differenceWarning:
      '计划合计 {{total}} 与合同应执行金额 {{target}} 不一致（相差 {{difference}}），请调整计划',
    col: {
      name: '节点',
      dueDate: '计划日期',
      amount: '计划金额',
      percentage: '比例',
      condition: '付款条件',
      requested: '审批中',
      paid: '已付',
      received: '已收',
      invoiced: '已开票',
      accepted: '已验收',
      toPay: '未付',
      toReceive: '未收',
      progress: '进度',
    },
    total: {
      label: '合计',
      current: '合同金额（现行）',
      settled: '结算金额',
      planned: '计划合计',
      overdue: '逾期未付',
    },
    placeholder: {
      name: '如：预付款',
      condition: '如：合同签订后 10 日内',
    },
    edit: {
      hint: '计划合计须等于 {{target}}；输入比例可按合同金额自动计算金额。',
      add: '添加节点',
      fillRemainder: '差额计入最后一行',
      newItem: '新节点',
      noRows: '尚无节点，点击“添加节点”',
      usedHint: '已付及审批中 {{amount}}，不能低于此数',
      cannotRemove: '该节点已有付款或申请，不能删除',
      emptyPlan: '计划为空：保存后将删除付款计划',
      sumOk: '计划合计 {{total}}，与合同金额一致',
      sumOff: '计划合计 {{total}}，合同金额 {{target}}，相差 {{difference}}',
    },
    change: {
      title: '变更后的付款计划',
      required: '合同已有付款计划，金额变更须同时调整计划，合计等于变更后金额',
      notBalanced: '变更后的付款计划合计须等于变更后金额',
    },
  },
};
