CREATE TABLE "risk_reassessments" (
	"assessed_at" timestamp with time zone PRIMARY KEY NOT NULL,
	"assessed" integer NOT NULL,
	"changed" integer NOT NULL
);
