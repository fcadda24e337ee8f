CREATE TABLE "audit_checklist_items" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"audit_id" text NOT NULL,
	"requirement" text NOT NULL,
	"sampled" text,
	"observed" text,
	"result" text DEFAULT 'not_checked' NOT NULL,
	"evidence_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "audit_checklist_items_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "certification_cycles" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"certification_body" text NOT NULL,
	"stage1_date" date,
	"stage2_date" date,
	"certificate_number" text,
	"certificate_issued" date,
	"certificate_expires" date,
	"sampling_seed" text,
	CONSTRAINT "certification_cycles_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveillance_samples" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"cycle_id" text NOT NULL,
	"year" integer NOT NULL,
	"control_id" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "surveillance_samples_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "measurements" ADD COLUMN "run_id" text;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "frequency" text;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "check_id" text;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "target_value" double precision;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "unit" text;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD COLUMN "evidence_refs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD COLUMN "raised_on" date;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD COLUMN "due_date" date;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "criteria" text;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "auditor_person" text;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "clauses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "controls" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "actual_start" date;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "actual_end" date;--> statement-breakpoint
ALTER TABLE "audits" ADD COLUMN "cycle_id" text;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "correction" text;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "effectiveness_reviewed_on" date;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "effectiveness_reviewed_by" text;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "effective" boolean;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD COLUMN "effectiveness_note" text;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "status" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD COLUMN "actions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "recurrence_months" integer;--> statement-breakpoint
ALTER TABLE "audit_checklist_items" ADD CONSTRAINT "audit_checklist_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checklist_items" ADD CONSTRAINT "audit_checklist_items_audit_fk" FOREIGN KEY ("workspace_id","audit_id") REFERENCES "public"."audits"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_cycles" ADD CONSTRAINT "certification_cycles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveillance_samples" ADD CONSTRAINT "surveillance_samples_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveillance_samples" ADD CONSTRAINT "surveillance_samples_cycle_fk" FOREIGN KEY ("workspace_id","cycle_id") REFERENCES "public"."certification_cycles"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_auditor_person_fk" FOREIGN KEY ("workspace_id","auditor_person") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_effectiveness_by_fk" FOREIGN KEY ("workspace_id","effectiveness_reviewed_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;