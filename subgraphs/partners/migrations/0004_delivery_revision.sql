ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_product_recipient_key";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_product_recipient_revision_key" UNIQUE("product_id","recipient_id","revision");