/**
 * A request id names one intent (one tap on 确认兑换). The page creates it when the intent
 * starts and reuses it on a retry, so the server can tell a retry from a new request.
 */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${random}`;
}
