import { Readable } from 'node:stream';
import type { FilesService } from '../files/index.js';
import { type DemoPlatform, type DemoSeeded, defineDemo } from '../kit/index.js';
import { demoForms } from './forms.demo-data.js';
import type { FormsService } from './forms.service.js';

/**
 * Ad-hoc forms: two for the whole group, one for a subsidiary only; and an attachment of the
 * group, the seal rules that the 用印申请 form refers to.
 */
export const formsDemo = defineDemo({
  seed: async (
    services: { forms: FormsService; files: FilesService } & DemoPlatform,
    { org }: DemoSeeded<'org'>,
  ): Promise<void> => {
    const ctx = services.systemContext('seed-demo');
    for (const { entity, ...form } of demoForms) {
      await services.forms.create(ctx, { ...form, entityId: entity ? org.entityIds.get(entity)! : null });
    }
    await services.files.upload(
      ctx,
      {
        name: '用印管理办法（示例）.txt',
        contentType: 'text/plain',
        stream: Readable.from([
          Buffer.from('用印管理办法（示例）\n一、用印须经审批。\n二、合同章由法务部保管。\n'),
        ]),
      },
      org.groupId,
    );
  },
});
