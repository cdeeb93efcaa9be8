import { getStep } from '../utils/checklist';
import type { Finding, Severity } from '../utils/findings';

const SEVERITIES: Record<Severity, { icon: string; text: string }> = {
  problem: { icon: '!', text: 'Problem' },
  warning: { icon: '⚠', text: 'Warning' },
  info: { icon: 'i', text: 'Note' },
};

/** What the checks found, each with what to do about it; `data-finding` carries its code. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <section className="findings">
      <h2>Findings</h2>
      {findings.length === 0 ? (
        <p className="muted">
          No problems found so far. The assistant only knows what it saw on the pages you opened, so this is not proof
          that everything works.
        </p>
      ) : (
        <ul className="finding-list">
          {findings.map((f) => (
            <li
              key={`${f.code}:${f.step ?? ''}:${f.title}`}
              className={`finding finding-${f.severity}`}
              data-finding={f.code}
            >
              <h3 className="finding-title">
                <span className={`badge badge-${f.severity}`}>
                  <span className="badge-icon" aria-hidden="true">
                    {SEVERITIES[f.severity].icon}
                  </span>
                  {SEVERITIES[f.severity].text}
                </span>{' '}
                {f.title}
              </h3>
              <p>{f.explanation}</p>
              <p>
                <strong>Fix: </strong>
                {f.fix}
              </p>
              {f.step && <p className="muted">Step: {getStep(f.step).title}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
