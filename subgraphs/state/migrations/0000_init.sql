CREATE TYPE "public"."agreement_kind" AS ENUM('MEMORANDUM_OF_UNDERSTANDING', 'INFORMATION_SHARING_ARRANGEMENT', 'JOINT_STATEMENT', 'LETTER_OF_INTENT', 'TREATY');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('NEGOTIATING', 'IN_FORCE', 'EXPIRED', 'TERMINATED');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('GOVERNMENT_BODY', 'NATIONAL_CSIRT', 'REGULATOR', 'OPERATOR', 'MULTILATERAL_BODY');--> statement-breakpoint
CREATE TYPE "public"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "agreement_engagements" (
	"agreement_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	CONSTRAINT "agreement_engagements_agreement_id_engagement_id_pk" PRIMARY KEY("agreement_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "agreement_parties_agreement_id_organization_id_pk" PRIMARY KEY("agreement_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"status" "agreement_status" NOT NULL,
	"summary" text,
	"us_agencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"signed_on" date,
	"effective_from" date,
	"expires_on" date,
	"max_tlp" "tlp" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"alpha3" char(3) NOT NULL,
	"numeric" char(3) NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"region" text NOT NULL,
	"subregion" text
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" "organization_kind" NOT NULL,
	"country_code" char(2),
	"website" text,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_engagements" ADD CONSTRAINT "agreement_engagements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_engagements_engagement_idx" ON "agreement_engagements" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_organization_idx" ON "agreement_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "agreements_status_idx" ON "agreements" USING btree ("status","effective_from");--> statement-breakpoint
CREATE INDEX "agreements_kind_idx" ON "agreements" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "countries_region_idx" ON "countries" USING btree ("region");--> statement-breakpoint
CREATE INDEX "countries_name_idx" ON "countries" USING btree ("name");--> statement-breakpoint
CREATE INDEX "organizations_country_idx" ON "organizations" USING btree ("country_code","name");--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "organizations" USING btree ("kind","name");