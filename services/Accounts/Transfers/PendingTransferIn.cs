using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Transfers;

/// <summary>
/// A move-in the operator asked for, waiting for the stand-alone owner's confirmation through a single-use mailed link
/// (7 days). A newer request for the same account replaces it.
/// </summary>
public sealed class PendingTransferIn
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string OwnerEmail { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateTimeOffset? ReplacedAt { get; private set; }
    public uint Version { get; private set; }

    private PendingTransferIn()
    {
    }

    public static PendingTransferIn Create(Guid accountId, Guid partnerId, string ownerEmail, string token, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        PartnerId = partnerId,
        OwnerEmail = ownerEmail,
        TokenHash = RandomSecret.HashOf(token),
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsOpen(DateTimeOffset now) => ConfirmedAt is null && ReplacedAt is null && ExpiresAt > now;

    /// <summary>A newer request for the account kills this link.</summary>
    public void Replace(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            ReplacedAt = now;
        }
    }

    /// <summary>Spends the link; a concurrent confirmation of the same link loses on the row version.</summary>
    public void Confirm(DateTimeOffset now) =>
        ConfirmedAt = IsOpen(now) ? now : throw SpentLink.Problem();
}
