CREATE TABLE `readiness_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`producer_share` real DEFAULT 0.6 NOT NULL,
	`output_share` real DEFAULT 0.6 NOT NULL,
	`min_years` integer DEFAULT 3 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `return_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`authorized_user_id` integer NOT NULL,
	`year` integer NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`authorized_user_id`) REFERENCES `authorized_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_links_token_idx` ON `return_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `return_links_user_idx` ON `return_links` (`authorized_user_id`,`year`);--> statement-breakpoint
CREATE TABLE `usage_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authorized_user_id` integer NOT NULL,
	`year` integer NOT NULL,
	`marked_tonnes` real,
	`output_tonnes` real,
	`marks_printed` integer,
	`channels` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`via` text NOT NULL,
	`review_note` text DEFAULT '' NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`authorized_user_id`) REFERENCES `authorized_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_returns_user_year_idx` ON `usage_returns` (`authorized_user_id`,`year`);--> statement-breakpoint
CREATE TABLE `verify_misses` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`first_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `authorized_users` ADD `decision_reason` text;--> statement-breakpoint
ALTER TABLE `authorized_users` ADD `decision_number` text;--> statement-breakpoint
ALTER TABLE `authorized_users` ADD `decision_on` text;--> statement-breakpoint
ALTER TABLE `authorized_users` ADD `display_until` text;--> statement-breakpoint
ALTER TABLE `authorized_users` ADD `decision_withdrawn_on` text;--> statement-breakpoint
ALTER TABLE `product_figures` ADD `yield_kg_per_mu` real;--> statement-breakpoint
-- The national thresholds (CNIPA, 2025): 60 % of producers, 60 % of output, 3 years since registration.
INSERT INTO `readiness_settings` (`id`, `producer_share`, `output_share`, `min_years`) VALUES (1, 0.6, 0.6, 3);
