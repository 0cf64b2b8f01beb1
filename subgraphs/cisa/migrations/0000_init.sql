CREATE TYPE "public"."asset_kind" AS ENUM('CABLE_LANDING', 'PORT', 'POWER_INTERCONNECT', 'PIPELINE', 'SEMICONDUCTOR_FAB', 'DATA_CENTER', 'GROUND_STATION', 'INTERNET_EXCHANGE', 'LNG_TERMINAL', 'POWER_PLANT', 'SUBSTATION');--> statement-breakpoint
CREATE TYPE "public"."coupling" AS ENUM('TIGHT', 'LOOSE');--> statement-breakpoint
CREATE TYPE "public"."dependency_kind" AS ENUM('PHYSICAL', 'CYBER', 'GEOGRAPHIC', 'LOGICAL');--> statement-breakpoint
CREATE TYPE "public"."dependency_status" AS ENUM('ACTIVE', 'RETIRED');--> statement-breakpoint
CREATE TYPE "public"."ncf_area" AS ENUM('CONNECT', 'DISTRIBUTE', 'MANAGE', 'SUPPLY');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('ADVISORY', 'ALERT', 'ICS_ADVISORY', 'ANALYSIS_REPORT', 'INDICATOR_BUNDLE', 'RISK_REDUCTION_GUIDANCE');--> statement-breakpoint
CREATE TYPE "public"."product_status" AS ENUM('DRAFT', 'PUBLISHED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."substitutability" AS ENUM('NONE', 'LOW', 'MEDIUM', 'HIGH');--> statement-breakpoint
CREATE TYPE "public"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "asset_sectors" (
	"asset_id" text NOT NULL,
	"sector_code" text NOT NULL,
	CONSTRAINT "asset_sectors_asset_id_sector_code_pk" PRIMARY KEY("asset_id","sector_code")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "asset_kind" NOT NULL,
	"country_code" char(2) NOT NULL,
	"operator_id" text,
	"description" text,
	"latitude" double precision,
	"longitude" double precision,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dependencies" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"function_code" text,
	"sector_code" text NOT NULL,
	"country_code" char(2) NOT NULL,
	"kind" "dependency_kind" NOT NULL,
	"coupling" "coupling" NOT NULL,
	"criticality" smallint NOT NULL,
	"substitutability" "substitutability" NOT NULL,
	"risk_score" real NOT NULL,
	"priority" "priority" NOT NULL,
	"status" "dependency_status" DEFAULT 'ACTIVE' NOT NULL,
	"rationale" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dependencies_criticality_range" CHECK ("dependencies"."criticality" between 1 and 5),
	CONSTRAINT "dependencies_risk_range" CHECK ("dependencies"."risk_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "national_critical_functions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"area" "ncf_area" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threat_product_countries" (
	"product_id" text NOT NULL,
	"country_code" text NOT NULL,
	CONSTRAINT "threat_product_countries_product_id_country_code_pk" PRIMARY KEY("product_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "threat_product_engagements" (
	"product_id" text NOT NULL,
	"engagement_id" text NOT NULL,
	CONSTRAINT "threat_product_engagements_product_id_engagement_id_pk" PRIMARY KEY("product_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "threat_product_revisions" (
	"product_id" text NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"change_note" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threat_product_revisions_product_id_revision_pk" PRIMARY KEY("product_id","revision")
);
--> statement-breakpoint
CREATE TABLE "threat_product_sectors" (
	"product_id" text NOT NULL,
	"sector_code" text NOT NULL,
	CONSTRAINT "threat_product_sectors_product_id_sector_code_pk" PRIMARY KEY("product_id","sector_code")
);
--> statement-breakpoint
CREATE TABLE "threat_product_vulnerabilities" (
	"product_id" text NOT NULL,
	"cve_id" text NOT NULL,
	CONSTRAINT "threat_product_vulnerabilities_product_id_cve_id_pk" PRIMARY KEY("product_id","cve_id")
);
--> statement-breakpoint
CREATE TABLE "threat_products" (
	"id" text PRIMARY KEY NOT NULL,
	"tracking_id" text NOT NULL,
	"kind" "product_kind" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"tlp" "tlp" NOT NULL,
	"status" "product_status" NOT NULL,
	"author_agency" text DEFAULT 'CISA' NOT NULL,
	"authors" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_agencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_organizations" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_individuals" text[] DEFAULT '{}'::text[] NOT NULL,
	"recommended_actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threat_products_tracking_id_unique" UNIQUE("tracking_id")
);
--> statement-breakpoint
CREATE TABLE "vulnerabilities" (
	"cve_id" text PRIMARY KEY NOT NULL,
	"vendor_project" text NOT NULL,
	"product" text NOT NULL,
	"name" text NOT NULL,
	"date_added" date NOT NULL,
	"short_description" text NOT NULL,
	"required_action" text NOT NULL,
	"due_date" date NOT NULL,
	"known_ransomware_campaign_use" boolean NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"cwes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "asset_sectors" ADD CONSTRAINT "asset_sectors_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_function_code_national_critical_functions_code_fk" FOREIGN KEY ("function_code") REFERENCES "public"."national_critical_functions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_product_countries" ADD CONSTRAINT "threat_product_countries_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_product_engagements" ADD CONSTRAINT "threat_product_engagements_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_product_revisions" ADD CONSTRAINT "threat_product_revisions_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_product_sectors" ADD CONSTRAINT "threat_product_sectors_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threat_product_vulnerabilities" ADD CONSTRAINT "threat_product_vulnerabilities_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_sectors_sector_idx" ON "asset_sectors" USING btree ("sector_code");--> statement-breakpoint
CREATE INDEX "assets_country_idx" ON "assets" USING btree ("country_code","name");--> statement-breakpoint
CREATE INDEX "assets_operator_idx" ON "assets" USING btree ("operator_id");--> statement-breakpoint
CREATE INDEX "assets_kind_idx" ON "assets" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "dependencies_country_risk_idx" ON "dependencies" USING btree ("country_code","risk_score" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "dependencies_sector_risk_idx" ON "dependencies" USING btree ("sector_code","risk_score" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "dependencies_function_idx" ON "dependencies" USING btree ("function_code","risk_score" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "dependencies_asset_idx" ON "dependencies" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "dependencies_risk_idx" ON "dependencies" USING btree ("risk_score" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "dependencies_criticality_idx" ON "dependencies" USING btree ("criticality" DESC NULLS FIRST,"risk_score" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threat_product_countries_key_idx" ON "threat_product_countries" USING btree ("country_code","product_id");--> statement-breakpoint
CREATE INDEX "threat_product_engagements_key_idx" ON "threat_product_engagements" USING btree ("engagement_id","product_id");--> statement-breakpoint
CREATE INDEX "threat_product_sectors_key_idx" ON "threat_product_sectors" USING btree ("sector_code","product_id");--> statement-breakpoint
CREATE INDEX "threat_product_vulnerabilities_key_idx" ON "threat_product_vulnerabilities" USING btree ("cve_id","product_id");--> statement-breakpoint
CREATE INDEX "threat_products_status_published_idx" ON "threat_products" USING btree ("status","published_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "threat_products_tlp_idx" ON "threat_products" USING btree ("tlp","published_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threat_products_kind_idx" ON "threat_products" USING btree ("kind","published_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "threat_products_audience_orgs_idx" ON "threat_products" USING gin ("audience_organizations");--> statement-breakpoint
CREATE INDEX "vulnerabilities_date_added_idx" ON "vulnerabilities" USING btree ("date_added" DESC NULLS FIRST,"cve_id");--> statement-breakpoint
CREATE INDEX "vulnerabilities_vendor_idx" ON "vulnerabilities" USING btree ("vendor_project","product");