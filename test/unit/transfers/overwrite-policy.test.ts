import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OverwritePolicy } from '../../../src/shared/models';
import { decideOverwrite, factsNeeded, firstFreeName, isSourceNewer, listedTimePrecision, numberedName, sourceChanged, type TimePrecision, type FileFacts, type OverwriteDecision } from '../../../src/main/transfers/overwrite-policy';
import { englishNote } from '../../../src/shared/notes';

const NEW = '2024-06-02T10:00:00.000Z';
const OLD = '2024-06-01T10:00:00.000Z';
const facts = (size: number | null, modified: string | null): FileFacts => ({ size, modified });

describe('decideOverwrite', () => {
  type Row = readonly [name: string, policy: OverwritePolicy, source: FileFacts, target: FileFacts | null, kind: OverwriteDecision['kind'], from?: number];
  const cases: readonly Row[] = [
    ['no target: always transfer, even with skip', 'skip', facts(10, NEW), null, 'transfer'],
    ['no target: always transfer, even with ask', 'ask', facts(10, NEW), null, 'transfer'],
    ['ask asks', 'ask', facts(10, NEW), facts(10, OLD), 'ask'],
    ['overwrite overwrites', 'overwrite', facts(10, OLD), facts(99, NEW), 'transfer'],
    ['skip skips', 'skip', facts(10, NEW), facts(5, OLD), 'skip'],
    ['rename renames', 'rename', facts(10, NEW), facts(10, NEW), 'rename'],
    ['if-newer: newer source', 'overwrite-if-newer', facts(10, NEW), facts(10, OLD), 'transfer'],
    ['if-newer: older source', 'overwrite-if-newer', facts(10, OLD), facts(10, NEW), 'skip'],
    ['if-newer: same time', 'overwrite-if-newer', facts(10, NEW), facts(10, NEW), 'skip'],
    ['if-newer: within the tolerance', 'overwrite-if-newer', facts(10, '2024-06-02T10:00:00.900Z'), facts(10, NEW), 'skip'],
    ['if-newer: unknown source time overwrites', 'overwrite-if-newer', facts(10, null), facts(10, NEW), 'transfer'],
    ['if-newer: unknown target time overwrites', 'overwrite-if-newer', facts(10, NEW), facts(10, null), 'transfer'],
    ['if-size-differs: same size', 'overwrite-if-size-differs', facts(10, NEW), facts(10, OLD), 'skip'],
    ['if-size-differs: other size', 'overwrite-if-size-differs', facts(10, OLD), facts(11, NEW), 'transfer'],
    ['if-size-differs: unknown size overwrites', 'overwrite-if-size-differs', facts(null, OLD), facts(11, NEW), 'transfer'],
    ['newer-or-size: same size, older', 'overwrite-if-newer-or-size-differs', facts(10, OLD), facts(10, NEW), 'skip'],
    ['newer-or-size: same size, newer', 'overwrite-if-newer-or-size-differs', facts(10, NEW), facts(10, OLD), 'transfer'],
    ['newer-or-size: other size, older', 'overwrite-if-newer-or-size-differs', facts(11, OLD), facts(10, NEW), 'transfer'],
    ['newer-or-size: same size, unknown times', 'overwrite-if-newer-or-size-differs', facts(10, null), facts(10, null), 'transfer'],
    ['resume: partial target continues', 'resume', facts(100, OLD), facts(40, NEW), 'resume', 40],
    ['resume: unknown source size continues', 'resume', facts(null, OLD), facts(40, NEW), 'resume', 40],
    ['resume: complete target skips', 'resume', facts(100, OLD), facts(100, NEW), 'skip'],
    ['resume: larger target is not ours to resume', 'resume', facts(100, OLD), facts(140, NEW), 'skip'],
    ['resume: empty target transfers', 'resume', facts(100, OLD), facts(0, NEW), 'transfer'],
    ['resume: an empty source and an empty target are complete (not sent again)', 'resume', facts(0, OLD), facts(0, NEW), 'skip'],
    ['resume: unknown target size transfers', 'resume', facts(100, OLD), facts(null, NEW), 'transfer'],
  ];
  it.each(cases.map((row) => [row[0], row] as const))('%s', (_name, [, policy, source, target, kind, from]) => {
    const decision = decideOverwrite(policy, source, target);
    expect(decision.kind).toBe(kind);
    if (decision.kind === 'resume') expect(decision.from).toBe(from);
    if (decision.kind === 'skip') expect(englishNote(decision.note).length).toBeGreaterThan(10);
  });

  it('never throws and only resumes within the source', () => {
    const side = fc.record({ size: fc.option(fc.nat(), { nil: null }), modified: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), { nil: null }) });
    const policy = fc.constantFrom<OverwritePolicy>('ask', 'overwrite', 'overwrite-if-newer', 'overwrite-if-size-differs', 'overwrite-if-newer-or-size-differs', 'resume', 'rename', 'skip');
    fc.assert(
      fc.property(policy, side, fc.option(side, { nil: null }), (p, source, target) => {
        const decision = decideOverwrite(p, source, target);
        if (decision.kind === 'resume') {
          expect(decision.from).toBeGreaterThan(0);
          if (source.size !== null) expect(decision.from).toBeLessThan(source.size);
        }
      }),
    );
  });
});

describe('isSourceNewer', () => {
  it.each([
    ['newer', NEW, OLD, undefined, true],
    ['older', OLD, NEW, undefined, false],
    ['a minute apart with a LIST tolerance', '2024-06-02T10:01:00.000Z', NEW, 60_000, false],
    ['unknown', null, NEW, undefined, null],
    ['unparsable', 'yesterday', NEW, undefined, null],
  ])('%s', (_name, source, target, tolerance, expected) => {
    expect(isSourceNewer(facts(1, source), facts(1, target), tolerance)).toBe(expected);
  });
});

describe('sourceChanged: may a partial transfer begun with `recorded` be continued from the file as it is `now`?', () => {
  type Row = readonly [name: string, recorded: FileFacts, now: FileFacts, expected: boolean];
  const at = (size: number | null, modified: string | null, precision?: TimePrecision): FileFacts => ({ size, modified, ...(precision ? { precision } : {}) });
  it.each<Row>([
    ['the same size and exact time: the same version', at(100, '2024-06-02T10:20:33.000Z'), at(100, '2024-06-02T10:20:33.000Z'), false],
    ['within the tolerance (sub-second parts)', at(100, '2024-06-02T10:20:33.000Z'), at(100, '2024-06-02T10:20:33.900Z'), false],
    ['another size', at(100, '2024-06-02T10:20:33.000Z'), at(101, '2024-06-02T10:20:33.000Z'), true],
    ['the same size, written 7 s later', at(100, '2024-06-02T10:20:33.000Z'), at(100, '2024-06-02T10:20:40.000Z'), true],
    ['the same size, an older copy put back', at(100, '2024-06-02T10:20:33.000Z'), at(100, '2024-06-01T08:00:00.000Z'), true],
    ['LIST minute recorded: MDTM within that minute is the same', at(100, '2024-06-02T10:20:00.000Z', 'minute'), at(100, '2024-06-02T10:20:59.000Z'), false],
    ['LIST minute recorded: MDTM in the next minute is another version', at(100, '2024-06-02T10:20:00.000Z', 'minute'), at(100, '2024-06-02T10:21:00.000Z'), true],
    ['nothing known now: cannot tell', at(100, '2024-06-02T10:20:33.000Z'), at(null, null), false],
    ['nothing recorded: only what is known now cannot tell', at(null, null), at(100, '2024-06-02T10:20:33.000Z'), false],
    ['only sizes known, equal', at(100, null), at(100, null), false],
  ])('%s', (_name, recorded, now, expected) => {
    expect(sourceChanged(recorded, now)).toBe(expected);
  });
});

describe('isSourceNewer at the precision of the target\'s listing', () => {
  type Row = readonly [name: string, source: string, sourcePrecision: TimePrecision, target: string, targetPrecision: TimePrecision, expected: boolean];
  it.each<Row>([
    // Uploaded with its local time kept (MFMT): LIST shows it cut to the minute; it used to look 33 s newer on every run.
    ['LIST minute: the same minute is not newer', '2024-06-02T10:20:33.412Z', 'exact', '2024-06-02T10:20:00.000Z', 'minute', false],
    ['LIST minute: the last moment of the minute is not newer', '2024-06-02T10:20:59.999Z', 'exact', '2024-06-02T10:20:00.000Z', 'minute', false],
    ['LIST minute: the next minute is newer', '2024-06-02T10:21:00.000Z', 'exact', '2024-06-02T10:20:00.000Z', 'minute', true],
    ['LIST day: later the same day is not newer', '2023-03-05T23:10:00.000Z', 'exact', '2023-03-05T00:00:00.000Z', 'day', false],
    ['LIST day: the next day is newer', '2023-03-06T00:00:01.000Z', 'exact', '2023-03-05T00:00:00.000Z', 'day', true],
    ['exact: two seconds later is newer', '2024-06-02T10:20:02.000Z', 'exact', '2024-06-02T10:20:00.000Z', 'exact', true],
    // Downloads: the source's LIST time is where its minute starts; the local copy got that time or a later one.
    ['download: LIST source against its own time kept locally', '2024-06-02T10:20:00.000Z', 'minute', '2024-06-02T10:20:00.000Z', 'exact', false],
    ['download: LIST source against the exact time (MDTM) kept locally', '2024-06-02T10:20:00.000Z', 'minute', '2024-06-02T10:20:33.000Z', 'exact', false],
    ['download: LIST source a minute later is newer', '2024-06-02T10:21:00.000Z', 'minute', '2024-06-02T10:20:00.000Z', 'exact', true],
    ['download: old LIST source (day) against its time kept locally', '2023-03-05T00:00:00.000Z', 'day', '2023-03-05T00:00:00.000Z', 'exact', false],
  ])('%s', (_name, source, sourcePrecision, target, targetPrecision, expected) => {
    expect(isSourceNewer({ size: 1, modified: source, precision: sourcePrecision }, { size: 1, modified: target, precision: targetPrecision })).toBe(expected);
  });

  const now = Date.parse('2024-06-02T12:00:00.000Z');
  it.each([
    ['MLSD is exact', 'MLSD', '2024-06-02T10:20:00.000Z', 'exact'],
    ['LIST, recent, no seconds: minute', 'LIST', '2024-06-02T10:20:00.000Z', 'minute'],
    ['LIST -a, recent: minute', 'LIST -a', '2024-01-02T10:20:00.000Z', 'minute'],
    ['LIST with seconds (ls --full-time): exact', 'LIST', '2024-06-02T10:20:33.000Z', 'exact'],
    ['LIST older than six months (year shown): day', 'LIST', '2023-03-05T00:00:00.000Z', 'day'],
    ['no time', 'LIST', null, 'exact'],
  ] as const)('%s', (_name, command, modified, expected) => {
    expect(listedTimePrecision(command, modified, now)).toBe(expected);
  });
});

describe('factsNeeded', () => {
  it.each([
    ['overwrite', false, false],
    ['skip', false, false],
    ['rename', false, false],
    ['overwrite-if-newer', false, true],
    ['overwrite-if-size-differs', true, false],
    ['resume', true, false],
    ['overwrite-if-newer-or-size-differs', true, true],
    ['ask', true, true],
  ] as const)('%s', (policy, size, modified) => {
    expect(factsNeeded(policy)).toEqual({ size, modified });
  });
});

describe('numberedName and firstFreeName', () => {
  it.each([
    ['report.pdf', 1, 'report (1).pdf'],
    ['report.pdf', 12, 'report (12).pdf'],
    ['README', 2, 'README (2)'],
    ['.bashrc', 1, '.bashrc (1)'],
    ['archive.tar.gz', 1, 'archive.tar (1).gz'],
    ['name with spaces.txt', 3, 'name with spaces (3).txt'],
  ])('%s, %i → %s', (name, n, expected) => {
    expect(numberedName(name, n)).toBe(expected);
  });

  it('takes the first free number', () => {
    const taken = new Set(['a (1).txt', 'a (2).txt']);
    expect(firstFreeName('a.txt', (candidate) => taken.has(candidate))).toBe('a (3).txt');
    expect(firstFreeName('a.txt', () => true, 5)).toBeNull();
  });
});
