// Maps character offsets to 1-based line and column. Built once per text; lookups are
// binary searches, with a fast path for the monotonic offsets a scanner produces.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[];
  private cursor = 0;

  constructor(text: string) {
    // A line ends at \n, at \r\n, or at a lone \r (XML normalises all three to \n).
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  locate(offset: number): Position {
    const starts = this.starts;
    let k = this.cursor;
    if (starts[k]! <= offset) {
      // Scanners move forward a few lines at a time: walk before searching.
      for (let steps = 0; steps < 16 && k + 1 < starts.length && starts[k + 1]! <= offset; steps++) k++;
      if (k + 1 >= starts.length || starts[k + 1]! > offset) {
        this.cursor = k;
        return { line: k + 1, column: offset - starts[k]! + 1 };
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.cursor = k = lo;
    return { line: k + 1, column: offset - starts[k]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(text: string, line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    let end = next === undefined ? text.length : next;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return text.slice(start, end);
  }
}
