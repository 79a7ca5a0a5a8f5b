namespace Reseller.Web.Api;

/// <summary>The partner's look on its accounts: app name, logo, colours (name → #rrggbb) and footer.</summary>
public sealed record Branding(string? AppName, string? LogoUrl, IReadOnlyDictionary<string, string>? Colors, string? Footer);
