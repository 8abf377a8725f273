/**
 * The subscribe-message template of a 12345 ticket's status (the tickets worker's
 * TICKET_TEMPLATE_ID), defined at build time like REMINDER_TEMPLATE_ID. Read defensively: when the
 * build does not define it, `process` may not exist at all in the mini-program runtime.
 */
export function ticketTemplateId(): string {
  try {
    return process.env.TICKET_TEMPLATE_ID || '';
  } catch {
    return '';
  }
}
