// The web app's entry: the first-run setup and invitation pages (links printed by the server, their
// token after #), or the app behind sign-in.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { InvitationScreen, SetupScreen } from "./auth/SetupScreen.js";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/tables.css";
import "./styles/heatmap.css";

function Page() {
  if (window.location.pathname === "/setup") return <SetupScreen />;
  if (window.location.pathname === "/invitation") return <InvitationScreen />;
  return <App />;
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element to render into");
createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
