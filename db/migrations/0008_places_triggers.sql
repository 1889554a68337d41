-- The registry version moves with every write to a designation's scope: the product answers, the place lookup
-- and the static copy read them (db/registry-triggers.ts).
CREATE TRIGGER `designation_scopes_insert_moves_registry` AFTER INSERT ON `designation_scopes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_scopes_update_moves_registry` AFTER UPDATE ON `designation_scopes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_scopes_delete_moves_registry` AFTER DELETE ON `designation_scopes`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_insert_moves_registry` AFTER INSERT ON `designation_scope_units`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_update_moves_registry` AFTER UPDATE ON `designation_scope_units`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_delete_moves_registry` AFTER DELETE ON `designation_scope_units`
BEGIN UPDATE `registry_meta` SET `version` = `version` + 1 WHERE `id` = 1; END;
