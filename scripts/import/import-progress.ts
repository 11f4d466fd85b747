import { Presets, SingleBar } from 'cli-progress';

/** Shows how far the import has got; counts only, never a row's content. */
export interface ImportProgress {
  rowDone(refused: boolean): void;
  stop(): void;
}

/** A progress bar on a terminal; elsewhere (a log, CI) a plain line every `everyMs`. */
export function progressOn(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  total: number,
  everyMs = 10_000,
): ImportProgress {
  return stream.isTTY ? new BarProgress(stream, total) : new LineProgress(stream, total, everyMs);
}

class BarProgress implements ImportProgress {
  private readonly bar: SingleBar;
  private refused = 0;

  constructor(stream: NodeJS.WritableStream, total: number) {
    this.bar = new SingleBar(
      {
        stream,
        format: 'import |{bar}| {value}/{total} rows | {refused} refused | {eta_formatted} left',
      },
      Presets.shades_classic,
    );
    this.bar.start(total, 0, { refused: 0 });
  }

  rowDone(refused: boolean): void {
    if (refused) this.refused += 1;
    this.bar.increment(1, { refused: this.refused });
  }

  stop(): void {
    this.bar.stop();
  }
}

class LineProgress implements ImportProgress {
  private done = 0;
  private refused = 0;
  private lastAt = Date.now();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number,
    private readonly everyMs: number,
  ) {}

  rowDone(refused: boolean): void {
    this.done += 1;
    if (refused) this.refused += 1;
    if (Date.now() - this.lastAt >= this.everyMs) this.write();
  }

  stop(): void {
    this.write();
  }

  private write(): void {
    this.lastAt = Date.now();
    this.stream.write(`import: ${this.done}/${this.total} rows, ${this.refused} refused\n`);
  }
}
