// P7: the vendor's business calendar is shared with licensing (L13); it lives in subgraph-kit
export {
  businessDeadline,
  CLOSING_TIME,
  isBusinessDay,
  japaneseBusinessCalendar,
  nextDay,
  OPENING_TIME,
  OutsideCalendarError,
  SUPPORT_TIME_ZONE,
  tokyoDate,
  tokyoInstant,
  VENDOR_CLOSING_DAYS,
  type BusinessCalendar,
  type ClosingDay,
  type LocalDate,
  type NationalHolidays,
} from '@kyodo/subgraph-kit';
