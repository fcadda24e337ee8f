// Readiness per certification stage (Stage 1, Stage 2, surveillance): the score, whether the audit
// would fail today, the findings by severity, and the worst few with how to fix them.
import type { Dashboard } from "../../api/schemas.js";

type Stage = NonNullable<Dashboard["readiness"]>[number];

const stageNames: Record<string, string> = { stage1: "Stage 1 (documents)", stage2: "Stage 2 (operation)", surveillance: "Surveillance" };

export const severityLabels: Record<string, string> = {
  "would-fail-stage1": "Would fail Stage 1",
  major: "Major",
  minor: "Minor",
  observation: "Observation",
};

function StageCard({ stage }: { stage: Stage }) {
  const counts = Object.entries(stage.findings).filter(([, n]) => n > 0);
  return (
    <article className="card stage" data-testid={`readiness-${stage.stage}`}>
      <header className="stage-head">
        <h3>{stageNames[stage.stage] ?? stage.stage}</h3>
        <span className="stage-score" aria-label={`score ${stage.score} of 100`}>
          {stage.score}
          <span className="muted">/100</span>
        </span>
        <span className={`verdict ${stage.wouldFail ? "bad" : "good"}`}>{stage.wouldFail ? "Would fail" : "Would pass"}</span>
      </header>
      <div className="meter" aria-hidden="true">
        <span style={{ width: `${stage.score}%` }} />
      </div>
      <p className="counts">
        {counts.length === 0
          ? "No findings."
          : counts.map(([severity, n]) => (
              <span key={severity} className={`sev sev-${severity}`}>
                {n} {severityLabels[severity] ?? severity}
              </span>
            ))}
      </p>
      {stage.topFindings.length > 0 ? (
        <ol className="findings">
          {stage.topFindings.map((f, i) => (
            <li key={`${f.ruleId}-${i}`}>
              <span className={`sev sev-${f.severity}`}>{severityLabels[f.severity] ?? f.severity}</span> <span className="basis">{f.basis}</span> {f.message}
              <div className="fix muted">{f.fix}</div>
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

export function Readiness({ stages }: { stages: NonNullable<Dashboard["readiness"]> }) {
  return (
    <section aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="section-title">
        Certification readiness
      </h2>
      <div className="stages">
        {stages.map((s) => (
          <StageCard key={s.stage} stage={s} />
        ))}
      </div>
    </section>
  );
}
