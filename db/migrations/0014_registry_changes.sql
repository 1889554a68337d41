CREATE TABLE `registry_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer,
	`tally` integer NOT NULL
);
