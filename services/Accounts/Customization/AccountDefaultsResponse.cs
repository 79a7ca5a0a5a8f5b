namespace Reseller.Accounts.Customization;

public sealed record AccountDefaultsResponse(Branding Branding, IReadOnlyList<Template> Templates, DateTimeOffset? UpdatedAt, int? AppliedToExisting = null);
