namespace Reseller.Partners.Users;

public static class PartnerRoles
{
    public const string Owner = "owner";
    public const string Billing = "billing";
    public const string Member = "member";
}
