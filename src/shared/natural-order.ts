/**
 * Natural name order ("file2" before "file10"), shared by the panes' sort and the transfer queue, so a folder's files
 * are queued in the order the pane shows them (docs/transfers.md, "Order of a folder's files"). Pure.
 */
/**
 * Made on first use: the first Intl object of a process loads ICU's locale data (≈5–20 ms), which a mirror of ASCII
 * names never needs and the command line would pay at every start (docs/benchmarks.md, "Start-up").
 */
let collator: Intl.Collator | null = null;

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
 * anything else goes to Intl.Collator so Chinese and accented names sort the way the locale reads them.
 */
export function naturalCompare(a: string, b: string, bothAscii = isAscii(a) && isAscii(b)): number {
  if (!bothAscii) return (collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })).compare(a, b);
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
