CREATE TYPE "public"."assessment_method" AS ENUM('SELF_ASSESSMENT', 'PEER_REVIEW', 'CISA_ASSESSMENT', 'THIRD_PARTY_AUDIT');--> statement-breakpoint
CREATE TYPE "public"."delivery_channel" AS ENUM('EMAIL', 'PORTAL', 'TAXII', 'BRIEFING');--> statement-breakpoint
CREATE TYPE "public"."sighting_kind" AS ENUM('INDICATOR_SEEN', 'ACTION_TAKEN', 'FALSE_POSITIVE', 'FEEDBACK');--> statement-breakpoint
CREATE TYPE "public"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"channel" "delivery_channel" NOT NULL,
	"tlp" "tlp" NOT NULL,
	"recipient_individual" text,
	"delivered_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_product_recipient_key" UNIQUE("product_id","recipient_id")
);
--> statement-breakpoint
CREATE TABLE "maturity_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"level" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"method" "assessment_method" NOT NULL,
	"framework" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maturity_assessments_level_range" CHECK ("maturity_assessments"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "sightings" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"kind" "sighting_kind" NOT NULL,
	"indicator_value" text,
	"observed_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sightings_count_positive" CHECK ("sightings"."count" >= 1)
);
--> statement-breakpoint
CREATE INDEX "deliveries_recipient_idx" ON "deliveries" USING btree ("recipient_id","delivered_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "deliveries_product_idx" ON "deliveries" USING btree ("product_id","delivered_at");--> statement-breakpoint
CREATE INDEX "deliveries_delivered_at_idx" ON "deliveries" USING btree ("delivered_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "maturity_assessments_organization_idx" ON "maturity_assessments" USING btree ("organization_id","assessed_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "maturity_assessments_assessed_on_idx" ON "maturity_assessments" USING btree ("assessed_on" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "sightings_product_idx" ON "sightings" USING btree ("product_id","reported_at");--> statement-breakpoint
CREATE INDEX "sightings_organization_idx" ON "sightings" USING btree ("organization_id","reported_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "sightings_reported_at_idx" ON "sightings" USING btree ("reported_at" DESC NULLS FIRST,"id");