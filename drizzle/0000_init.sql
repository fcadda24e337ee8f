CREATE TYPE "public"."member_role" AS ENUM('administrator', 'editor', 'control_owner', 'auditor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."context_issue_kind" AS ENUM('internal', 'external');--> statement-breakpoint
CREATE TYPE "public"."risk_treatment" AS ENUM('treat', 'tolerate', 'transfer', 'terminate');--> statement-breakpoint
CREATE TYPE "public"."control_applicability" AS ENUM('applicable', 'inherited', 'not_applicable');--> statement-breakpoint
CREATE TYPE "public"."finding_kind" AS ENUM('major_nonconformity', 'minor_nonconformity', 'observation', 'opportunity');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_members" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	CONSTRAINT "workspace_members_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "workspace_members_user_unique" UNIQUE("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"company_name" text NOT NULL,
	"template" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspaces_slug_unique" UNIQUE("slug"),
	CONSTRAINT "workspaces_slug_format" CHECK ("workspaces"."slug" ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"role" text,
	"start_date" date,
	"end_date" date,
	"isms_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "people_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"validity_months" integer,
	CONSTRAINT "training_courses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"course_id" text NOT NULL,
	"person_id" text NOT NULL,
	"completed_on" date NOT NULL,
	"expires_on" date,
	"evidence_ref" text,
	CONSTRAINT "training_records_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "context_issues" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" "context_issue_kind" NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "context_issues_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "exclusions" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"subject" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "exclusions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "interested_parties" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"addressed_by_isms" boolean DEFAULT false NOT NULL,
	CONSTRAINT "interested_parties_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "scope" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"statement" text NOT NULL,
	"boundaries" text DEFAULT '' NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "scope_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "scope_one_per_workspace" UNIQUE("workspace_id")
);
--> statement-breakpoint
CREATE TABLE "scope_interfaces" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"counterparty" text,
	"description" text,
	CONSTRAINT "scope_interfaces_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"owner" text,
	"classification" text,
	"in_scope" boolean DEFAULT true NOT NULL,
	"description" text,
	"location" text,
	"external_ref" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "assets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "assets_external_ref_unique" UNIQUE("workspace_id","external_ref")
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"service" text NOT NULL,
	"data_accessed" text,
	"criticality" text,
	"location" text,
	"owner" text,
	"contract_start" date,
	"contract_end" date,
	"dpa" boolean DEFAULT false NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_review" date,
	"next_review" date,
	CONSTRAINT "suppliers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"risk_id" text NOT NULL,
	"methodology_version" integer NOT NULL,
	"likelihood" integer NOT NULL,
	"impacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"impact" integer NOT NULL,
	"score" integer NOT NULL,
	"residual_likelihood" integer,
	"residual_impacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"residual_impact" integer,
	"residual_score" integer,
	"assessed_at" timestamp with time zone NOT NULL,
	"assessed_by" text,
	"reason" text NOT NULL,
	CONSTRAINT "risk_assessments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_methodologies" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"body" jsonb NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "risk_methodologies_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "risk_methodologies_version_unique" UNIQUE("workspace_id","version")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text,
	"asset_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"threat" text,
	"vulnerability" text,
	"owner" text,
	"confidentiality" boolean DEFAULT false NOT NULL,
	"integrity" boolean DEFAULT false NOT NULL,
	"availability" boolean DEFAULT false NOT NULL,
	"likelihood" integer,
	"impacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"impact" integer,
	"inherent_score" integer,
	"decision" "risk_treatment",
	"control_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"aws_services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"residual_likelihood" integer,
	"residual_impacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"residual_impact" integer,
	"residual_score" integer,
	"status" text NOT NULL,
	"plan_approved_by" text,
	"plan_approved_at" timestamp with time zone,
	"residual_accepted_by" text,
	"residual_accepted_at" timestamp with time zone,
	"last_assessed_at" timestamp with time zone,
	"next_review" date,
	CONSTRAINT "risks_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "treatment_actions" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"risk_id" text NOT NULL,
	"title" text NOT NULL,
	"control_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"owner" text,
	"due_date" date,
	"status" text NOT NULL,
	"evidence" text,
	"completed_on" date,
	CONSTRAINT "treatment_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "control_implementations" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"control_id" text NOT NULL,
	"applicability" "control_applicability" NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"justification" text DEFAULT '' NOT NULL,
	"implementation_status" text NOT NULL,
	"owner" text,
	"evidence_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "control_implementations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "control_implementations_control_unique" UNIQUE("workspace_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "evidence_records" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"source" jsonb NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"period_start" date,
	"period_end" date,
	"sha256" text NOT NULL,
	"path" text NOT NULL,
	CONSTRAINT "evidence_records_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "evidence_records_sha256_format" CHECK ("evidence_records"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"document_id" text NOT NULL,
	"version" text NOT NULL,
	"status" text NOT NULL,
	"change_summary" text,
	"sha256" text,
	"path" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	CONSTRAINT "document_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "document_versions_version_unique" UNIQUE("workspace_id","document_id","version")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"owner" text,
	"classification" text,
	"next_review" date,
	CONSTRAINT "documents_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"objective_id" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	CONSTRAINT "measurements_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"measure" text,
	"target" text,
	"owner" text,
	"due_date" date,
	"status" text NOT NULL,
	CONSTRAINT "objectives_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_findings" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"audit_id" text NOT NULL,
	"kind" "finding_kind" NOT NULL,
	"requirement" text,
	"description" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "audit_findings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "audits" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scope" text,
	"auditor" text,
	"planned_start" date,
	"planned_end" date,
	"status" text NOT NULL,
	"report_ref" text,
	CONSTRAINT "audits_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "corrective_actions" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"finding_id" text,
	"description" text NOT NULL,
	"root_cause" text,
	"owner" text,
	"due_date" date,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closure_evidence_refs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "corrective_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "management_reviews" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"held_on" date NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decisions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minutes_ref" text,
	CONSTRAINT "management_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"workspace_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner" text,
	"due" date NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"workspace_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"prev_hash" text,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_course_fk" FOREIGN KEY ("workspace_id","course_id") REFERENCES "public"."training_courses"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_person_fk" FOREIGN KEY ("workspace_id","person_id") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "context_issues" ADD CONSTRAINT "context_issues_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusions" ADD CONSTRAINT "exclusions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interested_parties" ADD CONSTRAINT "interested_parties_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope" ADD CONSTRAINT "scope_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope" ADD CONSTRAINT "scope_approved_by_fk" FOREIGN KEY ("workspace_id","approved_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_interfaces" ADD CONSTRAINT "scope_interfaces_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_risk_fk" FOREIGN KEY ("workspace_id","risk_id") REFERENCES "public"."risks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_methodology_fk" FOREIGN KEY ("workspace_id","methodology_version") REFERENCES "public"."risk_methodologies"("workspace_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_assessed_by_fk" FOREIGN KEY ("workspace_id","assessed_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methodologies" ADD CONSTRAINT "risk_methodologies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_methodologies" ADD CONSTRAINT "risk_methodologies_approved_by_fk" FOREIGN KEY ("workspace_id","approved_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_plan_approved_by_fk" FOREIGN KEY ("workspace_id","plan_approved_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_residual_accepted_by_fk" FOREIGN KEY ("workspace_id","residual_accepted_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_actions" ADD CONSTRAINT "treatment_actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_actions" ADD CONSTRAINT "treatment_actions_risk_fk" FOREIGN KEY ("workspace_id","risk_id") REFERENCES "public"."risks"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_actions" ADD CONSTRAINT "treatment_actions_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_implementations" ADD CONSTRAINT "control_implementations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_implementations" ADD CONSTRAINT "control_implementations_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_records" ADD CONSTRAINT "evidence_records_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_fk" FOREIGN KEY ("workspace_id","document_id") REFERENCES "public"."documents"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_approved_by_fk" FOREIGN KEY ("workspace_id","approved_by") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_objective_fk" FOREIGN KEY ("workspace_id","objective_id") REFERENCES "public"."objectives"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_audit_fk" FOREIGN KEY ("workspace_id","audit_id") REFERENCES "public"."audits"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audits" ADD CONSTRAINT "audits_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_finding_fk" FOREIGN KEY ("workspace_id","finding_id") REFERENCES "public"."audit_findings"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_fk" FOREIGN KEY ("workspace_id","owner") REFERENCES "public"."people"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_workspace_seq_idx" ON "audit_log" USING btree ("workspace_id","seq");