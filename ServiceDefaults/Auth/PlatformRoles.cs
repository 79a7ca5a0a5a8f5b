namespace Reseller.ServiceDefaults.Auth;

/// <summary>Roles of partner users (and of API keys, which act as owner). Members see no billing and manage no keys.</summary>
public static class PlatformRoles
{
    public const string Owner = "owner";
    public const string Billing = "billing";
    public const string Member = "member";
}
