// Cron expressions; they must match [triggers] crons in wrangler.toml.
export const HOURLY = "0 * * * *";
export const DAILY = "30 3 * * *";
