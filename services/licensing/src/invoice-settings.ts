import { parseEnv, systemClock, type Clock } from '@kyodo/subgraph-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { registrationNumberProblem } from './domain/registration-numbers.js';

/** Q1: who issues Kyodo's invoices: its name and qualified-invoice registration number. */
export interface InvoiceIssuerSettings {
  name: string;
  registrationNumber: string;
}

/**
 * Development and tests only: plainly a demo (T9999999999999 has a valid check digit, so the
 * same code path runs, and no real business has it). Production refuses to start without the
 * real values (invoiceEnvSchema).
 */
export const DEMO_INVOICE_ISSUER: InvoiceIssuerSettings = { name: '共同デモ株式会社 (Kyodo Demo Issuer)', registrationNumber: 'T9999999999999' };

/** Q1: INVOICE_ISSUER_NAME and INVOICE_REGISTRATION_NUMBER, checked at start; both required in production. */
export const invoiceEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    INVOICE_ISSUER_NAME: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
    INVOICE_REGISTRATION_NUMBER: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const problem = registrationNumberProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['INVOICE_ISSUER_NAME', 'INVOICE_REGISTRATION_NUMBER'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production (Q1: every invoice names its issuer and registration number)' });
    }
  });

/** The configured issuer, else (development, tests) the demo one. */
export function invoiceIssuerOf(env: NodeJS.ProcessEnv | Record<string, string | undefined> | undefined): InvoiceIssuerSettings {
  const parsed = parseEnv(invoiceEnvSchema, (env ?? {}) as NodeJS.ProcessEnv);
  return { name: parsed.INVOICE_ISSUER_NAME ?? DEMO_INVOICE_ISSUER.name, registrationNumber: parsed.INVOICE_REGISTRATION_NUMBER ?? DEMO_INVOICE_ISSUER.registrationNumber };
}

export interface InvoicingSettings {
  issuer: InvoiceIssuerSettings;
  /** The injected clock: when an invoice's audit entry (A1) is recorded. */
  clock: Clock;
}

// per DataSource, not global: two subgraphs in one process (tests) keep their own settings
const settingsBySource = new WeakMap<DataSource, InvoicingSettings>();

/** Called once when the subgraph (or the billing command) starts, with its environment and clock. */
export function configureInvoicing(dataSource: DataSource, settings: InvoicingSettings): void {
  settingsBySource.set(dataSource, settings);
}

export function invoicingSettingsFor(dataSource: DataSource): InvoicingSettings {
  return settingsBySource.get(dataSource) ?? { issuer: DEMO_INVOICE_ISSUER, clock: systemClock };
}
