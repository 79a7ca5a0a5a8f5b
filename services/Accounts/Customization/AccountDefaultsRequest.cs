namespace Reseller.Accounts.Customization;

public sealed record AccountDefaultsRequest(BrandingRequest? Branding, IReadOnlyList<TemplateRequest>? Templates, bool? ApplyToExisting);
