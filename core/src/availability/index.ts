export { scheduleSchema, parseSchedule, type Schedule, type ScheduleInput, type ScheduleWindow, type DailyMaintenance, type DatedMaintenance } from './schedule';
export { chineseDaysCalendar, chineseDaysCoveredYears, type HolidayCalendar, type DayInfo, type DayKind } from './calendar';
export {
  availability,
  closureMayStartOn,
  upcomingClosures,
  describeWeek,
  CLOSING_SOON_MS,
  noticeView,
  type DepartmentHealth,
  type ScheduledService,
  type UpcomingClosure,
  type NoticeWindow,
  type ScheduleVersion,
} from './engine';
export { withOverrides, type ServiceOverrides } from './overrides';
export { composeMessage, hoursSummary, whenLabel, waitLabel, dateLabel, type Situation } from './message';
export { SCHEDULES, scheduleFor, scheduledService } from './catalogue-schedules';
