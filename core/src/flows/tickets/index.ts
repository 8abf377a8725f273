export * from './rules';
export { addWorkingTime, workingTimeBetween, isWorkingTime, workingDay, OFFICE_HOURS, WORKING_DAY_MINUTES, type OfficeHours, type WorkingInstant } from './working-time';
export { deadlineAfter, deadlineState, deadlineView, nextDeadline, type Deadline, type DeadlineInput, type DeadlineState, type DeadlineStep, type DeadlineView, type TicketStatus } from './deadlines';
