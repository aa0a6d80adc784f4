CREATE TABLE `sms_pending_reports` (
	`provider` text NOT NULL,
	`provider_message_id` text NOT NULL,
	`status` text NOT NULL,
	`error_code` text,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`provider`, `provider_message_id`, `status`)
);
--> statement-breakpoint
CREATE INDEX `sms_pending_reports_received_idx` ON `sms_pending_reports` (`received_at`);--> statement-breakpoint
CREATE TABLE `sms_sender_opt_outs` (
	`sender` text NOT NULL,
	`phone` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`sender`, `phone`)
);
--> statement-breakpoint
CREATE TABLE `sms_senders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`location_id` text,
	`provider` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_senders_address_unique` ON `sms_senders` (`provider`,`address`);--> statement-breakpoint
CREATE INDEX `sms_senders_account_idx` ON `sms_senders` (`account_id`);--> statement-breakpoint
CREATE TABLE `webhook_receipts` (
	`source` text NOT NULL,
	`event_key` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_receipts_unique` ON `webhook_receipts` (`source`,`event_key`);--> statement-breakpoint
CREATE INDEX `webhook_receipts_received_idx` ON `webhook_receipts` (`received_at`);--> statement-breakpoint
DROP INDEX `messages_provider_idx`;--> statement-breakpoint
ALTER TABLE `messages` ADD `unconfirmed_provider` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `unconfirmed_at` integer;--> statement-breakpoint
-- Copies stored twice by the old check-then-insert (concurrent redeliveries): keep the first.
DELETE FROM `messages` WHERE `provider_message_id` IS NOT NULL AND rowid NOT IN (SELECT MIN(rowid) FROM `messages` WHERE `provider_message_id` IS NOT NULL GROUP BY `provider`, `provider_message_id`);--> statement-breakpoint
-- Every opt-out so far came in through the platform's shared numbers: it applies to the number's
-- whole program now (carrier rules), not only to the account that last texted.
INSERT OR IGNORE INTO `sms_sender_opt_outs` (`sender`, `phone`, `source`, `created_at`) SELECT 'platform', `phone`, `source`, MIN(`created_at`) FROM `sms_opt_outs` GROUP BY `phone`;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_provider_unique` ON `messages` (`provider`,`provider_message_id`);