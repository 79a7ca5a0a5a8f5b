using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Users;

/// <summary>A login of one resold account: its <c>admin</c>, or a customer who accepted an invitation (username = e-mail).</summary>
public sealed class AccountUser
{
    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Username { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Role { get; private set; } = AccountRoles.Customer;
    public string PasswordHash { get; private set; } = "";
    public LoginLockout Lockout { get; private set; } = new();
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    private AccountUser()
    {
    }

    public static AccountUser Admin(Guid accountId, string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        Username = AccountRoles.AdminUsername,
        Name = "Administrator",
        Email = email,
        Role = AccountRoles.Admin,
        CreatedAt = now,
    };

    public static AccountUser Customer(Guid accountId, string name, string email, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        Username = email,
        Name = name,
        Email = email,
        Role = AccountRoles.Customer,
        CreatedAt = now,
    };

    /// <summary>
    /// The account changed hands: the admin login now belongs to the new owner (its reset mails go to the owner's address)
    /// and its password is one nobody knows until the owner chooses its own.
    /// </summary>
    public void HandOver(string ownerEmail, string unknownPasswordHash)
    {
        Email = FieldRules.NormalizeEmail(ownerEmail);
        SetPasswordHash(unknownPasswordHash);
    }

    /// <summary>A new password also lifts a lockout: whoever set it proved who they are another way.</summary>
    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        Lockout.RegisterSuccess();
    }
}
