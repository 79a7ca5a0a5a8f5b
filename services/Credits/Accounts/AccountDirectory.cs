namespace Reseller.Credits.Accounts;

/// <summary>The public id prefix of resold accounts (acc_…); <see cref="AccountsLookup"/> finds them.</summary>
public static class AccountDirectory
{
    public const string IdPrefix = "acc";
}
