import { request } from 'playwright-core';
const base = 'http://127.0.0.1:3177/api/v1';
async function login(u: string) {
  const r = await request.newContext();
  const l = await r.post(`${base}/auth/login`, { data: { username: u, password: 'Concord2026' } });
  if (!l.ok()) throw new Error(await l.text());
  const s = await (await r.get(`${base}/auth/session`)).json();
  const h = { 'x-csrf-token': s.csrfToken };
  const j = async (res: any) => {
    const t = await res.text();
    if (!res.ok()) console.log('ERR', res.status(), t);
    return t ? JSON.parse(t) : null;
  };
  return {
    s,
    get: async (p: string) => j(await r.get(base + p)),
    post: async (p: string, d: unknown) => j(await r.post(base + p, { data: d, headers: h })),
  };
}
const gm = await login('zhang.wei');
const fin = await login('li.na');
const tasks = await fin.get('/workflow/tasks?tab=todo&page=1&pageSize=50');
console.log(JSON.stringify(tasks.items?.map((i: any) => [i.title, i.instanceId ?? i.id])));
const pay = tasks.items.find((i: any) => i.title.startsWith('付款申请'));
const id = pay.instanceId ?? pay.id;
const d = await fin.get(`/workflow/instances/${id}`);
console.log(JSON.stringify(d.myTask), d.lockVersion);
const res = await fin.post(`/workflow/instances/${id}/actions`, {
  action: 'approve',
  taskId: d.myTask.taskId,
  comment: 'ok',
});
console.log(JSON.stringify(res)?.slice(0, 300));
