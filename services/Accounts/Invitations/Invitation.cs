using Reseller.ServiceDefaults.Auth;

namespace Reseller.Accounts.Invitations;

/// <summary>A customer invited to log in to its account: <c>invited</c> until accepted (7 days), re-sent with a new link.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Domain { get; private set; }
    public string? Organization { get; private set; }
    public InvitationStatus Status { get; private set; }
    public string TokenHash { get; private set; } = "";

    /// <summary>The link a re-send replaced, remembered so that it answers "used or replaced" rather than "unknown".</summary>
    public string? ReplacedTokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? UserId { get; private set; }
    public uint Version { get; private set; }

    private Invitation()
    {
    }

    public static Invitation Create(Guid accountId, string name, string email, string? domain, string? organization, string token, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        Name = name,
        Email = email,
        Domain = domain,
        Organization = organization,
        Status = InvitationStatus.Invited,
        TokenHash = RandomSecret.HashOf(token),
        CreatedAt = now,
        SentAt = now,
        ExpiresAt = now + Lifetime,
    };

    /// <summary>A new link for 7 more days; the previous link stops working. An accepted invitation cannot be re-sent.</summary>
    public bool Resend(string token, DateTimeOffset now)
    {
        if (Status == InvitationStatus.Accepted)
        {
            return false;
        }
        Status = InvitationStatus.Invited;
        ReplacedTokenHash = TokenHash;
        TokenHash = RandomSecret.HashOf(token);
        SentAt = now;
        ExpiresAt = now + Lifetime;
        return true;
    }

    /// <summary>Only an invitation not yet accepted can be withdrawn; an accepted one is removed with its user.</summary>
    public bool IsRevocable => Status != InvitationStatus.Accepted;

    public bool IsOpen(DateTimeOffset now) => Status == InvitationStatus.Invited && ExpiresAt > now;

    /// <summary>Whether this link (by its hash) is the invitation's current one and can still be accepted.</summary>
    public bool IsOpenFor(string tokenHash, DateTimeOffset now) => tokenHash == TokenHash && IsOpen(now);

    public void Accept(Guid userId, DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            throw new InvalidOperationException("The invitation is not open.");
        }
        Status = InvitationStatus.Accepted;
        AcceptedAt = now;
        UserId = userId;
    }
}
