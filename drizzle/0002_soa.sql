CREATE TABLE "own_controls" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"related_control_id" text,
	CONSTRAINT "own_controls_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "soa_versions" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"note" text,
	"entries" jsonb NOT NULL,
	CONSTRAINT "soa_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "soa_versions_version_unique" UNIQUE("workspace_id","version")
);
--> statement-breakpoint
ALTER TABLE "control_implementations" ADD COLUMN "status_override_reason" text;--> statement-breakpoint
ALTER TABLE "control_implementations" ADD COLUMN "implementation_description" text;--> statement-breakpoint
ALTER TABLE "control_implementations" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "evidence_records" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "evidence_records" ADD COLUMN "control_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "own_controls" ADD CONSTRAINT "own_controls_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "soa_versions" ADD CONSTRAINT "soa_versions_approved_by_fk" FOREIGN KEY ("workspace_id","approved_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;