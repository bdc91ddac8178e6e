/**
 * A fresh install served to other machines (HOST not a loopback address) must not keep the demo's
 * well-known password in use (issue 12 §6): a demo user who signs in with it may only change it
 * (and read the session, switch language, sign out); everything else answers 403 until then.
 */
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../org/index.js';
import { describeEachDialect } from '../../testing/test-app.js';

describeEachDialect(
  'the demo password on a server others reach',
  (t) => {
    it('must be changed before anything else, and the session goes on once it is', async () => {
      const user = await t().login('wu.min');
      expect(user.session.passwordChangeRequired).toBe(true);
      const refused = await user.get('/api/v1/contracts');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
      expect(refused.json().detail ?? refused.json().title).toMatch(/修改密码|Change your password/);
      expect((await user.get('/api/v1/auth/session')).json().passwordChangeRequired).toBe(true);
      const changed = await user.post('/api/v1/auth/password', {
        currentPassword: DEMO_PASSWORD,
        newPassword: 'Xiehe-Secure-2027',
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await user.get('/api/v1/auth/session')).json().passwordChangeRequired).toBe(false);
      expect((await user.get('/api/v1/contracts')).statusCode).toBe(200);
      // Signing in again with the new password asks nothing.
      const again = await t().login('wu.min', 'Xiehe-Secure-2027');
      expect(again.session.passwordChangeRequired).toBe(false);
    });
  },
  { demo: true, demoPasswordsMustChange: true },
);

describeEachDialect('the demo password on this machine only', (t) => {
  it('asks for no change (the default: HOST is 127.0.0.1)', async () => {
    const user = await t().login('wu.min');
    expect(user.session.passwordChangeRequired).toBe(false);
    expect((await user.get('/api/v1/contracts')).statusCode).toBe(200);
  });
});
