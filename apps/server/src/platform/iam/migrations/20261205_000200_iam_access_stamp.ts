import type { Kysely } from 'kysely';
import { type ChangeStamp, createChangeStamp, dropChangeStamp } from '../../../db/index.js';

/**
 * The access stamp: raised by every write to what a request's access context is built from (the
 * user's name, language, departments and active flag; roles, their permissions and scopes, who holds
 * them where; the entity and department trees the scopes expand over). Each node caches access
 * contexts with the stamp they were built at (`access-cache.ts`).
 */
const accessStamp: ChangeStamp = {
  table: 'iam_access_stamp',
  watches: [
    {
      table: 'org_user',
      columns: ['username', 'display_name', 'entity_id', 'department_id', 'active', 'locale'],
    },
    { table: 'org_user_department' },
    { table: 'org_entity' },
    { table: 'org_department' },
    { table: 'iam_role' },
    { table: 'iam_role_permission' },
    { table: 'iam_role_scope' },
    { table: 'iam_user_role' },
  ],
};

export async function up(db: Kysely<any>): Promise<void> {
  await createChangeStamp(db, accessStamp);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropChangeStamp(db, accessStamp);
}
