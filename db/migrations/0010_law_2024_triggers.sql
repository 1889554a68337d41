-- The registry version moves with every write to a county change or a designation's specification: the tally,
-- the product answers and the static copy read them (db/registry-triggers.ts).
CREATE TRIGGER `county_changes_insert_moves_registry` AFTER INSERT ON `county_changes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `county_changes_update_moves_registry` AFTER UPDATE ON `county_changes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `county_changes_delete_moves_registry` AFTER DELETE ON `county_changes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_insert_moves_registry` AFTER INSERT ON `designation_specifications`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_update_moves_registry` AFTER UPDATE ON `designation_specifications`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_delete_moves_registry` AFTER DELETE ON `designation_specifications`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
