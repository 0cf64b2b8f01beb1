-- A product's objects enter the STIX collection at its updated_at, in milliseconds (what a TAXII
-- date_added says): truncated as the collection's cursor did, so served positions stay put.
CREATE TABLE "threat_product_stix_objects" (
	"product_id" text NOT NULL,
	"stix_id" text NOT NULL,
	CONSTRAINT "threat_product_stix_objects_product_id_stix_id_pk" PRIMARY KEY("product_id","stix_id")
);
--> statement-breakpoint
ALTER TABLE "threat_products" ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone USING date_trunc('milliseconds', "updated_at");--> statement-breakpoint
ALTER TABLE "threat_products" ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "threat_product_stix_objects" ADD CONSTRAINT "threat_product_stix_objects_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "threat_product_stix_objects_key_idx" ON "threat_product_stix_objects" USING btree ("stix_id","product_id");--> statement-breakpoint
CREATE INDEX "threat_products_added_idx" ON "threat_products" USING btree ("updated_at","id");--> statement-breakpoint
-- The type change drops the column's statistics; without them the planner guesses how many products
-- precede a date and takes the slow side of the collection's probes. The index table is filled at
-- the subgraph's next start (seed: indexUnindexedProducts).
ANALYZE "threat_products";
