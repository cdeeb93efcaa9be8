import { type LinkContext, SECTIONS, type StepId, stepsOfSection } from '../utils/checklist';
import type { ManualMark, Setup } from '../utils/setup';
import type { DerivedState } from '../utils/status';
import { StepItem } from './StepItem';

interface ChecklistSectionsProps {
  derived: DerivedState;
  manual: Setup['manual'];
  linkContext: LinkContext;
  now: number;
  onMark: (step: StepId, mark: ManualMark | null) => void;
}

/** The whole checklist, one heading per section with how much of it is done. */
export function ChecklistSections({ derived, manual, linkContext, now, onMark }: ChecklistSectionsProps) {
  return SECTIONS.map((section) => {
    const steps = stepsOfSection(section.id);
    const counted = steps.filter((s) => derived.steps[s.id].status !== 'skipped');
    const done = counted.filter((s) => derived.steps[s.id].status === 'done').length;
    return (
      <section key={section.id} className="section">
        <h2 className="section-title">
          {section.title}{' '}
          <span className="section-count">
            {done} of {counted.length} done
          </span>
        </h2>
        <ol className="steps">
          {steps.map((step) => (
            <StepItem
              key={step.id}
              step={step}
              state={derived.steps[step.id]}
              mark={manual[step.id]}
              linkContext={linkContext}
              now={now}
              onMark={onMark}
            />
          ))}
        </ol>
      </section>
    );
  });
}
