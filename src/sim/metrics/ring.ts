/**
 * The last `capacity` items, oldest first: bounded memory however long a run lasts.
 */
export class Ring<T> {
  private items: T[] = [];
  private head = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
    } else {
      this.items[this.head] = item;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** The i-th oldest item kept. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.items.length) return undefined;
    return this.items[(this.head + i) % this.items.length];
  }

  last(): T | undefined {
    return this.at(this.items.length - 1);
  }
}
