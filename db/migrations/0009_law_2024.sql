CREATE TABLE `county_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`on` text NOT NULL,
	`from_code` text NOT NULL,
	`to_code` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`sources` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`from_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_code`) REFERENCES `counties`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `county_changes_from_to_idx` ON `county_changes` (`from_code`,`to_code`);--> statement-breakpoint
CREATE TABLE `designation_specifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`designation_id` integer NOT NULL,
	`number` text,
	`title` text NOT NULL,
	`version` text,
	`issued_on` text,
	`url` text,
	`document_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`designation_id`) REFERENCES `designations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `designation_specifications_designation_idx` ON `designation_specifications` (`designation_id`,`issued_on`);--> statement-breakpoint
ALTER TABLE `designations` ADD `converted_from_id` integer REFERENCES designations(id);--> statement-breakpoint
ALTER TABLE `designations` ADD `managing_body` text;--> statement-breakpoint
ALTER TABLE `designations` ADD `managing_contact` text;--> statement-breakpoint
ALTER TABLE `designations` ADD `testing_body` text;--> statement-breakpoint
CREATE UNIQUE INDEX `designations_converted_from_idx` ON `designations` (`converted_from_id`);--> statement-breakpoint
ALTER TABLE `periods` ADD `name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The one period seeded before periods had English names.
UPDATE `periods` SET `name_en` = '14th Five-Year Plan' WHERE `name` = '十四五' AND `name_en` = '';
