namespace Reseller.Accounts.Users;

public static class AccountRoles
{
    public const string AdminUsername = "admin";
    public const string Admin = "admin";
    public const string Customer = "customer";
}
