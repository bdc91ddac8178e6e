import type { accountZhCN } from './account.zh-CN';

/** Profile and password strings (en-US): the keys of zh-CN. */
export const accountEnUS: typeof accountZhCN = {
  account: {
    profileTitle: 'Profile',
    passwordTitle: 'Change password',
    username: 'Username',
    displayName: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    locale: 'Language',
    department: 'Department',
    position: 'Position',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordRules:
      'Passwords need at least 8 characters with both letters and digits. Sign-ins on other devices may end after the change.',
    mustChangePassword:
      'You signed in with a well-known initial password. Change it first; then you can go on.',
    passwordChanged: 'Password changed',
    profileSaved: 'Profile saved',
  },
};
