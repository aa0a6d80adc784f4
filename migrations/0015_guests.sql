CREATE TABLE `guests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`phone` text NOT NULL,
	`tags` text NOT NULL,
	`notes` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guests_account_phone_unique` ON `guests` (`account_id`,`phone`);--> statement-breakpoint
CREATE INDEX `guests_account_updated_idx` ON `guests` (`account_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `parties_account_phone_idx` ON `parties` (`account_id`,`phone`);--> statement-breakpoint
CREATE INDEX `reservations_account_phone_idx` ON `reservations` (`account_id`,`phone`);