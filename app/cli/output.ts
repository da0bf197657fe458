import cliProgress from 'cli-progress';
import { rateAndEta, type ProgressEvent } from '../core/jobs/progress.ts';

/** Exit codes, documented in `breachscope --help` and the README. */
export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  partial: 3, // some inputs failed; the rest were processed
  auditBroken: 4,
  cancelled: 130,
} as const;

export interface Output {
  json: boolean;
  info(line: string): void;
  data(value: unknown): void;
  progress(event: ProgressEvent): void;
  done(): void;
}

/** Human lines go to stderr when --json is on, so stdout stays machine-readable. */
export function createOutput(options: { json: boolean; quiet?: boolean }): Output {
  const interactive = process.stderr.isTTY && !options.quiet && process.env['CI'] !== 'true';
  let bar: cliProgress.SingleBar | undefined;
  let barKey = '';
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
    barKey = '';
  };
  return {
    json: options.json,
    info(line) {
      if (options.quiet) return;
      stopBar();
      (options.json ? process.stderr : process.stdout).write(line + '\n');
    },
    data(value) {
      stopBar();
      process.stdout.write(JSON.stringify(value, null, 2) + '\n');
    },
    progress(event) {
      if (!interactive) return;
      const key = `${event.job}:${event.file ?? ''}:${event.phase}`;
      if (key !== barKey) {
        stopBar();
        barKey = key;
        bar = new cliProgress.SingleBar(
          { format: `${event.phase.padEnd(9)} [{bar}] {percentage}% | {rate} | ETA {eta_formatted} | {label}`, hideCursor: true, stream: process.stderr, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(event.total, 1), 0, { rate: '', label: shortLabel(event) });
      }
      const { rate } = rateAndEta(event);
      bar?.update(Math.min(event.done, Math.max(event.total, 1)), { rate: rate ? formatRate(rate, event.phase) : '', label: shortLabel(event) });
    },
    done() {
      stopBar();
    },
  };
}

function shortLabel(event: ProgressEvent): string {
  const file = event.file ? event.file.split(/[\\/]/).pop() : '';
  const count = event.fileCount && event.fileCount > 1 ? ` (${(event.fileIndex ?? 0) + 1}/${event.fileCount})` : '';
  return `${file ?? ''}${count}`;
}

function formatRate(rate: number, phase: string): string {
  if (phase === 'hashing') return `${(rate / 1024 / 1024).toFixed(1)} MB/s`;
  return `${Math.round(rate).toLocaleString('en')} /s`;
}
