CREATE TYPE "public"."engagement_kind" AS ENUM('DIALOGUE', 'FORUM', 'CAPACITY_BUILDING', 'EXERCISE', 'TECHNICAL_EXCHANGE', 'INCIDENT_COORDINATION');--> statement-breakpoint
CREATE TYPE "public"."engagement_status" AS ENUM('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "engagement_partners" (
	"engagement_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "engagement_partners_engagement_id_organization_id_pk" PRIMARY KEY("engagement_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_sectors" (
	"engagement_id" text NOT NULL,
	"sector_code" text NOT NULL,
	CONSTRAINT "engagement_sectors_engagement_id_sector_code_pk" PRIMARY KEY("engagement_id","sector_code")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" "engagement_kind" NOT NULL,
	"lead_agency" text NOT NULL,
	"participating_agencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"country_code" char(2),
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" "engagement_status" NOT NULL,
	"strategic_goal" smallint NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_period_chk" CHECK ("engagements"."ends_on" >= "engagements"."starts_on"),
	CONSTRAINT "engagements_strategic_goal_chk" CHECK ("engagements"."strategic_goal" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"risk_management_agencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "engagement_partners" ADD CONSTRAINT "engagement_partners_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sectors" ADD CONSTRAINT "engagement_sectors_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_sectors" ADD CONSTRAINT "engagement_sectors_sector_code_sectors_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_partners_organization_idx" ON "engagement_partners" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "engagement_sectors_sector_idx" ON "engagement_sectors" USING btree ("sector_code");--> statement-breakpoint
CREATE INDEX "engagements_order_idx" ON "engagements" USING btree ("starts_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "engagements_country_idx" ON "engagements" USING btree ("country_code","starts_on");--> statement-breakpoint
CREATE INDEX "engagements_lead_agency_idx" ON "engagements" USING btree ("lead_agency","starts_on");--> statement-breakpoint
CREATE INDEX "engagements_status_idx" ON "engagements" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "engagements_kind_idx" ON "engagements" USING btree ("kind","starts_on");--> statement-breakpoint
CREATE INDEX "engagements_participating_agencies_idx" ON "engagements" USING gin ("participating_agencies");--> statement-breakpoint
CREATE INDEX "engagements_period_idx" ON "engagements" USING gist (daterange("starts_on", "ends_on", '[]'));