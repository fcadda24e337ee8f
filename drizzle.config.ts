// drizzle-kit configuration: `npx drizzle-kit generate` writes SQL migrations for the store's schema to drizzle/.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/store/schema/index.ts",
  out: "./drizzle",
});
