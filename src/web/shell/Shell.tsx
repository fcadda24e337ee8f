// The signed-in frame: the workspace picker, or a workspace's pages with the left navigation, the
// account with its role there, and sign-out.
import { useEffect, useState } from "react";
import { signOut } from "../api/endpoints.js";
import type { Me, Membership } from "../api/schemas.js";
import { principalOf, roleLabels } from "../app/access.js";
import { hrefOf, navigate, useRoute, type Section } from "../app/router.js";
import { WorkspaceContext } from "../app/session.js";
import { messageOf } from "../app/use-resource.js";
import { ErrorNote } from "../components/Notes.js";
import { AuditsScreen } from "../screens/audits/AuditsScreen.js";
import { CalendarScreen } from "../screens/calendar/CalendarScreen.js";
import { CollectionScreen } from "../screens/collection/CollectionScreen.js";
import { DashboardScreen } from "../screens/dashboard/DashboardScreen.js";
import { DocumentsScreen } from "../screens/documents/DocumentsScreen.js";
import { EvidenceScreen } from "../screens/evidence/EvidenceScreen.js";
import { ObjectivesScreen } from "../screens/objectives/ObjectivesScreen.js";
import { PeopleScreen } from "../screens/people/PeopleScreen.js";
import { ReviewsScreen } from "../screens/reviews/ReviewsScreen.js";
import { RisksScreen } from "../screens/risks/RisksScreen.js";
import { ScopeScreen } from "../screens/scope/ScopeScreen.js";
import { SoaScreen } from "../screens/soa/SoaScreen.js";
import { SuppliersScreen } from "../screens/suppliers/SuppliersScreen.js";

const navigation: { section: Section; label: string }[] = [
  { section: "dashboard", label: "Dashboard" },
  { section: "scope", label: "Scope & assets" },
  { section: "risks", label: "Risks" },
  { section: "soa", label: "SoA" },
  { section: "objectives", label: "Objectives" },
  { section: "evidence", label: "Evidence" },
  { section: "documents", label: "Documents" },
  { section: "audits", label: "Audits" },
  { section: "reviews", label: "Reviews" },
  { section: "people", label: "People" },
  { section: "suppliers", label: "Suppliers" },
  { section: "calendar", label: "Calendar" },
  { section: "collection", label: "Collection" },
];

function Header({ me, membership, onSignedOut }: { me: Me; membership: Membership | null; onSignedOut: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const leave = () =>
    signOut()
      .then(onSignedOut)
      .catch((e: unknown) => setError(messageOf(e)));
  return (
    <header className="topbar">
      <a className="brand" href="#/">
        OpenISMS
      </a>
      {membership ? (
        <span className="topbar-workspace">
          {membership.name}
          {me.workspaces.length > 1 ? (
            <a className="quiet" href="#/">
              switch
            </a>
          ) : null}
        </span>
      ) : null}
      <span className="spacer" />
      <span className="topbar-account" data-testid="account">
        <span>{me.account.name}</span>
        {membership ? (
          <span className="role" data-testid="role">
            {roleLabels[membership.role]}
          </span>
        ) : null}
      </span>
      <button type="button" onClick={() => void leave()}>
        Sign out
      </button>
      <ErrorNote message={error} />
    </header>
  );
}

function WorkspacePicker({ me }: { me: Me }) {
  const only = me.workspaces.length === 1 ? me.workspaces[0] : undefined;
  useEffect(() => {
    if (only) navigate({ page: "section", workspace: only.slug, section: "dashboard" }, { replace: true });
  }, [only]);
  if (me.workspaces.length === 0) {
    return (
      <main className="page narrow">
        <h1>No workspace yet</h1>
        <p>This account belongs to no workspace. An administrator adds you to one; the first one is made with <code>isms init</code>.</p>
      </main>
    );
  }
  return (
    <main className="page narrow">
      <h1>Workspaces</h1>
      <ul className="picker">
        {me.workspaces.map((w) => (
          <li key={w.slug}>
            <a href={hrefOf({ page: "section", workspace: w.slug, section: "dashboard" })}>
              <strong>{w.name}</strong>
              <span className="muted">{w.companyName}</span>
              <span className="role">{roleLabels[w.role]}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

function SectionPage({ section, item }: { section: Section; item: string | undefined }) {
  switch (section) {
    case "dashboard":
      return <DashboardScreen />;
    case "risks":
      return <RisksScreen openRisk={item ?? null} />;
    case "soa":
      return <SoaScreen openControl={item ?? null} />;
    case "evidence":
      return <EvidenceScreen openEvidence={item ?? null} />;
    case "documents":
      return <DocumentsScreen openDocument={item ?? null} />;
    case "audits":
      return <AuditsScreen openAudit={item ?? null} />;
    case "people":
      return <PeopleScreen />;
    case "scope":
      return <ScopeScreen openAsset={item ?? null} />;
    case "objectives":
      return <ObjectivesScreen openObjective={item ?? null} />;
    case "reviews":
      return <ReviewsScreen openReview={item ?? null} />;
    case "suppliers":
      return <SuppliersScreen openSupplier={item ?? null} />;
    case "calendar":
      return <CalendarScreen />;
    case "collection":
      return <CollectionScreen openRun={item ?? null} />;
  }
}

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const route = useRoute();
  if (route.page !== "section") {
    return (
      <div className="app">
        <Header me={me} membership={null} onSignedOut={onSignedOut} />
        {route.page === "workspaces" ? (
          <WorkspacePicker me={me} />
        ) : (
          <main className="page narrow">
            <h1>No such page</h1>
            <p>
              Nothing lives at <code>{route.hash}</code>. <a href="#/">Your workspaces</a>
            </p>
          </main>
        )}
      </div>
    );
  }
  const membership = me.workspaces.find((w) => w.slug === route.workspace);
  if (!membership) {
    return (
      <div className="app">
        <Header me={me} membership={null} onSignedOut={onSignedOut} />
        <main className="page narrow">
          <h1>No workspace “{route.workspace}”</h1>
          <p>
            This account is no member of it. <a href="#/">Your workspaces</a>
          </p>
        </main>
      </div>
    );
  }
  const session = { me, membership, principal: principalOf(membership), workspace: membership.slug };
  return (
    <WorkspaceContext.Provider value={session}>
      <div className="app">
        <Header me={me} membership={membership} onSignedOut={onSignedOut} />
        <div className="workspace">
          <nav className="sidenav" aria-label="Sections">
            <ul>
              {navigation.map((n) => (
                <li key={n.section}>
                  <a href={hrefOf({ page: "section", workspace: membership.slug, section: n.section })} aria-current={route.section === n.section ? "page" : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {/* Keyed by workspace: switching workspaces starts each screen afresh. */}
          <SectionPage key={membership.slug} section={route.section} item={route.item} />
        </div>
      </div>
    </WorkspaceContext.Provider>
  );
}
