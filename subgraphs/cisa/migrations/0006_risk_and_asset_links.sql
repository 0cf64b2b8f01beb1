CREATE TABLE "asset_links" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"depends_on_asset_id" text NOT NULL,
	"kind" "dependency_kind" NOT NULL,
	"coupling" "coupling" NOT NULL,
	"status" "dependency_status" DEFAULT 'ACTIVE' NOT NULL,
	"rationale" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_links_pair_key" UNIQUE("asset_id","depends_on_asset_id"),
	CONSTRAINT "asset_links_not_self" CHECK ("asset_links"."asset_id" <> "asset_links"."depends_on_asset_id")
);
--> statement-breakpoint
CREATE TABLE "dependency_risk_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dependency_id" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"risk_score" real NOT NULL,
	"priority" "priority" NOT NULL,
	"risk_factors" jsonb NOT NULL,
	"cause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_maturity" (
	"organization_id" text PRIMARY KEY NOT NULL,
	"level" smallint,
	"assessed_on" date,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dependencies" ADD COLUMN "risk_factors" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dependencies" ADD COLUMN "risk_assessed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "asset_links" ADD CONSTRAINT "asset_links_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_links" ADD CONSTRAINT "asset_links_depends_on_asset_id_assets_id_fk" FOREIGN KEY ("depends_on_asset_id") REFERENCES "public"."assets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependency_risk_history" ADD CONSTRAINT "dependency_risk_history_dependency_id_dependencies_id_fk" FOREIGN KEY ("dependency_id") REFERENCES "public"."dependencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_links_supplier_idx" ON "asset_links" USING btree ("depends_on_asset_id","coupling","asset_id");--> statement-breakpoint
CREATE INDEX "asset_links_dependent_idx" ON "asset_links" USING btree ("asset_id","depends_on_asset_id");--> statement-breakpoint
CREATE INDEX "dependency_risk_history_dependency_idx" ON "dependency_risk_history" USING btree ("dependency_id","assessed_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "dependency_risk_history_assessed_idx" ON "dependency_risk_history" USING btree ("assessed_at" DESC NULLS FIRST);