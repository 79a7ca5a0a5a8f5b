using Reseller.ServiceDefaults.Auth;

namespace Reseller.Partners.Users;

/// <summary>A single-use, expiring secret e-mailed to a partner user (invitation or password reset); only its hash is kept.</summary>
public sealed class UserToken
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Purpose { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    private UserToken()
    {
    }

    /// <summary>Creates the token row and returns the secret to e-mail (never stored).</summary>
    public static (UserToken Token, string Secret) Issue(Guid userId, string purpose, TimeSpan lifetime, DateTimeOffset now)
    {
        var secret = RandomSecret.New();
        return (new UserToken { Id = Guid.CreateVersion7(), UserId = userId, Purpose = purpose, Hash = RandomSecret.HashOf(secret), ExpiresAt = now + lifetime }, secret);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Use(DateTimeOffset now) => UsedAt = now;
}
