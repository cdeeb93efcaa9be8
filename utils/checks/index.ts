/** Every check, in one explicit list (tests/unit/checks-registry.test.ts keeps it honest). */
import { pageVisits } from './page-visits';
import type { Check } from './types';

export const CHECKS: readonly Check[] = [pageVisits];
