import type { EntityManager } from 'typeorm';
import { japaneseBusinessCalendar, VENDOR_CLOSING_DAYS, type BusinessCalendar } from './domain/business-calendar.js';
import { SupportClosingDay } from './entities/support-closing-day.entity.js';

/** P7: the vendor's calendar (shared with licensing, L13) with the closing days as they stand in the database added. */
export async function loadBusinessCalendar(manager: EntityManager): Promise<BusinessCalendar> {
  const closingDays = await manager.getRepository(SupportClosingDay).find();
  return japaneseBusinessCalendar([...VENDOR_CLOSING_DAYS, ...closingDays]);
}
