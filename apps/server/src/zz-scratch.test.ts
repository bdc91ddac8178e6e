import { it } from 'vitest';
import { describeEachDialect } from './testing/test-app.js';
describeEachDialect('scratch', (t) => {
  it('prints', async () => {
    const admin = await t().login('admin');
    const dep = await t().given.departmentByCode('CONS', 'ENG');
    for (const body of [
      { username: 'a b!', displayName: 'x', departmentId: dep.id, password: 'Abcdefg12' },
      { username: 'abc', displayName: 'x', departmentId: dep.id, password: 'short' },
      { username: 'abc', displayName: 'x', departmentId: dep.id, password: 'Abcdefg12', bogus: 1 },
      { username: 'abc', departmentId: dep.id, password: 'Abcdefg12' },
    ]) {
      const r = await admin.post('/api/v1/org/users', body);
      console.log(r.statusCode, r.body);
    }
    const r = await admin.get('/api/v1/org/users?sort=bogus');
    console.log(r.statusCode, r.body);
    const a = await admin.get('/api/v1/audit?pageSize=3');
    console.log(a.statusCode, a.body);
  });
});
