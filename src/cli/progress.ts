// Progress of a long run on stderr: a bar redrawn in place on a terminal, plain lines every few
// seconds otherwise (CI logs, pipes), nothing with --json.

export interface ProgressState {
  done: number;
  total: number;
  /** What is shown after the counts ("3 accounts, 51 regions, 2 throttled"). */
  note: string;
}

export interface Progress {
  update(state: ProgressState): void;
  /** Clears the bar (on a terminal) so that the summary starts on a clean line. */
  finish(): void;
}

const barWidth = 28;

export function renderBar(state: ProgressState): string {
  const ratio = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
  const filled = Math.round(ratio * barWidth);
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${state.done}/${state.total} requests ${state.note}`.trimEnd();
}

/** What progress writes to: stderr, or a test's fake. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export function createProgress(options: { stream?: ProgressStream; enabled: boolean; label: string; now?: () => number }): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  if (!options.enabled) return { update() {}, finish() {} };
  if (stream.isTTY) {
    let last = Number.NEGATIVE_INFINITY;
    let drawn = false;
    return {
      update(state) {
        if (now() - last < 100 && state.done < state.total) return;
        last = now();
        drawn = true;
        const line = `${options.label} ${renderBar(state)}`;
        stream.write(`\r${line.slice(0, Math.max(20, (stream.columns ?? 120) - 1)).padEnd(Math.max(20, (stream.columns ?? 120) - 1))}`);
      },
      finish() {
        if (drawn) stream.write(`\r${" ".repeat(Math.max(20, (stream.columns ?? 120) - 1))}\r`);
      },
    };
  }
  let last = now();
  let lastState: ProgressState | undefined;
  return {
    update(state) {
      lastState = state;
      if (now() - last < 5_000) return;
      last = now();
      stream.write(`${options.label} ${state.done}/${state.total} requests ${state.note}\n`);
    },
    finish() {
      if (lastState) stream.write(`${options.label} ${lastState.done}/${lastState.total} requests ${lastState.note}\n`);
    },
  };
}
