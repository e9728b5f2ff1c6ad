/** A growing list of numbers in a typed array: a quarter (int32) or half (float64) of the memory of a JavaScript array of numbers. */
class TypedList<Items extends Int32Array | Float64Array> {
  private items: Items;
  length = 0;

  constructor(private readonly allocate: (length: number) => Items) {
    this.items = allocate(1024);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = this.allocate(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index];
  }

  /** The numbers pushed so far, as a view (valid until the next push). */
  view(): Items {
    return this.items.subarray(0, this.length) as Items;
  }

  /** Appends every number of `values`. */
  pushAll(values: Items): void {
    if (this.length + values.length > this.items.length) {
      const grown = this.allocate(Math.max(2 * this.items.length, this.length + values.length));
      grown.set(this.view());
      this.items = grown;
    }
    this.items.set(values, this.length);
    this.length += values.length;
  }
}

/** 32-bit integers. */
export class Int32List extends TypedList<Int32Array> {
  constructor() {
    super((length) => new Int32Array(length));
  }
}

/** Any number, such as byte offsets into files larger than 2 GB. */
export class Float64List extends TypedList<Float64Array> {
  constructor() {
    super((length) => new Float64Array(length));
  }
}
