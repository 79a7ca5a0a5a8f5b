namespace Reseller.Accounts.Transfers;

/// <summary>A partner Accounts has heard of through Partners' <c>PartnerCreated</c>: what a move-in may target (Partners is never called).</summary>
public sealed class KnownPartner
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private KnownPartner()
    {
    }

    public static KnownPartner Create(Guid id, string name, DateTimeOffset createdAt) => new() { Id = id, Name = name, CreatedAt = createdAt };
}
