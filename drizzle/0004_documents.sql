CREATE TABLE "document_acknowledgements" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"document_id" text NOT NULL,
	"version" text NOT NULL,
	"person_id" text NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_acknowledgements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "document_acknowledgements_unique" UNIQUE("workspace_id","document_id","version","person_id")
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "body" text;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "author" text;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "data_stamp" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "approver" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "template" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "generator" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "clauses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "controls" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "requires_acknowledgement" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "review_interval_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_version_fk" FOREIGN KEY ("workspace_id","document_id","version") REFERENCES "public"."document_versions"("workspace_id","document_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_author_fk" FOREIGN KEY ("workspace_id","author") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_approver_fk" FOREIGN KEY ("workspace_id","approver") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;