import type { NotificationTemplate } from '../../platform/notifications/index.js';

export const partnersTemplates: Record<string, NotificationTemplate> = {
  'partner.qualificationExpiring': {
    'zh-CN': {
      title: '资质即将到期：{partner}',
      body: '合作伙伴“{partner}”的资质“{type}”（编号 {number}）将于 {validTo} 到期，还剩 {days} 天，请及时更新。',
    },
    'en-US': {
      title: 'Qualification expiring: {partner}',
      body: 'The qualification "{type}" (no. {number}) of partner "{partner}" expires on {validTo}, in {days} days; please renew it.',
    },
  },
};
