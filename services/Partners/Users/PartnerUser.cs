using Reseller.ServiceDefaults.Auth;

namespace Reseller.Partners.Users;

/// <summary>A person of the agency who logs in to the dashboard.</summary>
public sealed class PartnerUser
{
    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Email { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public string Role { get; private set; } = PartnerRoles.Owner;
    public string Status { get; private set; } = PartnerUserStatus.Active;
    public LoginLockout Lockout { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    private PartnerUser()
    {
    }

    public static PartnerUser Create(Guid partnerId, string email, string role, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PartnerId = partnerId,
        Email = email,
        Role = role,
        CreatedAt = now,
    };

    public static PartnerUser Invite(Guid partnerId, string email, string role, DateTimeOffset now)
    {
        var user = Create(partnerId, email, role, now);
        user.Status = PartnerUserStatus.Invited;
        return user;
    }

    public bool CanLogIn => Status == PartnerUserStatus.Active && PasswordHash.Length > 0;

    public void SetPasswordHash(string hash) => PasswordHash = hash;

    public void ChangeRole(string role) => Role = role;

    /// <summary>A new password (invitation accepted or reset confirmed) activates the user and lifts any lockout.</summary>
    public void ChoosePassword(string hash)
    {
        PasswordHash = hash;
        Status = PartnerUserStatus.Active;
        Lockout.RegisterSuccess();
    }
}
