/** Home page (workbench) strings (zh-CN). */
export const homeZhCN = {
  home: {
    welcome: '您好，{{name}}',
    welcomeHint: '欢迎使用 Concord 协同办公。',
    actingEntity: '当前法人主体',
    department: '所在部门',
    roles: '我的角色',
    position: '岗位',
    permissions: '我的权限',
    permissionCount: '在当前法人主体中拥有 {{count}} 项权限',
    noPermissions: '您在当前法人主体中还没有任何权限，请联系管理员分配角色。',
    quickLinks: '快捷入口',
    noQuickLinks: '暂无可用的功能入口。',
    otherEntities: '可切换的法人主体',
  },
};
