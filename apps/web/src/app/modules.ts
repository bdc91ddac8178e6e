import type { zhCN } from '../locales/zh-CN';
import { accountModule } from '../modules/account';
import { approvalsModule } from '../modules/approvals';
import { contractsModule } from '../modules/contracts';
import { formsModule } from '../modules/forms/module';
import { homeModule } from '../modules/home';
import { invoicesModule } from '../modules/invoices';
import { notificationsModule } from '../modules/notifications';
import { partnersModule } from '../modules/partners';
import { systemModule } from '../modules/system';
import type { MessagesOfAll } from './moduleKit';

/**
 * The web modules: the router, the side menu and the texts are built from this list (see
 * moduleKit.ts). Adding a module is its folder with an `index.ts` definition and one line here.
 * (The forms definition is imported from its `module.ts`, which its index re-exports: that index
 * also exports components to other modules, and i18n must not load them through this list.)
 */
export const webModules = [
  homeModule,
  accountModule,
  approvalsModule,
  contractsModule,
  partnersModule,
  invoicesModule,
  formsModule,
  notificationsModule,
  systemModule,
] as const;

/** The zh-CN catalogue's shape: the shell's texts and every module's (typed `t()` keys). */
export type AppMessages = typeof zhCN & MessagesOfAll<typeof webModules>;
