// Builds the web app (src/web, React) into dist/web, which `isms serve` serves; `vite` alone serves it
// for development with /api passed to `isms serve` on port 8080.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.ISMS_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
    emptyOutDir: true,
    // Hashed file names: the server may cache assets; index.html names the current ones.
    assetsDir: "assets",
  },
  server: {
    proxy: {
      // The API refuses changes whose Origin is another site: present the API's own origin.
      "/api": { target: api, configure: (proxy) => proxy.on("proxyReq", (request) => request.setHeader("origin", api)) },
    },
  },
});
