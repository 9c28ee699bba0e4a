import { defineKyodoConfig } from '../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname, { testTimeout: 120_000, hookTimeout: 120_000 });
