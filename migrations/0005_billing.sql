CREATE TABLE `billing_subscriptions` (
	`account_id` text PRIMARY KEY NOT NULL,
	`plan_code` text NOT NULL,
	`recurly_account_code` text NOT NULL,
	`recurly_subscription_id` text,
	`status` text NOT NULL,
	`current_period_ends_at` integer,
	`past_due_since` integer,
	`cancel_at_period_end` integer DEFAULT false NOT NULL,
	`recurly_updated_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `billing_subscriptions_recurly_account_unique` ON `billing_subscriptions` (`recurly_account_code`);--> statement-breakpoint
CREATE INDEX `billing_subscriptions_sub_idx` ON `billing_subscriptions` (`recurly_subscription_id`);--> statement-breakpoint
CREATE TABLE `sms_usage` (
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`month` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`overage_count` integer DEFAULT 0 NOT NULL,
	`overage_reported` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`location_id`, `month`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_usage_account_idx` ON `sms_usage` (`account_id`,`month`);--> statement-breakpoint
CREATE TABLE `sms_usage_events` (
	`message_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`location_id` text NOT NULL,
	`month` text NOT NULL,
	`overage` integer DEFAULT false NOT NULL,
	`overage_reported_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_usage_events_location_month_idx` ON `sms_usage_events` (`location_id`,`month`);--> statement-breakpoint
CREATE INDEX `sms_usage_events_account_idx` ON `sms_usage_events` (`account_id`);