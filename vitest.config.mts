import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // No test may load the real electron module (it would try to download its binary): shell
    // tests replace it with vi.mock, and this makes an accidental import fail loudly instead.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent', TZ: process.env.TZ ?? 'America/New_York' },
    testTimeout: 30_000,
    pool: 'forks',
  },
});
