import { useEffect, useState, type FormEvent } from 'react';
import { ControllerSchema } from '../../../app/core/assess/facts.ts';
import type { Assessment, ControllerFacts, FactsView, OverrideInput } from '../../../app/shared/contract.ts';
import { useApp, useCall } from '../store.ts';
import { Countdown, LeakText } from '../components/common.tsx';
import { formatInstant } from '../lib/format.ts';

type TextField = 'controller_name' | 'controller_address' | 'dpo_contact' | 'contact_point' | 'lead_supervisory_authority' | 'description' | 'cause' | 'likely_consequences' | 'timezone';

const TEXT_FIELDS: Array<{ key: TextField; label: string; isLong?: boolean }> = [
  { key: 'controller_name', label: 'Controller (organisation) name' },
  { key: 'controller_address', label: 'Controller address' },
  { key: 'dpo_contact', label: 'Data protection officer: name and contact' },
  { key: 'contact_point', label: 'Contact point for more information' },
  { key: 'lead_supervisory_authority', label: 'Lead supervisory authority' },
  { key: 'timezone', label: 'Time zone for deadlines (IANA, e.g. Europe/Berlin)' },
  { key: 'description', label: 'What happened and how', isLong: true },
  { key: 'cause', label: 'Cause', isLong: true },
  { key: 'likely_consequences', label: 'Likely consequences for the people', isLong: true },
];

const OVERRIDE_TARGETS: Array<{ target: OverrideInput['target']; label: string; values: Array<number | string> }> = [
  { target: 'dpc', label: 'Data processing context (DPC, 1–4)', values: [1, 2, 3, 4] },
  { target: 'ei', label: 'Ease of identification (EI)', values: [0.25, 0.5, 0.75, 1] },
  { target: 'cb_confidentiality', label: 'Breach: confidentiality', values: [0, 0.25, 0.5] },
  { target: 'cb_integrity', label: 'Breach: integrity', values: [0, 0.25, 0.5] },
  { target: 'cb_availability', label: 'Breach: availability', values: [0, 0.25, 0.5] },
  { target: 'cb_malicious', label: 'Malicious intent', values: [0, 0.5] },
  { target: 'gdpr_risk', label: 'GDPR risk level', values: ['no_risk', 'risk', 'high_risk'] },
];

export function AssessmentScreen() {
  const bridge = useApp((s) => s.bridge);
  const dataVersion = useApp((s) => s.dataVersion);
  const refreshSummary = useApp((s) => s.refreshSummary);
  const showNotice = useApp((s) => s.showNotice);
  const call = useCall();
  const [facts, setFacts] = useState<FactsView | null>(null);
  const [draft, setDraft] = useState<ControllerFacts>({});
  const [countries, setCountries] = useState('');
  const [measures, setMeasures] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void (async () => {
      const f = await call(bridge['facts.get']({}));
      if (f) {
        setFacts(f);
        setDraft(f.controller);
        setCountries((f.controller.establishment_countries ?? []).join(', '));
        setMeasures((f.controller.measures_taken ?? []).join('\n'));
      }
      const a = await call(bridge['assess.get']({}));
      if (a) setAssessment(a);
    })();
  }, [bridge, dataVersion, version]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const controller: ControllerFacts = { ...draft };
    const cc = countries.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
    if (cc.length) controller.establishment_countries = cc;
    else delete controller.establishment_countries;
    const lines = measures.split('\n').map((m) => m.trim()).filter(Boolean);
    if (lines.length) controller.measures_taken = lines;
    else delete controller.measures_taken;
    for (const key of Object.keys(controller) as Array<keyof ControllerFacts>) if (controller[key] === '') delete controller[key];
    const parsed = ControllerSchema.safeParse(controller);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    setErrors([]);
    const saved = await call(bridge['facts.set']({ controller: parsed.data }));
    if (saved) {
      showNotice('Facts saved; the assessment was recomputed.');
      setVersion((v) => v + 1);
      await refreshSummary();
    }
  };

  const setText = (key: TextField, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <div className="stack">
      <section className="card">
        <h2>Controller facts</h2>
        <p className="muted small">What only you can know. Anything left empty appears as a listed gap in the drafts, never as an invented value.</p>
        <form className="form facts" onSubmit={save} data-testid="facts-form">
          {TEXT_FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              {f.isLong ? (
                <textarea rows={3} value={draft[f.key] ?? ''} onChange={(e) => setText(f.key, e.target.value)} data-testid={`fact-${f.key}`} />
              ) : (
                <input value={draft[f.key] ?? ''} onChange={(e) => setText(f.key, e.target.value)} data-testid={`fact-${f.key}`} />
              )}
            </label>
          ))}
          <label>
            Countries of establishment (ISO codes, e.g. DE, FR)
            <input value={countries} onChange={(e) => setCountries(e.target.value)} data-testid="fact-establishment_countries" />
          </label>
          <label>
            Measures taken (one per line)
            <textarea rows={3} value={measures} onChange={(e) => setMeasures(e.target.value)} data-testid="fact-measures_taken" />
          </label>
          <label>
            Who may have seen the data
            <select value={draft.exposure ?? ''} onChange={(e) => setDraft({ ...draft, exposure: (e.target.value || undefined) as ControllerFacts['exposure'] })}>
              <option value="">not stated</option>
              <option value="none">no evidence of access</option>
              <option value="known_recipients">known recipients</option>
              <option value="unknown_recipients">unknown recipients</option>
            </select>
          </label>
          <label>
            Malicious
            <select
              value={draft.malicious === undefined ? '' : String(draft.malicious)}
              onChange={(e) => setDraft({ ...draft, malicious: e.target.value === '' ? undefined : e.target.value === 'unknown' ? 'unknown' : e.target.value === 'true' })}
            >
              <option value="">not stated</option>
              <option value="true">yes</option>
              <option value="false">no</option>
              <option value="unknown">unknown</option>
            </select>
          </label>
          {errors.length ? (
            <ul className="error-text" role="alert">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          <button type="submit" className="primary" data-testid="facts-save">
            Save facts
          </button>
        </form>
      </section>
      {assessment ? <AssessmentView assessment={assessment} /> : <p className="muted">The assessment appears once the data is classified.</p>}
      {facts ? <Overrides facts={facts} onChange={() => setVersion((v) => v + 1)} /> : null}
    </div>
  );
}

function AssessmentView({ assessment }: { assessment: Assessment }) {
  const applying = assessment.regimes.filter((r) => r.applies);
  return (
    <>
      <section className="card" data-testid="severity">
        <h2>
          Severity (ENISA): {assessment.severity.score.toFixed(2)} · {assessment.severity.band.replace('_', ' ')}
        </h2>
        <p className="muted small">{assessment.severity.band_meaning}</p>
        <table className="table">
          <thead>
            <tr>
              <th>Input</th>
              <th>Value</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {assessment.severity.inputs.map((i) => (
              <tr key={i.name}>
                <td>{i.name}</td>
                <td>
                  {String(i.value)}
                  {i.overridden ? ` (overridden; computed ${String(i.overridden.computed)})` : ''}
                  {i.assumed ? ' (assumed)' : ''}
                </td>
                <td>{i.overridden ? i.overridden.reason : i.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          GDPR risk: <strong>{assessment.gdpr_risk.level.replace('_', ' ')}</strong>
        </p>
        <ul className="small">
          {assessment.gdpr_risk.reasoning.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>Regimes that apply ({applying.length})</h2>
        <table className="table" data-testid="regimes">
          <thead>
            <tr>
              <th>Regime</th>
              <th>Authority</th>
              <th>People</th>
              <th>Deadline</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {applying.map((r) => (
              <tr key={r.id} data-regime={r.id}>
                <td>
                  <strong>{r.id}</strong>
                  <div className="small muted">{r.name}</div>
                </td>
                <td>{r.notify_authority}</td>
                <td>{r.notify_subjects}</td>
                <td>
                  {r.deadline?.utc ? (
                    <>
                      <div data-testid={`deadline-${r.id}`}>{formatInstant(r.deadline.utc)}</div>
                      <Countdown deadline={r.deadline.utc} />
                      <div className="small muted">{r.deadline.rule}</div>
                    </>
                  ) : (
                    <span className="muted">{r.deadline?.rule ?? 'no fixed deadline'}</span>
                  )}
                </td>
                <td className="small">
                  {r.why}
                  <details>
                    <summary>Reasoning</summary>
                    <ul>
                      {r.reasoning.map((x, i) => (
                        <li key={i}>{x}</li>
                      ))}
                    </ul>
                    <div className="muted">{r.basis.join('; ')}</div>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {assessment.gaps.length ? (
        <section className="card">
          <h2>Gaps ({assessment.gaps.length})</h2>
          <ul>
            {assessment.gaps.map((g) => (
              <li key={g.field}>
                <strong>{g.label}</strong>: {g.why} <span className="muted small">(needed by {g.needed_by.join(', ')})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function Overrides({ facts, onChange }: { facts: FactsView; onChange: () => void }) {
  const bridge = useApp((s) => s.bridge);
  const refreshSummary = useApp((s) => s.refreshSummary);
  const call = useCall();
  const [target, setTarget] = useState<OverrideInput['target']>('dpc');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const spec = OVERRIDE_TARGETS.find((t) => t.target === target)!;

  const apply = async (event: FormEvent) => {
    event.preventDefault();
    const raw = spec.values.find((v) => String(v) === value);
    if (raw === undefined || reason.trim().length < 3) return;
    const done = await call(bridge['assess.override']({ override: { target, value: raw, reason } as OverrideInput }));
    if (done) {
      setReason('');
      onChange();
      await refreshSummary();
    }
  };

  const clear = async (t: OverrideInput['target']) => {
    if (await call(bridge['assess.clearOverride']({ target: t }))) {
      onChange();
      await refreshSummary();
    }
  };

  return (
    <section className="card">
      <h2>ENISA inputs: overrides</h2>
      <p className="muted small">An override replaces a computed input; its reason is recorded in the audit log and printed in the drafts.</p>
      <ul>
        {facts.overrides.map((o) => (
          <li key={o.target}>
            {o.target} = {String(o.value)}: <LeakText value={o.reason} maxLength={300} />{' '}
            <button type="button" className="small" onClick={() => void clear(o.target)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="form-row" onSubmit={apply}>
        <select aria-label="Input to override" value={target} onChange={(e) => { setTarget(e.target.value as OverrideInput['target']); setValue(''); }}>
          {OVERRIDE_TARGETS.map((t) => (
            <option key={t.target} value={t.target}>
              {t.label}
            </option>
          ))}
        </select>
        <select aria-label="Value" value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">value…</option>
          {spec.values.map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
        <input aria-label="Reason" placeholder="reason (required)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        <button type="submit" disabled={value === '' || reason.trim().length < 3}>
          Override
        </button>
      </form>
    </section>
  );
}
