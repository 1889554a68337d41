-- Documents and photos of products (and of their designations): the metadata in `documents`, the bytes
-- (the original and, for pictures, a thumbnail) as BLOBs in `document_files`, so one backup of the
-- database holds every file. Both tables move the registry version: the public reads show them.
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`designation_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`on` text,
	`source` text,
	`visibility` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`designation_id`) REFERENCES `designations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_product_idx` ON `documents` (`product_id`,`id`);--> statement-breakpoint
CREATE INDEX `documents_designation_idx` ON `documents` (`designation_id`);--> statement-breakpoint
CREATE TABLE `document_files` (
	`document_id` integer NOT NULL,
	`variant` text NOT NULL,
	`mime` text NOT NULL,
	`content` blob NOT NULL,
	PRIMARY KEY(`document_id`, `variant`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TRIGGER `documents_insert_moves_registry` AFTER INSERT ON `documents`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `documents_update_moves_registry` AFTER UPDATE ON `documents`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `documents_delete_moves_registry` AFTER DELETE ON `documents`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `document_files_insert_moves_registry` AFTER INSERT ON `document_files`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `document_files_update_moves_registry` AFTER UPDATE ON `document_files`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `document_files_delete_moves_registry` AFTER DELETE ON `document_files`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
