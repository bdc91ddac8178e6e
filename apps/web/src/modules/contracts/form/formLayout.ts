/** A column of the contract form: full width on a phone, `span` of 24 from tablets up. */
export const col = (span: number) => ({ xs: 24, md: span });
