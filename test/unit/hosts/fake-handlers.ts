import { REQUEST_CHANNELS, type Handlers } from '../../../src/shared/contract';

/** A full handler table where every channel not given fails loudly: tests name only what they use. */
export function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const table: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const channel of REQUEST_CHANNELS) {
    table[channel] = () => Promise.reject(new Error(`"${channel}" is not part of this test`));
  }
  return { ...table, ...overrides } as unknown as Handlers;
}

export const APP_INFO = { version: '0.0.0-test', host: 'web', platform: 'linux', homeDir: '/tmp/ferry-test' } as const;
