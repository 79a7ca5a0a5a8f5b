using Reseller.ServiceDefaults.Ids;

namespace Reseller.Accounts.Users;

/// <summary>A login of the account as the partner sees it (never its password hash).</summary>
public sealed record AccountUserResponse(string Id, string Username, string Name, string Email, string Role, bool LockedOut, DateTimeOffset CreatedAt)
{
    public const string IdPrefix = "usr";

    public static AccountUserResponse From(AccountUser u, DateTimeOffset now) =>
        new(PublicId.Format(IdPrefix, u.Id), u.Username, u.Name, u.Email, u.Role, u.Lockout.RemainingLock(now) is not null, u.CreatedAt);
}
