CREATE TABLE "check_results" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"run_id" text NOT NULL,
	"n" integer NOT NULL,
	"check_id" text NOT NULL,
	"account" text NOT NULL,
	"region" text NOT NULL,
	"resource" text NOT NULL,
	"status" text NOT NULL,
	"detail" text NOT NULL,
	"severity" text NOT NULL,
	"control_ids" jsonb NOT NULL,
	"evidence_id" text,
	CONSTRAINT "check_results_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "collection_runs" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"caller" text NOT NULL,
	"collector_version" text NOT NULL,
	"options" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "collection_runs_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_results" ADD CONSTRAINT "check_results_run_fk" FOREIGN KEY ("workspace_id","run_id") REFERENCES "public"."collection_runs"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_runs" ADD CONSTRAINT "collection_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_results_run_idx" ON "check_results" USING btree ("workspace_id","run_id");