import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Pictures for people to look at (`npm run shots`), kept apart from the test suite. */
export default defineConfig({ ...base, testDir: 'tests/shots', testMatch: '**/*.shots.ts' });
