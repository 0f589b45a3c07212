import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real servers and namespaces: files run one at a time so ports, users and iptables never collide.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
    projects: [
      // A test that asserts nothing cannot fail: refuse it. The e2e tests assert with Playwright's expect,
      // which vitest does not count, so they form their own project.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', '**/node_modules/**'], expect: { requireAssertions: true } } },
    ],
  },
});
