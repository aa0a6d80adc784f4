// Sign-in errors, the live password rules, and sign-up through the emailed confirmation link.
import { assert, assertNoExternal, emailLink, newPage, screenshots, waitFor, WAIT } from "./harness.mjs";

const PASSWORD = "Harbor-Lights-42";

export const authFlows = [
  [
    "sign-in shows a clear error for a wrong password and for empty fields",
    async (ctx) => {
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await newPage(context, ctx.base);
      await page.goto(`${ctx.base}/login`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: "Enter your email address and password." }).waitFor();
      await page.getByLabel("Email").fill("nobody@example.com");
      await page.getByLabel("Password").fill("Wrong-password-1");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").filter({ hasText: "The email or password is incorrect." }).waitFor();
      assert(page.url().endsWith("/login"), "still on /login");
      await screenshots(page, "login-error");
      assertNoExternal(page);
      await context.close();
    },
  ],
  [
    "sign-up shows the password rules live as the user types",
    async (ctx) => {
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await newPage(context, ctx.base);
      await page.goto(`${ctx.base}/signup`);
      const rule = (r) => page.locator(`[data-testid=password-rules] [data-rule=${r}]`);
      const password = page.getByLabel("Password", { exact: true });
      await password.fill("abc");
      for (const r of ["min_length", "uppercase", "number", "symbol"]) assert((await rule(r).getAttribute("data-ok")) === "false", `${r} not met for "abc"`);
      assert(await page.getByRole("button", { name: "Create account" }).isDisabled(), "submit disabled while rules fail");
      await password.fill("abcdefgH");
      await waitFor(async () => (await rule("uppercase").getAttribute("data-ok")) === "true", "uppercase met");
      assert((await rule("min_length").getAttribute("data-ok")) === "true", "length met");
      assert((await rule("number").getAttribute("data-ok")) === "false", "number still missing");
      await screenshots(page, "signup-rules");
      await password.fill(PASSWORD);
      for (const r of ["min_length", "uppercase", "number", "symbol"]) await waitFor(async () => (await rule(r).getAttribute("data-ok")) === "true", `${r} met`);
      assert(!(await page.getByRole("button", { name: "Create account" }).isDisabled()), "submit enabled");
      assertNoExternal(page);
      await context.close();
    },
  ],
  [
    "sign-up through the confirmation email lands signed in on the host screen",
    async (ctx) => {
      const email = `owner.${Date.now().toString(36)}@example.com`;
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await newPage(context, ctx.base);
      await page.goto(`${ctx.base}/signup`);
      await page.getByLabel("Restaurant name").fill("Harbor Kitchen");
      await page.getByLabel("Your name").fill("Ana Diaz");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.getByTestId("signup-sent").waitFor();
      await screenshots(page, "signup-check-email");
      const link = await emailLink(ctx.base, email, /confirm|finish|sign/i);
      await page.goto(`${ctx.base}${link}`);
      await page.waitForURL(`${ctx.base}/app`, { timeout: WAIT });
      await page.getByRole("heading", { name: "Waitlist" }).waitFor();
      await page.getByText("No one is waiting.").waitFor();
      Object.assign(ctx, { email, password: PASSWORD, hostContext: context, hostA: page });
      assertNoExternal(page);
    },
  ],
];
