import { describe, expect, it } from 'vitest';
import { describeSignal, exitStatusFor } from '../../../src/main/cli/interrupt';

describe('stop signals', () => {
  it('exit as a shell reports a process the signal ended: 128 + its number', () => {
    expect(exitStatusFor('SIGINT')).toBe(130);
    expect(exitStatusFor('SIGTERM')).toBe(143);
  });
  it('Ctrl-C is said as what the user pressed, other signals by name', () => {
    expect(describeSignal('SIGINT')).toBe('Interrupted (Ctrl-C)');
    expect(describeSignal('SIGTERM')).toBe('Stopped by SIGTERM');
  });
});
