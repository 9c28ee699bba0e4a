import { defineKyodoConfig } from '../../vitest.shared.mjs';

export default defineKyodoConfig(import.meta.dirname);
