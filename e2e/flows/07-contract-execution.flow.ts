import type { Flow } from '../harness.js';
import {
  apiOf,
  approveFromCentre,
  chinaDate,
  dialogWith,
  dropdownOption,
  expectLedger,
  inputOf,
  openTab,
  setUpContract,
} from './contract-execution.helpers.js';
import { assert, assertEqual, signIn, signOut } from './helpers.js';

/**
 * Contract execution end to end: an expense contract of the group (¥300,000, three milestones) is
 * registered, approved, signed and planned through the API; then in the browser the general manager
 * requests the advance with an override reason (nothing invoiced or accepted yet), finance and the
 * general manager approve it in the approval centre, finance pays it and links the law firm's
 * invoice, the legal counsel records and accepts the delivery, settles the contract (¥10,000
 * deducted, approved), scores it and completes it; finance then splits one more invoice across the
 * two later milestones. The ledger row's figures are checked after each step.
 */
export const flow: Flow = {
  name: 'contract execution: request, approve, pay, invoice, accept, settle, evaluate, complete, split an invoice',
  async run({ baseUrl, newPage, screenshot }) {
    const suffix = Date.now().toString(36).slice(-5);
    const name = `专项法律服务合同${suffix}`;

    const legal = await newPage();
    await signIn(legal, baseUrl, 'wang.fang');
    const gm = await newPage();
    await signIn(gm, baseUrl, 'zhang.wei');
    const finance = await newPage();
    await signIn(finance, baseUrl, 'li.na');
    const contract = await setUpContract(
      await apiOf(legal, baseUrl),
      [await apiOf(gm, baseUrl), await apiOf(legal, baseUrl)],
      name,
    );
    await expectLedger(
      gm,
      baseUrl,
      contract.number,
      {
        requested: '¥0.00',
        paid: '¥0.00',
        invoiced: '¥0.00',
        accepted: '¥0.00',
        outstanding: '¥300,000.00',
        status: '履行中',
      },
      'after signing',
    );

    // 1. The general manager requests the advance on item 1: beyond invoices and acceptance, so an override reason.
    await openTab(gm, baseUrl, contract.id, 'payments');
    await gm.getByTestId('payment-create').click();
    const request = dialogWith(gm, 'payment-request-save');
    await inputOf(request, 'payment-amount').fill('90000');
    await request.getByTestId('payment-item-room').filter({ hasText: '¥90,000.00' }).waitFor();
    await request.getByTestId('payment-purpose').fill('合同约定预付款 30%');
    await request.getByTestId('payment-override-alert').waitFor();
    await request.getByTestId('payment-override-reason').fill('预付款：按合同约定在开票和验收前支付');
    await screenshot(gm, 'flow-07-payment-request');
    await gm.getByTestId('payment-request-save').click();
    await request.waitFor({ state: 'hidden' });
    await gm.getByTestId('payment-status').filter({ hasText: '审批中' }).waitFor();
    await gm.getByTestId('payment-override').first().waitFor();
    await expectLedger(
      gm,
      baseUrl,
      contract.number,
      { requested: '¥90,000.00', paid: '¥0.00' },
      'after the request',
    );

    // 2. Finance, then the general manager approve it in the approval centre.
    await approveFromCentre(finance, baseUrl, `付款申请：${contract.number}`);
    await approveFromCentre(gm, baseUrl, `付款申请：${contract.number}`);

    // 3. Finance pays it.
    await openTab(finance, baseUrl, contract.id, 'payments');
    await finance.getByTestId('payment-status').filter({ hasText: '待支付' }).waitFor();
    await finance.getByTestId('payment-pay').click();
    const pay = dialogWith(finance, 'payment-action-save');
    await pay.getByTestId('pay-bank').fill('招商银行北京分行营业部 1109 **** 0001');
    await pay.getByTestId('pay-reference').fill(`FK-${suffix}`);
    await finance.getByTestId('payment-action-save').click();
    await pay.waitFor({ state: 'hidden' });
    await finance.getByTestId('payment-status').filter({ hasText: '已支付' }).waitFor();
    await screenshot(finance, 'flow-07-paid');
    await expectLedger(
      finance,
      baseUrl,
      contract.number,
      {
        requested: '¥0.00',
        paid: '¥90,000.00',
        invoiced: '¥0.00',
        accepted: '¥0.00',
        outstanding: '¥210,000.00',
        matching: '不一致',
      },
      'after the payment',
    );

    // 4. Finance registers the law firm's invoice inline and links it to item 1.
    await openTab(finance, baseUrl, contract.id, 'invoices');
    await finance.getByTestId('contract-invoice-add').click();
    const invoice = dialogWith(finance, 'contract-invoice-save');
    await invoice.getByTestId('invoice-type').click();
    await dropdownOption(finance, '数电发票（增值税专用发票）').click();
    const invoiceNumber = `2611${String(Date.now()).slice(-13)}000`.slice(0, 20);
    await invoice.getByTestId('invoice-number').fill(invoiceNumber);
    assertEqual(
      await invoice.getByTestId('invoice-seller-tax-id').inputValue(),
      contract.creditCode,
      "the seller's tax id prefilled with the partner's credit code",
    );
    await invoice.getByTestId('invoice-buyer-tax-id').fill('91110000MA01CONC8X');
    await invoice.locator('#amountExclTax').fill('84905.66');
    await invoice.locator('#taxAmount').fill('5094.34');
    await invoice.getByTestId('invoice-total').filter({ hasText: '¥90,000.00' }).waitFor();
    await invoice.getByTestId('contract-invoice-plan-item').click();
    await dropdownOption(finance, '1. 预付款').click();
    await invoice.locator('#amount').click();
    await finance.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    assertEqual(
      await invoice.locator('#amount').inputValue(),
      '90000.00',
      'the amount used follows the total',
    );
    await screenshot(finance, 'flow-07-invoice');
    await finance.getByTestId('contract-invoice-save').click();
    await invoice.waitFor({ state: 'hidden' });
    await finance.getByTestId('contract-invoiced-total').filter({ hasText: '¥90,000.00' }).waitFor();
    await expectLedger(
      finance,
      baseUrl,
      contract.number,
      { paid: '¥90,000.00', invoiced: '¥90,000.00', accepted: '¥0.00', outstanding: '¥210,000.00' },
      'after the invoice',
    );

    // 5. The legal counsel records the delivery of the first phase and accepts it.
    await openTab(legal, baseUrl, contract.id, 'deliveries');
    await legal.getByTestId('delivery-create').click();
    const delivery = dialogWith(legal, 'delivery-save');
    await delivery.getByTestId('delivery-plan-item').click();
    await dropdownOption(legal, '1. 预付款').click();
    await delivery.getByTestId('delivery-description').fill('第一阶段：合同审查意见书 12 份');
    await delivery.locator('#deliveredAmount').fill('90000');
    await legal.getByTestId('delivery-save').click();
    await delivery.waitFor({ state: 'hidden' });
    await legal.getByTestId('delivery-accept').first().click();
    const accept = dialogWith(legal, 'delivery-accept-save');
    await accept.getByTestId('delivery-accept-note').fill('审查意见书齐全，质量合格');
    await legal.getByTestId('delivery-accept-save').click();
    await accept.waitFor({ state: 'hidden' });
    await legal.getByTestId('delivery-status-ACCEPTED').first().waitFor();
    await legal.getByTestId('deliveries-accepted').filter({ hasText: '¥90,000.00' }).waitFor();
    await screenshot(legal, 'flow-07-accepted');
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      {
        paid: '¥90,000.00',
        invoiced: '¥90,000.00',
        accepted: '¥90,000.00',
        outstanding: '¥210,000.00',
        matching: '一致',
      },
      'after the acceptance',
    );

    // 6. The legal counsel settles at ¥290,000 (¥10,000 deducted, 5% retention); it is approved.
    await openTab(legal, baseUrl, contract.id, 'settlement');
    await legal.getByTestId('settlement-create').click();
    const settlement = dialogWith(legal, 'settlement-submit');
    assertEqual(
      await settlement.getByTestId('settlement-final-amount').inputValue(),
      '300000.00',
      'final amount prefilled',
    );
    await settlement.getByTestId('settlement-add-deduction').click();
    await settlement.getByTestId('settlement-deduction-reason-0').fill('诉讼支持工时少于约定，按实结算');
    await settlement.getByTestId('settlement-deduction-amount-0').fill('10000');
    await settlement.getByTestId('settlement-retention-amount').fill('14500');
    await settlement.getByTestId('settlement-retention-date').click();
    await legal.keyboard.type(chinaDate(365));
    await legal.keyboard.press('Enter');
    await settlement.getByTestId('settlement-preview').filter({ hasText: '¥290,000.00' }).waitFor();
    await screenshot(legal, 'flow-07-settlement-form');
    await legal.getByTestId('settlement-submit').click();
    await settlement.waitFor({ state: 'hidden' });
    await legal.getByTestId('settlement-status').filter({ hasText: '审批中' }).waitFor();
    // The settlement flow: the initiator's superior, then the general manager (both zhang.wei here).
    for (let step = 0; step < 2; step++) await approveFromCentre(gm, baseUrl, `合同结算：${contract.number}`);
    await openTab(legal, baseUrl, contract.id, 'settlement');
    await legal.getByTestId('settlement-settled-amount').filter({ hasText: '¥290,000.00' }).waitFor();
    // Payable now: settled − paid − the retention held until its release (¥290,000 − ¥90,000 − ¥14,500).
    await legal.getByTestId('settlement-outstanding').filter({ hasText: '¥185,500.00' }).waitFor();
    await legal.getByTestId('settlement-retention-held').filter({ hasText: '¥14,500.00' }).waitFor();
    await screenshot(legal, 'flow-07-settled');
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      { paid: '¥90,000.00', invoiced: '¥90,000.00', accepted: '¥90,000.00', outstanding: '¥185,500.00' },
      'after the settlement',
    );

    // 7. The scorecard, then completing the contract.
    await openTab(legal, baseUrl, contract.id, 'evaluation');
    const scores = legal.locator(
      'input[data-testid^="evaluation-score-"], [data-testid^="evaluation-score-"] input',
    );
    await scores.first().waitFor();
    const count = await scores.count();
    assert(count >= 2, `a scorecard with criteria, got ${count}`);
    for (let i = 0; i < count; i++) await scores.nth(i).fill('90');
    await legal.getByTestId('evaluation-total').filter({ hasText: '90.00' }).waitFor();
    await legal.getByTestId('evaluation-comment').fill('响应及时，意见专业，按期交付');
    await legal.getByTestId('evaluation-submit').click();
    await legal.getByTestId('evaluation-submit').waitFor({ state: 'detached' });
    assertEqual(
      ((await legal.getByTestId('evaluation-grade').textContent()) ?? '').trim(),
      'A',
      'grade of 90 points',
    );
    await screenshot(legal, 'flow-07-evaluated');
    await legal.getByTestId('contract-action-complete').click();
    await legal.getByTestId('contract-reason').fill('服务已全部提供，结算完毕');
    await legal.getByTestId('contract-reason-ok').click();
    await legal.getByTestId('contract-status').first().filter({ hasText: '已完成' }).waitFor();
    await expectLedger(
      legal,
      baseUrl,
      contract.number,
      {
        paid: '¥90,000.00',
        invoiced: '¥90,000.00',
        accepted: '¥90,000.00',
        outstanding: '¥185,500.00',
        status: '已完成',
      },
      'after completing',
    );
    // Scroll the ledger to its execution columns for the picture.
    await legal
      .getByTestId('contracts-table')
      .locator('.ant-table-body, .ant-table-content')
      .first()
      .evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });
    await legal.waitForTimeout(200);
    await screenshot(legal, 'flow-07-ledger-completed');

    // 8. Finance links one more invoice split across the two later plan items (issue 12 §2.2).
    await openTab(finance, baseUrl, contract.id, 'invoices');
    await finance.getByTestId('contract-invoice-add').click();
    const split = dialogWith(finance, 'contract-invoice-save');
    await split.getByTestId('invoice-type').click();
    await dropdownOption(finance, '数电发票（增值税专用发票）').click();
    await split.getByTestId('invoice-number').fill(`2612${String(Date.now()).slice(-13)}000`.slice(0, 20));
    await split.getByTestId('invoice-buyer-tax-id').fill('91110000MA01CONC8X');
    await split.locator('#amountExclTax').fill('18867.92');
    await split.locator('#taxAmount').fill('1132.08');
    await split.getByTestId('invoice-total').filter({ hasText: '¥20,000.00' }).waitFor();
    await split.getByTestId('contract-invoice-plan-item').click();
    await dropdownOption(finance, '分摊到多个计划节点').click();
    await split.getByTestId('contract-invoice-allocations').waitFor();
    // Every plan item is offered: the advance (fully invoiced already) goes, and so does the
    // retention the settlement made an item of its own (4. 质保金, due on its release date).
    await split.getByTestId('contract-invoice-allocation-remove-0').click();
    await split.getByText('4. 质保金（¥14,500.00）').waitFor();
    await split.getByTestId('contract-invoice-allocation-remove-2').click();
    await inputOf(split, 'contract-invoice-allocation-amount-0').fill('12000');
    await inputOf(split, 'contract-invoice-allocation-amount-1').fill('8000');
    await split
      .getByTestId('contract-invoice-split-sum')
      .filter({ hasText: '已分摊 ¥20,000.00 / 本合同使用 ¥20,000.00' })
      .waitFor();
    await screenshot(finance, 'flow-07-invoice-split');
    await finance.getByTestId('contract-invoice-save').click();
    await split.waitFor({ state: 'hidden' });
    await finance.getByTestId('contract-invoiced-total').filter({ hasText: '¥110,000.00' }).waitFor();
    const parts = finance.getByTestId('contract-invoice-split');
    await parts.filter({ hasText: '2. 进度款 ¥12,000.00' }).waitFor();
    await parts.filter({ hasText: '3. 尾款 ¥8,000.00' }).waitFor();
    await signOut(legal);
  },
};
