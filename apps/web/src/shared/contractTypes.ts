/**
 * The body a contract schema accepts (zod's input type: defaults still optional), read from the
 * schema's own type so request types never drift from `@concord/contracts`. Reading the type member
 * keeps zod itself out of the web's dependency list.
 */
export type BodyOf<Schema extends { _zod: { input: unknown } }> = Schema['_zod']['input'];
