CREATE TABLE `registry_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `products_visibility_idx`;--> statement-breakpoint
CREATE INDEX `products_visible_name_idx` ON `products` (`visibility`,`archived_at`,`name_zh`);
--> statement-breakpoint
-- The registry version: one row, moved by every insert, update or delete on a table the public reads.
INSERT INTO `registry_meta` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `counties_insert_moves_registry` AFTER INSERT ON `counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counties_update_moves_registry` AFTER UPDATE ON `counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `counties_delete_moves_registry` AFTER DELETE ON `counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `products_insert_moves_registry` AFTER INSERT ON `products`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `products_update_moves_registry` AFTER UPDATE ON `products`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `products_delete_moves_registry` AFTER DELETE ON `products`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_insert_moves_registry` AFTER INSERT ON `product_counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_update_moves_registry` AFTER UPDATE ON `product_counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_delete_moves_registry` AFTER DELETE ON `product_counties`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `locations_insert_moves_registry` AFTER INSERT ON `locations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `locations_update_moves_registry` AFTER UPDATE ON `locations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `locations_delete_moves_registry` AFTER DELETE ON `locations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_insert_moves_registry` AFTER INSERT ON `protected_areas`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_update_moves_registry` AFTER UPDATE ON `protected_areas`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_delete_moves_registry` AFTER DELETE ON `protected_areas`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designations_insert_moves_registry` AFTER INSERT ON `designations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designations_update_moves_registry` AFTER UPDATE ON `designations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designations_delete_moves_registry` AFTER DELETE ON `designations`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `transitions_insert_moves_registry` AFTER INSERT ON `transitions`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `transitions_update_moves_registry` AFTER UPDATE ON `transitions`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `transitions_delete_moves_registry` AFTER DELETE ON `transitions`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `participants_insert_moves_registry` AFTER INSERT ON `participants`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `participants_update_moves_registry` AFTER UPDATE ON `participants`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `participants_delete_moves_registry` AFTER DELETE ON `participants`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `periods_insert_moves_registry` AFTER INSERT ON `periods`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `periods_update_moves_registry` AFTER UPDATE ON `periods`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `periods_delete_moves_registry` AFTER DELETE ON `periods`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `targets_insert_moves_registry` AFTER INSERT ON `targets`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `targets_update_moves_registry` AFTER UPDATE ON `targets`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `targets_delete_moves_registry` AFTER DELETE ON `targets`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
