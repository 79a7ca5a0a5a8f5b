namespace Reseller.Web.Api;

/// <summary>The defaults as saved; applied_to_existing counts the accounts a save re-branded.</summary>
public sealed record AccountDefaults(Branding Branding, IReadOnlyList<MessageTemplate> Templates, DateTimeOffset? UpdatedAt, int? AppliedToExisting);
