namespace Reseller.Web.Api;

/// <summary>An account's product configuration: settings, branding and the templates it holds.</summary>
public sealed record AccountConfiguration(string Language, string TimeZone, AccountBranding Branding, IReadOnlyList<AccountTemplate> Templates);
