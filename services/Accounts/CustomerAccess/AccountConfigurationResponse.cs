using Reseller.Accounts.Customization;

namespace Reseller.Accounts.CustomerAccess;

/// <summary>An account's product configuration: settings, branding and templates.</summary>
public sealed record AccountConfigurationResponse(string Language, string TimeZone, Branding Branding, IReadOnlyList<Template> Templates);
