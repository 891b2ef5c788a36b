/**
 * Work space that a fit or an estimate reuses from one call to the next (they run one at a time, synchronously):
 * typed arrays are slow to make, so each part grows when a call needs more and is otherwise reused. Nothing a call
 * returns may point into it.
 */
export class Workspace {
  private floats: Float64Array[] = [];
  private integers: Int32Array[] = [];

  /** At least `size` numbers for `part`, the first `size` of them 0. */
  floats0(part: number, size: number): Float64Array {
    let buffer = this.floats[part];
    if (!buffer || buffer.length < size)
      this.floats[part] = buffer = new Float64Array(Math.max(size, 2 * (buffer?.length ?? 0)));
    else buffer.fill(0, 0, size);
    return buffer;
  }

  /** At least `size` integers for `part`, the first `size` of them `value`. */
  ints(part: number, size: number, value = 0): Int32Array {
    let buffer = this.integers[part];
    if (!buffer || buffer.length < size)
      this.integers[part] = buffer = new Int32Array(Math.max(size, 2 * (buffer?.length ?? 0)));
    buffer.fill(value, 0, size);
    return buffer;
  }

  /** The integers of `part` as the last call left them. */
  intsAsLeft(part: number): Int32Array {
    return this.integers[part] ?? new Int32Array(0);
  }
}
