namespace Reseller.ServiceDefaults.Auth;

/// <summary>Bound from Reseller:Jwt (signing key shared by every service) and Reseller:AdminKey.</summary>
public sealed class PlatformTokenOptions
{
    public const string Section = "Reseller";

    public string AdminKey { get; set; } = "";
    public JwtOptions Jwt { get; set; } = new();

    public sealed class JwtOptions
    {
        public string SigningKey { get; set; } = "";
        public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
    }
}
