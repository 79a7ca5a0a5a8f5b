namespace Reseller.ServiceDefaults.Auth;

/// <summary>Bound from Reseller:Jwt (token lifetime) and Reseller:AdminKey (the operator's key).</summary>
public sealed class PlatformTokenOptions
{
    public const string Section = "Reseller";

    public string AdminKey { get; set; } = "";
    public JwtOptions Jwt { get; set; } = new();

    public sealed class JwtOptions
    {
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    }
}
