import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a maintainer approves a breaking change on the changelog and revokes it; a team waives a rule on its page", async ({ page }) => {
  await signIn(page, "Ada Admin", "admin@e2e.test");
  // The link `wayfinder check` prints for a break nothing covers: the form starts with the change.
  const link = new URLSearchParams({
    approveRule: "endpoint-removed",
    approveTarget: "DELETE /orders/{orderId}",
    approvePointer: "/paths/~1orders~1{orderId}/delete",
  });
  await page.goto(`/services/orders-api/changes?${link.toString()}#approvals`);
  const section = page.getByRole("region", { name: "Approved breaking changes" });
  await expect(section).toContainText("No breaking change of this service has been approved.");
  const form = section.getByRole("form", { name: "Approve a breaking change" });
  await expect(form.getByLabel("Rule")).toHaveValue("endpoint-removed");
  await expect(form.getByLabel("Operation or component")).toHaveValue("DELETE /orders/{orderId}");
  await expect(form.getByLabel("Pointer")).toHaveValue("/paths/~1orders~1{orderId}/delete");
  await form.getByLabel("Reason").fill("Cancelling moves to POST /orders/{orderId}/cancel");
  await form.getByRole("button", { name: "Approve" }).click();
  const approvals = section.getByRole("list", { name: "Approvals" });
  await expect(approvals).toContainText("endpoint-removed at DELETE /orders/{orderId}");
  await expect(approvals).toContainText("Cancelling moves to POST /orders/{orderId}/cancel");
  await approvals.getByRole("button", { name: "Revoke" }).click();
  await expect(approvals).toContainText("(revoked)");
  await expect(approvals.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  await page.goto("/teams/payments");
  const waivers = page.getByRole("region", { name: "Waived rules" });
  const waive = waivers.getByRole("form", { name: "Waive a rule" });
  await waive.getByLabel("Rule").fill("request-parameter-removed");
  await waive.getByLabel("Paths").fill("/legacy/**");
  await waive.getByLabel("Until").fill("2030-01-31");
  await waive.getByLabel("Reason").fill("The legacy API is being retired");
  await waive.getByRole("button", { name: "Waive" }).click();
  await expect(waivers.getByRole("list", { name: "Waivers" })).toContainText("request-parameter-removed for /legacy/** until 2030-01-31");
  await waivers.getByRole("button", { name: "End now" }).click();
  await expect(waivers).toContainText("No rule is waived for this team's services.");
});
