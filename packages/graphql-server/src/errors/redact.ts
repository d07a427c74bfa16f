/**
 * Removes what could be a reporter's contact data from text bound for the
 * logs: e-mail addresses and runs of 7 or more digits (phone numbers, in any
 * spacing). Database driver messages can quote the values of a failed write.
 */
export function redact(text: string): string {
  return text
    .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi, '[email]')
    .replace(/\+?\d(?:[\s.-]?\d){6,}/g, '[number]');
}

/** What of an unexpected error goes into the log: its kind, a redacted message and the stack frames. */
export function describeUnexpected(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redact(String(error)) };
  const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
  return { type: error.name, message: redact(error.message), ...(frames ? { stack: frames } : {}) };
}
