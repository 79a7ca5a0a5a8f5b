using Reseller.Accounts.Customization;

namespace Reseller.Accounts.Snapshots;

/// <summary>A timestamped copy of an account's configuration, from which new accounts can be created.</summary>
public sealed class AccountSnapshot
{
    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string? Label { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string ContentJson { get; private set; } = "{}";

    private AccountSnapshot()
    {
    }

    public static AccountSnapshot Create(Guid accountId, Guid partnerId, string? label, SnapshotContent content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        PartnerId = partnerId,
        Label = label,
        CreatedAt = now,
        ContentJson = CustomizationJson.Write(content),
    };

    public SnapshotContent Content => CustomizationJson.Read<SnapshotContent>(ContentJson);
}
