/** The browser tab's text: the page, then the product ("合同台账 · Concord 协同办公"). */
export function documentTitle(page: string | null, product: string): string {
  return page ? `${page} · ${product}` : product;
}
