CREATE TABLE "audit_samples" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"audit" text NOT NULL,
	"seed" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"drawn_by" text NOT NULL,
	"sizes" jsonb NOT NULL,
	CONSTRAINT "audit_samples_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "evidence_requests" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"sample_id" text,
	"topic" text NOT NULL,
	"question" text NOT NULL,
	"item" text NOT NULL,
	"control_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"evidence_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"requested_on" date NOT NULL,
	"provided_on" date,
	"provided_by" text,
	CONSTRAINT "evidence_requests_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_samples" ADD CONSTRAINT "audit_samples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_requests" ADD CONSTRAINT "evidence_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_requests" ADD CONSTRAINT "evidence_requests_sample_fk" FOREIGN KEY ("workspace_id","sample_id") REFERENCES "public"."audit_samples"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_requests" ADD CONSTRAINT "evidence_requests_provided_by_fk" FOREIGN KEY ("workspace_id","provided_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;