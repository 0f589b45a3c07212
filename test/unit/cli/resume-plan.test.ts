import { describe, expect, it } from 'vitest';
import { planResume, type ResumePlan } from '../../../src/main/cli/resume-plan';

const CASES: readonly (readonly [name: string, part: number | null, target: number | null, remote: number | null, plan: ResumePlan])[] = [
  ['nothing local', null, null, 100, { kind: 'continue', from: 0, adopt: false }],
  ['partial file shorter', 40, null, 100, { kind: 'continue', from: 40, adopt: false }],
  ['partial file as long as the server\'s', 100, null, 100, { kind: 'continue', from: 100, adopt: false }],
  ['partial file longer', 150, null, 100, { kind: 'longer', which: 'part', size: 150, remoteSize: 100 }],
  ['partial file, server without SIZE', 150, null, null, { kind: 'continue', from: 150, adopt: false }],
  ['partial file wins over a target', 40, 100, 100, { kind: 'continue', from: 40, adopt: false }],
  ['target complete', null, 100, 100, { kind: 'complete', size: 100 }],
  ['empty target of an empty file', null, 0, 0, { kind: 'complete', size: 0 }],
  ['target begun by another client', null, 40, 100, { kind: 'continue', from: 40, adopt: true }],
  ['empty target', null, 0, 100, { kind: 'continue', from: 0, adopt: false }],
  ['target longer', null, 150, 100, { kind: 'longer', which: 'target', size: 150, remoteSize: 100 }],
  ['target, server without SIZE', null, 40, null, { kind: 'continue', from: 0, adopt: false }],
];

describe('planResume', () => {
  it.each(CASES)('%s', (_name, part, target, remote, plan) => {
    expect(planResume(part, target, remote)).toEqual(plan);
  });
});
