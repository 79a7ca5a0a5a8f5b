namespace Reseller.Accounts.Audit;

public sealed record AuditEntryResponse(string Id, DateTimeOffset At, string Actor, string Action, string? Detail)
{
    public const string IdPrefix = "aud";

    public static AuditEntryResponse From(AuditEntry e) =>
        new(ServiceDefaults.Ids.PublicId.Format(IdPrefix, e.Id), e.At, e.Actor, e.Action, e.Detail);
}
