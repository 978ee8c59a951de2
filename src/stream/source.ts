/** What the streaming pipeline reads: row chunks from a file, a glob of shards or a SQL engine. */

/** Up to a few thousand consecutive rows. */
export interface Chunk {
  rows: number;
  /** rows x dim, row-major float32 (may be a reused buffer: valid until the next chunk is requested). */
  vectors: Float32Array;
  /** One label per row, or null when the source has no labels. */
  labels: readonly string[] | null;
}

export interface RowSource {
  /** For messages: the file or glob. */
  name: string;
  dim: number;
  /** Total rows when known before reading (progress, ETA). */
  rows: number | null;
  /** Distinct labels (each row's text), read before the pass when a stratified sample needs their count. */
  distinctLabels(): Promise<string[] | null>;
  /** The chunks in order; may be called again for a second pass. */
  chunks(signal?: AbortSignal): AsyncIterable<Chunk>;
  close(): Promise<void>;
  /** Source-specific facts for the report's stream block (engine, files, SQL cross-checks). */
  describe(): Record<string, unknown>;
}

/** Default rows per chunk: DuckDB's vector size, long enough for the Gram kernel's inner loop. */
export const CHUNK_ROWS = 2048;
