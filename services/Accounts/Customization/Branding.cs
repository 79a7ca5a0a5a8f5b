namespace Reseller.Accounts.Customization;

/// <summary>The partner's look on a resold account: app name, logo, colours (name → #rrggbb) and footer.</summary>
public sealed record Branding(string? AppName, string? LogoUrl, IReadOnlyDictionary<string, string>? Colors, string? Footer)
{
    public static readonly Branding None = new(null, null, null, null);
}
