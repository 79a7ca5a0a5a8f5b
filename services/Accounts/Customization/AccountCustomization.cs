namespace Reseller.Accounts.Customization;

/// <summary>An account's branding and templates (its product-side configuration besides language and time zone).</summary>
public sealed class AccountCustomization
{
    public Guid AccountId { get; private set; }
    public string BrandingJson { get; private set; } = "{}";
    public string TemplatesJson { get; private set; } = "[]";
    public DateTimeOffset UpdatedAt { get; private set; }

    private AccountCustomization()
    {
    }

    public static AccountCustomization Create(Guid accountId, Branding branding, IReadOnlyList<Template> templates, DateTimeOffset now) => new()
    {
        AccountId = accountId,
        BrandingJson = CustomizationJson.Write(branding),
        TemplatesJson = CustomizationJson.Write(templates),
        UpdatedAt = now,
    };

    public Branding Branding => CustomizationJson.Read<Branding>(BrandingJson);

    public IReadOnlyList<Template> Templates => CustomizationJson.Read<List<Template>>(TemplatesJson);
}
