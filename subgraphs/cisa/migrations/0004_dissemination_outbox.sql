CREATE TABLE "dissemination_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"revision" integer NOT NULL,
	"recipient_id" text NOT NULL,
	"tlp" "tlp" NOT NULL,
	"channel" text DEFAULT 'PORTAL' NOT NULL,
	"recipient_individual" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "dissemination_outbox_product_revision_recipient_key" UNIQUE("product_id","revision","recipient_id")
);
--> statement-breakpoint
ALTER TABLE "dissemination_outbox" ADD CONSTRAINT "dissemination_outbox_product_id_threat_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."threat_products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dissemination_outbox_due_idx" ON "dissemination_outbox" USING btree ("dispatched_at","next_attempt_at");