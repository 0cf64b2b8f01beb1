CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"principal_sub" text,
	"principal_kind" text NOT NULL,
	"principal_agency" text,
	"principal_organization" text,
	"operation" text NOT NULL,
	"object_type" text NOT NULL,
	"object_ids" text[] NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_principal_idx" ON "audit_log" USING btree ("principal_sub","at" DESC NULLS FIRST);