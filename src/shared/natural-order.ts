/**
 * Natural name order ("file2" before "file10"), shared by the panes' sort and the transfer queue, so a folder's files
 * are queued in the order the pane shows them (docs/transfers.md, "Order of a folder's files"). Pure.
 */
/**
 * Made on first use: the first Intl object of a process loads ICU's locale data (≈5–20 ms), which a mirror of ASCII
 * names never needs and the command line would pay at every start (docs/benchmarks.md, "Start-up").
 */
let collator: Intl.Collator | null = null;
/** Chinese characters in pinyin order (zh's default collation), whatever the window's or the system's language. */
let pinyinCollator: Intl.Collator | null = null;

/** Runs of Chinese characters and of everything else: "文件10.txt" is ["文件", "10.txt"]. */
const HAN_RUNS = /\p{Script=Han}+|\P{Script=Han}+/gu;
const HAN = /^\p{Script=Han}/u;

/**
 * A sort compares each name ≈2·log2(n) times; splitting it anew each time made sorting 50,000 Chinese names 3–6 times
 * slower than the collator alone (bench/sort-bench.ts, SORT_BENCH_NAMES=chinese). Bounded: cleared when full, so a long
 * session's names do not pile up.
 */
const runsMemo = new Map<string, readonly string[]>();
const RUNS_MEMO_MAX = 200_000;

function hanRuns(s: string): readonly string[] {
  let runs = runsMemo.get(s);
  if (runs === undefined) {
    if (runsMemo.size >= RUNS_MEMO_MAX) runsMemo.clear();
    runs = s.match(HAN_RUNS) ?? [];
    runsMemo.set(s, runs);
  }
  return runs;
}

/**
 * Two names of which one at least is not ASCII. Chinese characters compare in pinyin order (阿里, 北京, 重庆, 上海), as
 * Windows Explorer and macOS Finder in Chinese sort them — the locale's default collator (en-US: an English system,
 * or a browser in English with the window in 简体中文) put them in code point order (上海 before 北京 before 阿里).
 * Latin letters, digits and other text come before Chinese, as in Explorer (a zh collator alone puts Chinese first),
 * and keep the locale's order. Run by run, so "文件2" comes before "文件10". The same in the panes, the queue, the CLI.
 */
function compareNonAscii(a: string, b: string): number {
  const other = (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }));
  const ra = hanRuns(a);
  const rb = hanRuns(b);
  for (let i = 0; i < ra.length && i < rb.length; i += 1) {
    const x = ra[i] as string;
    const y = rb[i] as string;
    const hanX = HAN.test(x);
    if (hanX !== HAN.test(y)) return hanX ? 1 : -1;
    const order = hanX ? (pinyinCollator ??= new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })).compare(x, y) : other.compare(x, y);
    if (order !== 0) return order;
  }
  return ra.length - rb.length;
}

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Natural order of two lower-cased strings: digit runs compare as numbers ("file2" < "file10").
 * Plain ASCII takes a hand-written fast path (ICU's numeric collator is ~20x slower on 50,000 names);
 * anything else goes to Intl.Collator so accented names sort the way the locale reads them, Chinese in pinyin order.
 */
export function naturalCompare(a: string, b: string, bothAscii = isAscii(a) && isAscii(b)): number {
  if (!bothAscii) return compareNonAscii(a, b);
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ia = i;
      let jb = j;
      while (ia < la && a.charCodeAt(ia) === 48) ia += 1;
      while (jb < lb && b.charCodeAt(jb) === 48) jb += 1;
      let ea = ia;
      let eb = jb;
      while (ea < la && isDigit(a.charCodeAt(ea))) ea += 1;
      while (eb < lb && isDigit(b.charCodeAt(eb))) eb += 1;
      const lenA = ea - ia;
      const lenB = eb - jb;
      if (lenA !== lenB) return lenA - lenB;
      for (let k = 0; k < lenA; k += 1) {
        const d = a.charCodeAt(ia + k) - b.charCodeAt(jb + k);
        if (d !== 0) return d;
      }
      i = ea;
      j = eb;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i += 1;
    j += 1;
  }
  return la - i - (lb - j);
}

/**
 * Two names in the panes' name order: case-insensitive natural order, then the raw names (so "A" and "a" keep one
 * fixed order). The order a folder's contents are queued in.
 */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return naturalCompare(la, lb) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Two '/'-separated relative paths in natural order, folder by folder ("d-2.txt" before "d-10.txt", "a/x" before
 * "a-b"): the order of Synchronize's preview and of the copies it queues (a path order, as the preview always was).
 */
export function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < pa.length && i < pb.length; i += 1) {
    const order = compareNames(pa[i] as string, pb[i] as string);
    if (order !== 0) return order;
  }
  return pa.length - pb.length;
}
