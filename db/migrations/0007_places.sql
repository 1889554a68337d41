CREATE TABLE `designation_scope_units` (
	`designation_id` integer NOT NULL,
	`code` text NOT NULL,
	`level` text NOT NULL,
	`whole` integer NOT NULL,
	PRIMARY KEY(`designation_id`, `code`),
	FOREIGN KEY (`designation_id`) REFERENCES `designation_scopes`(`designation_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `designation_scope_units_code_idx` ON `designation_scope_units` (`code`);--> statement-breakpoint
CREATE TABLE `designation_scopes` (
	`designation_id` integer PRIMARY KEY NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`source` text,
	`announced_on` text,
	`box` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`designation_id`) REFERENCES `designations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `locations` ADD `division_code` text;