import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../../app/shared/contract.ts';
import { formatCountdown, formatDuration, formatNumber } from '../lib/format.ts';
import { visibleText } from '../lib/visible-text.ts';

/** Text from a leak: always a text node, with hidden characters made visible. */
export function LeakText({ value, keepLayout = false, maxLength }: { value: string; keepLayout?: boolean; maxLength?: number }) {
  return <>{visibleText(value, { keepLayout, ...(maxLength !== undefined ? { maxLength } : {}) })}</>;
}

export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function Countdown({ deadline }: { deadline: string }) {
  const now = useNow();
  const hours = (new Date(deadline).getTime() - now.getTime()) / 3_600_000;
  const tone = hours < 0 ? 'overdue' : hours < 24 ? 'urgent' : 'ok';
  return (
    <span className={`countdown countdown-${tone}`} data-testid="countdown">
      {formatCountdown(deadline, now)}
    </span>
  );
}

function rateOf(p: ProgressEvent): { rate?: number; eta?: number } {
  const seconds = (p.at - p.startedAt) / 1000;
  if (seconds <= 0 || p.done <= 0) return {};
  const rate = p.done / seconds;
  return { rate, eta: p.total > p.done ? (p.total - p.done) / rate : 0 };
}

export function ProgressBar({ progress, label }: { progress: ProgressEvent; label: string }) {
  const fraction = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  const { rate, eta } = rateOf(progress);
  const unit = progress.phase === 'hashing' ? 'B/s' : '/s';
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span>
          {progress.phase}
          {rate !== undefined ? ` · ${formatNumber(Math.round(rate))} ${unit}` : ''}
          {eta !== undefined ? ` · ${formatDuration(eta)} left` : ''}
        </span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

export function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
      {hint ? <div className="stat-hint">{hint}</div> : null}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
