import type { EntityManager } from 'typeorm';
import { japaneseBusinessCalendar, type BusinessCalendar } from './domain/business-calendar.js';
import { SupportClosingDay } from './entities/support-closing-day.entity.js';

/** P7: the Japanese calendar with the vendor's closing days as they stand in the database. */
export async function loadBusinessCalendar(manager: EntityManager): Promise<BusinessCalendar> {
  const closingDays = await manager.getRepository(SupportClosingDay).find();
  return japaneseBusinessCalendar(closingDays);
}
