namespace Reseller.Credits.FollowedAccounts;

/// <summary>The public id prefix of resold accounts (acc_…); <see cref="AccountsLookup"/> finds them.</summary>
public static class AccountDirectory
{
    public const string IdPrefix = "acc";
}
