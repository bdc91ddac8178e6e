import { ErrorState } from './ErrorState';

/**
 * The failed submit's message above a form. Field-level errors are also put under their inputs
 * (see `showFieldErrors`); the summary stays so the request id is at hand.
 */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <ErrorState error={error} />
    </div>
  );
}
