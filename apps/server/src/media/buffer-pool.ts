/**
 * Read buffers handed back once the socket has written them. A fresh 1 MiB per read is external
 * memory to V8, which answers the churn with full collections that cost more the larger the
 * heap; in the server's heap that took a third of the throughput of 4 MB segments.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    readonly bufferBytes: number,
    /** Free buffers kept beyond this are left to the GC, bounding what an idle server holds. */
    private readonly maxFree: number,
  ) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.bufferBytes);
  }

  give(buffer: Buffer): void {
    if (this.free.length < this.maxFree && buffer.length === this.bufferBytes) this.free.push(buffer);
  }

  get freeCount(): number {
    return this.free.length;
  }
}
