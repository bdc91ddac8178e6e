import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';

describeEachDialect('sign-in and sessions', (t) => {
  it('signs in with the right password and answers the session', async () => {
    const client = await t().login('admin');
    const session = await client.get('/api/v1/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.username).toBe('admin');
    expect(session.json().permissions).toContain('org.user.manage');
  });

  it('refuses a wrong password with a problem in the caller language', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { username: 'li.na', password: 'wrong-password1' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'LOGIN_FAILED', detail: 'Wrong username or password' });
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'chen.jing', password: 'Concord2026' },
    });
    const cookie = response.cookies.find((c) => c.name === 'concord_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const client = await t().login('admin');
    const without = await client.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const wrong = await client.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      csrf: false,
      headers: { 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.json().code).toBe('CSRF_FAILED');
    const crossSite = await client.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.json().code).toBe('CSRF_FAILED');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const client = await t().login('zhang.wei');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('throttles sign-ins by name and address: unknown and known names answer alike, the owner elsewhere is not shut out', async () => {
    const { given, app } = t();
    const department = await given.departmentByCode('TECH', 'RND');
    const user = await given.user({ departmentId: department.id });
    const attempt = (username: string, password: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress,
        payload: { username, password },
      });
    const answers = async (username: string) => {
      const seen: { status: number; code: string; detail: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await attempt(username, 'bad-guess-1', '10.1.1.1');
        seen.push({ status: r.statusCode, code: r.json().code, detail: r.json().detail });
      }
      return seen;
    };
    // Five wrong passwords from one address, then a block: for a known name and an unknown one alike.
    const known = await answers(user.username);
    const unknown = await answers('nobody-at-all');
    expect(known).toEqual(unknown);
    expect(known.slice(0, 5).every((a) => a.status === 401 && a.code === 'LOGIN_FAILED')).toBe(true);
    expect(known[5]).toEqual({
      status: 423,
      code: 'ACCOUNT_LOCKED',
      detail: '登录失败次数过多，请在 1 分钟后重试',
    });
    // Blocked at that address even with the right password; the owner signs in from another one.
    expect((await attempt(user.username, user.password, '10.1.1.1')).statusCode).toBe(423);
    expect((await attempt(user.username, user.password, '10.1.1.2')).statusCode).toBe(200);
    // An administrator's password reset lifts the name's blocks at every address.
    const admin = await t().login('admin');
    expect(
      (await admin.post(`/api/v1/org/users/${user.id}/password`, { newPassword: 'Fresh2026pw' })).statusCode,
    ).toBe(200);
    expect((await attempt(user.username, 'Fresh2026pw', '10.1.1.1')).statusCode).toBe(200);
  });

  it('blocks a name guessed from many addresses, shown to administrators as locked', async () => {
    const { given, app } = t();
    const department = await given.departmentByCode('TECH', 'RND');
    const user = await given.user({ departmentId: department.id });
    // 50 failures spread over addresses (each address stays under its own limits).
    for (let i = 0; i < 50; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.2.${Math.floor(i / 4)}.${i % 4}`,
        payload: { username: user.username, password: 'bad-guess-1' },
      });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.3.0.1',
      payload: { username: user.username, password: user.password },
    });
    expect(blocked.statusCode).toBe(423);
    const admin = await t().login('admin');
    expect((await admin.get(`/api/v1/org/users/${user.id}`)).json().lockedUntil).not.toBeNull();
    const audit = await t()
      .services.db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'session')
      .where('entity_id', '=', user.id)
      .where('action', '=', 'login_locked')
      .execute();
    expect(audit).toHaveLength(1);
    // The user hears of it (in the app, and by e-mail where configured), not the group chats.
    const told = await t()
      .services.db.selectFrom('notification_item')
      .select(['kind'])
      .where('recipient_id', '=', user.id)
      .where('kind', '=', 'account.signInBlocked')
      .execute();
    expect(told).toHaveLength(1);
    // An administrator lifts the block without touching the password; the owner signs in at once.
    const unlocked = await admin.post(`/api/v1/org/users/${user.id}/unlock`, {});
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.3.0.1',
      payload: { username: user.username, password: user.password },
    });
    expect(signedIn.statusCode).toBe(200);
    const staff = await t().login('wu.min');
    expect((await staff.post(`/api/v1/org/users/${user.id}/unlock`, {})).statusCode).toBe(403);
  });

  it('refuses disabled users and ends their sessions', async () => {
    const { given } = t();
    const department = await given.departmentByCode('CONS', 'PROC');
    const user = await given.user({ departmentId: department.id });
    const client = await t().login(user.username, user.password);
    const admin = await t().login('admin');
    expect((await admin.post(`/api/v1/org/users/${user.id}/active`, { active: false })).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
    const again = await t().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('changes the own password, checks the current one and the policy, and ends other sessions', async () => {
    const { given } = t();
    const department = await given.departmentByCode('GRP', 'HR');
    const user = await given.user({ departmentId: department.id });
    const first = await t().login(user.username, user.password);
    const second = await t().login(user.username, user.password);
    const wrong = await first.post('/api/v1/auth/password', {
      currentPassword: 'nope-nope-1',
      newPassword: 'Better2026x',
    });
    expect(wrong.json().code).toBe('PASSWORD_WRONG');
    const weak = await first.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    const ok = await first.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'Better2026x',
    });
    expect(ok.statusCode).toBe(200);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(t().login(user.username, 'Better2026x')).resolves.toBeTruthy();
  });

  it('purges expired sessions through the hourly job', async () => {
    const client = await t().login('guo.xin');
    const { services } = t();
    await services.db
      .updateTable('iam_session')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('user_id', '=', client.session.user.id)
      .execute();
    const before = await services.db
      .selectFrom('iam_session')
      .select('id')
      .where('user_id', '=', client.session.user.id)
      .execute();
    expect(before.length).toBeGreaterThan(0);
    await services.jobRunner.tick();
    const after = await services.db
      .selectFrom('iam_session')
      .select('id')
      .where('user_id', '=', client.session.user.id)
      .execute();
    expect(after).toEqual([]);
  });

  it('switches the acting entity only to entities where the user holds a role', async () => {
    const admin = await t().login('admin');
    const cons = await t().given.entityByCode('CONS');
    const switched = await admin.post('/api/v1/auth/entity', { entityId: cons.id });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().actingEntity.code).toBe('CONS');
    const staff = await t().login('wu.min');
    const refused = await staff.post('/api/v1/auth/entity', {
      entityId: (await t().given.entityByCode('GRP')).id,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_ALLOWED_ENTITY');
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes', async () => {
    const { hashPassword } = await import('./passwords.js');
    expect(await hashPassword('Concord2026')).toMatch(/^\$argon2id\$/);
  });
});
