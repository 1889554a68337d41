-- What each registry write touched (db/tables/access.ts registryChanges; read by server/snapshot/registry-changes.ts).
-- A product-scoped row names its product: both sides of a conversion for a designation or its moves, the old and the
-- new product when an update moves a row. A row whose product cannot be found any more, and every write to a table
-- any answer may show (counties, periods, targets, settings, templates), is recorded with no product: every kept
-- answer is then rebuilt. `tally` says whether the tally can have moved: the tally counts published products only
-- (their designations, moves, dossiers, users, counties, households and names), so a draft's parts leave it alone; a new
-- product has nothing counted yet; a product's update moves it only through its names, visibility or archiving.
CREATE TRIGGER `products_insert_marks_change` AFTER INSERT ON `products`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT NEW.`id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `products_update_marks_change` AFTER UPDATE ON `products`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, (OLD.`name_zh` IS NOT NEW.`name_zh` OR OLD.`name_en` IS NOT NEW.`name_en` OR OLD.`visibility` IS NOT NEW.`visibility` OR OLD.`archived_at` IS NOT NEW.`archived_at`) FROM (SELECT OLD.`id` AS p UNION SELECT NEW.`id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `products_delete_marks_change` AFTER DELETE ON `products`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 1 FROM (SELECT OLD.`id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_insert_marks_change` AFTER INSERT ON `product_counties`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_update_marks_change` AFTER UPDATE ON `product_counties`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_counties_delete_marks_change` AFTER DELETE ON `product_counties`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_insert_marks_change` AFTER INSERT ON `participants`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_update_marks_change` AFTER UPDATE ON `participants`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_delete_marks_change` AFTER DELETE ON `participants`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_figures_insert_marks_change` AFTER INSERT ON `product_figures`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_figures_update_marks_change` AFTER UPDATE ON `product_figures`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `product_figures_delete_marks_change` AFTER DELETE ON `product_figures`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designations_insert_marks_change` AFTER INSERT ON `designations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT NEW.`product_id` AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`converted_from_id`) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = NEW.`id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `designations_update_marks_change` AFTER UPDATE ON `designations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`converted_from_id`) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = OLD.`id` UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`converted_from_id`) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = NEW.`id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `designations_delete_marks_change` AFTER DELETE ON `designations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT OLD.`product_id` AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`converted_from_id`) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = OLD.`id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_insert_marks_change` AFTER INSERT ON `transitions`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = (SELECT `converted_from_id` FROM `designations` WHERE `id` = NEW.`designation_id`)) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = NEW.`designation_id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_update_marks_change` AFTER UPDATE ON `transitions`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = (SELECT `converted_from_id` FROM `designations` WHERE `id` = OLD.`designation_id`)) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = OLD.`designation_id` UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = (SELECT `converted_from_id` FROM `designations` WHERE `id` = NEW.`designation_id`)) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = NEW.`designation_id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `transitions_delete_marks_change` AFTER DELETE ON `transitions`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = (SELECT `converted_from_id` FROM `designations` WHERE `id` = OLD.`designation_id`)) AS p UNION SELECT `product_id` AS p FROM `designations` WHERE `converted_from_id` = OLD.`designation_id`) WHERE p IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `authorized_users_insert_marks_change` AFTER INSERT ON `authorized_users`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `authorized_users_update_marks_change` AFTER UPDATE ON `authorized_users`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `authorized_users_delete_marks_change` AFTER DELETE ON `authorized_users`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `locations_insert_marks_change` AFTER INSERT ON `locations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `locations_update_marks_change` AFTER UPDATE ON `locations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `locations_delete_marks_change` AFTER DELETE ON `locations`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_insert_marks_change` AFTER INSERT ON `protected_areas`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_update_marks_change` AFTER UPDATE ON `protected_areas`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `protected_areas_delete_marks_change` AFTER DELETE ON `protected_areas`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_insert_marks_change` AFTER INSERT ON `documents`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_update_marks_change` AFTER UPDATE ON `documents`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p UNION SELECT NEW.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_delete_marks_change` AFTER DELETE ON `documents`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT OLD.`product_id` AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `document_files_insert_marks_change` AFTER INSERT ON `document_files`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `documents` WHERE `id` = NEW.`document_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `document_files_update_marks_change` AFTER UPDATE ON `document_files`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `documents` WHERE `id` = OLD.`document_id`) AS p UNION SELECT (SELECT `product_id` FROM `documents` WHERE `id` = NEW.`document_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `document_files_delete_marks_change` AFTER DELETE ON `document_files`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `documents` WHERE `id` = OLD.`document_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_insert_marks_change` AFTER INSERT ON `designation_scope_units`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_update_marks_change` AFTER UPDATE ON `designation_scope_units`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scope_units_delete_marks_change` AFTER DELETE ON `designation_scope_units`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scopes_insert_marks_change` AFTER INSERT ON `designation_scopes`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scopes_update_marks_change` AFTER UPDATE ON `designation_scopes`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_scopes_delete_marks_change` AFTER DELETE ON `designation_scopes`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_insert_marks_change` AFTER INSERT ON `designation_specifications`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_update_marks_change` AFTER UPDATE ON `designation_specifications`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `designation_specifications_delete_marks_change` AFTER DELETE ON `designation_specifications`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_insert_marks_change` AFTER INSERT ON `dossiers`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_update_marks_change` AFTER UPDATE ON `dossiers`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossiers_delete_marks_change` AFTER DELETE ON `dossiers`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_insert_marks_change` AFTER INSERT ON `dossier_items`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_update_marks_change` AFTER UPDATE ON `dossier_items`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p UNION SELECT (SELECT `product_id` FROM `designations` WHERE `id` = NEW.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_items_delete_marks_change` AFTER DELETE ON `dossier_items`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, EXISTS (SELECT 1 FROM `products` WHERE `id` = p AND `visibility` = 'public' AND `archived_at` IS NULL) FROM (SELECT (SELECT `product_id` FROM `designations` WHERE `id` = OLD.`designation_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `usage_returns_insert_marks_change` AFTER INSERT ON `usage_returns`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT d.`product_id` FROM `authorized_users` u JOIN `designations` d ON d.`id` = u.`designation_id` WHERE u.`id` = NEW.`authorized_user_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `usage_returns_update_marks_change` AFTER UPDATE ON `usage_returns`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT d.`product_id` FROM `authorized_users` u JOIN `designations` d ON d.`id` = u.`designation_id` WHERE u.`id` = OLD.`authorized_user_id`) AS p UNION SELECT (SELECT d.`product_id` FROM `authorized_users` u JOIN `designations` d ON d.`id` = u.`designation_id` WHERE u.`id` = NEW.`authorized_user_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `usage_returns_delete_marks_change` AFTER DELETE ON `usage_returns`
BEGIN
  INSERT INTO `registry_changes` (`product_id`, `tally`) SELECT p, 0 FROM (SELECT (SELECT d.`product_id` FROM `authorized_users` u JOIN `designations` d ON d.`id` = u.`designation_id` WHERE u.`id` = OLD.`authorized_user_id`) AS p);
END;
--> statement-breakpoint
CREATE TRIGGER `counties_insert_marks_change` AFTER INSERT ON `counties`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `counties_update_marks_change` AFTER UPDATE ON `counties`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `counties_delete_marks_change` AFTER DELETE ON `counties`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `county_changes_insert_marks_change` AFTER INSERT ON `county_changes`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `county_changes_update_marks_change` AFTER UPDATE ON `county_changes`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `county_changes_delete_marks_change` AFTER DELETE ON `county_changes`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `periods_insert_marks_change` AFTER INSERT ON `periods`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `periods_update_marks_change` AFTER UPDATE ON `periods`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `periods_delete_marks_change` AFTER DELETE ON `periods`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `targets_insert_marks_change` AFTER INSERT ON `targets`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `targets_update_marks_change` AFTER UPDATE ON `targets`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `targets_delete_marks_change` AFTER DELETE ON `targets`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_insert_marks_change` AFTER INSERT ON `readiness_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_update_marks_change` AFTER UPDATE ON `readiness_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `readiness_settings_delete_marks_change` AFTER DELETE ON `readiness_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_insert_marks_change` AFTER INSERT ON `report_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_update_marks_change` AFTER UPDATE ON `report_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `report_settings_delete_marks_change` AFTER DELETE ON `report_settings`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_insert_marks_change` AFTER INSERT ON `dossier_templates`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_update_marks_change` AFTER UPDATE ON `dossier_templates`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
--> statement-breakpoint
CREATE TRIGGER `dossier_templates_delete_marks_change` AFTER DELETE ON `dossier_templates`
BEGIN INSERT INTO `registry_changes` (`product_id`, `tally`) VALUES (NULL, 1); END;
