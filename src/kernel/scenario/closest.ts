/**
 * The known name within two edits of `word`, if any (for "did you mean").
 * Two strings whose lengths differ by more than two are further apart than
 * that, so only known names of about the word's length are compared: a
 * 4 MB word costs one length check per name, not 4 million steps.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  let lower: string | undefined;
  for (const k of known) {
    if (Math.abs(word.length - k.length) >= bestD) continue;
    lower ??= word.toLowerCase();
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
