// Sections whose HTTP API is not there yet: what the page will hold, and the command that shows the same
// records today.
import type { Section } from "../app/router.js";

const coming: Partial<Record<Section, { title: string; holds: string; command: string }>> = {
  evidence: { title: "Evidence", holds: "the evidence records collected from AWS and attached by people, with their freshness and the controls they serve", command: "isms evidence list" },
  documents: { title: "Documents", holds: "the ISMS documents under document control: owners, versions, approvals and reviews", command: "isms docs list" },
  audits: { title: "Audits", holds: "the internal audit programme, the certification body's audits, their findings and corrective actions", command: "isms audit list" },
};

export function ComingScreen({ section }: { section: Section }) {
  const page = coming[section];
  if (!page) return null;
  return (
    <main className="page narrow">
      <h1>{page.title}</h1>
      <p className="note">
        Coming: this page will show {page.holds}. The HTTP API does not serve them yet; the command line does: <code>{page.command}</code>.
      </p>
    </main>
  );
}
