using Reseller.ServiceDefaults.Auth;

namespace Reseller.Accounts.Tokens;

/// <summary>A single-use secret link (password reset, log-in-as) that dies when used or when it expires.</summary>
public sealed class OneTimeToken
{
    public Guid Id { get; private set; }
    public string Purpose { get; private set; } = "";
    public Guid AccountId { get; private set; }
    public Guid UserId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public uint Version { get; private set; }

    private OneTimeToken()
    {
    }

    public static OneTimeToken Create(string purpose, Guid accountId, Guid userId, string token, string createdBy, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(),
        Purpose = purpose,
        AccountId = accountId,
        UserId = userId,
        TokenHash = RandomSecret.HashOf(token),
        CreatedBy = createdBy,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;

    /// <summary>Spends the token; a concurrent use of the same token loses on the row version.</summary>
    public void Use(DateTimeOffset now) => UsedAt = IsUsable(now) ? now : throw new InvalidOperationException("The token is spent or expired.");
}
