CREATE TABLE "idempotency_keys" (
	"principal_sub" text NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_principal_sub_operation_key_pk" PRIMARY KEY("principal_sub","operation","key")
);
