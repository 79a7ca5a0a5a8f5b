namespace Reseller.Partners.Webhooks.Events;

/// <summary>The account resource's fields that account.plan_changed carries: the plan in force and the one waiting for the renewal.</summary>
public sealed record WebhookPlanChange(string Id, WebhookPlan Plan, WebhookPlan? ScheduledPlan, string? BillingProfileId);
