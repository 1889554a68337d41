-- Using the marks: the authorised users of each designation's official mark, and who issues the annual report.
CREATE TABLE `authorized_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`designation_id` integer NOT NULL REFERENCES `designations`(`id`),
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`credit_code` text,
	`basis` text NOT NULL,
	`reference` text,
	`from` text NOT NULL,
	`until` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `authorized_users_designation_idx` ON `authorized_users` (`designation_id`);
--> statement-breakpoint
CREATE INDEX `authorized_users_credit_code_idx` ON `authorized_users` (`credit_code`);
--> statement-breakpoint
CREATE TABLE `report_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`issuer_zh` text NOT NULL,
	`issuer_en` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `report_settings` (`id`, `issuer_zh`, `issuer_en`) VALUES (1, '晋城市市场监督管理局（知识产权局）', 'Jincheng Administration for Market Regulation (Intellectual Property Office)');
--> statement-breakpoint
CREATE TRIGGER `authorized_users_insert_moves_registry` AFTER INSERT ON `authorized_users`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `authorized_users_update_moves_registry` AFTER UPDATE ON `authorized_users`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `authorized_users_delete_moves_registry` AFTER DELETE ON `authorized_users`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_insert_moves_registry` AFTER INSERT ON `report_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_update_moves_registry` AFTER UPDATE ON `report_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_delete_moves_registry` AFTER DELETE ON `report_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
