namespace Reseller.Web.Api;

public sealed record AuditEntry(string Id, DateTimeOffset At, string Actor, string Action, string? Detail);
