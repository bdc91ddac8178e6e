/** Profile and password strings (zh-CN). */
export const accountZhCN = {
  account: {
    profileTitle: '个人资料',
    passwordTitle: '修改密码',
    username: '用户名',
    displayName: '姓名',
    email: '电子邮箱',
    phone: '电话',
    locale: '界面语言',
    department: '部门',
    position: '岗位',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    passwordRules: '密码至少 8 位，且须同时包含字母和数字。修改后其他设备上的登录可能失效。',
    mustChangePassword: '您使用的是公开的初始密码。为了安全，请先修改密码，修改后即可继续使用。',
    passwordChanged: '密码已修改',
    profileSaved: '个人资料已保存',
  },
};
