import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261129_000200_iam_init.js';
import * as accessStamp from './migrations/20261205_000200_iam_access_stamp.js';
import * as loginThrottle from './migrations/20261218_000100_iam_login_throttle.js';
import * as passwordChange from './migrations/20261220_000200_iam_password_change_required.js';

export const iamMigrations: MigrationSet = {
  '20261129_000200_iam_init': init,
  '20261205_000200_iam_access_stamp': accessStamp,
  '20261218_000100_iam_login_throttle': loginThrottle,
  '20261220_000200_iam_password_change_required': passwordChange,
};
