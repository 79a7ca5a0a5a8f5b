namespace Reseller.Accounts.Customization;

public sealed record BrandingRequest(string? AppName, string? LogoUrl, IReadOnlyDictionary<string, string>? Colors, string? Footer);
