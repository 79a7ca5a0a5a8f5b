namespace Reseller.Accounts.Audit;

/// <summary>One line of an account's audit trail: who did what, when. Never changed once written.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Detail { get; private set; }

    private AuditEntry()
    {
    }

    public static AuditEntry Create(Guid accountId, string actor, string action, string? detail, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        At = now,
        Actor = actor,
        Action = action,
        Detail = detail,
    };
}
