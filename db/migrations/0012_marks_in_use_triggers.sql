-- The registry version moves with every write to a usage return or the readiness thresholds: the public product
-- page shows returns' aggregates and the readiness figures (db/registry-triggers.ts).
CREATE TRIGGER `usage_returns_insert_moves_registry` AFTER INSERT ON `usage_returns`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `usage_returns_update_moves_registry` AFTER UPDATE ON `usage_returns`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `usage_returns_delete_moves_registry` AFTER DELETE ON `usage_returns`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_insert_moves_registry` AFTER INSERT ON `readiness_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_update_moves_registry` AFTER UPDATE ON `readiness_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_delete_moves_registry` AFTER DELETE ON `readiness_settings`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
