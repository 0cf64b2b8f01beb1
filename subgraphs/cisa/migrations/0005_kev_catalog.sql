CREATE TABLE "kev_catalogs" (
	"version" text PRIMARY KEY NOT NULL,
	"date_released" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"source" text NOT NULL,
	"first_imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vulnerability_assets" (
	"cve_id" text NOT NULL,
	"asset_id" text NOT NULL,
	CONSTRAINT "vulnerability_assets_cve_id_asset_id_pk" PRIMARY KEY("cve_id","asset_id")
);
--> statement-breakpoint
ALTER TABLE "vulnerability_assets" ADD CONSTRAINT "vulnerability_assets_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kev_catalogs_released_idx" ON "kev_catalogs" USING btree ("date_released" DESC NULLS FIRST,"last_imported_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "vulnerability_assets_asset_idx" ON "vulnerability_assets" USING btree ("asset_id","cve_id");