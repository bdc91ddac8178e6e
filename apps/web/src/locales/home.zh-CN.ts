/** Home page (workbench) strings (zh-CN). */
export const homeZhCN = {
  home: {
    welcome: '您好，{{name}}',
    welcomeHint: '欢迎使用 Concord 协同办公。',
    actingEntity: '当前法人主体',
    department: '所在部门',
    roles: '我的角色',
    position: '岗位',
    todo: '待我审批',
    noTodo: '没有等待您处理的审批。',
    submitted: '我发起的',
    noSubmitted: '您还没有发起过审批。',
    reminders: '提醒',
    noReminders: '没有未读的提醒。',
    all: '查看全部',
    quickLinks: '快捷入口',
    noQuickLinks: '暂无可用的功能入口。',
    otherEntities: '可切换的法人主体',
  },
};
