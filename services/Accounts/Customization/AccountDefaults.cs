namespace Reseller.Accounts.Customization;

/// <summary>A partner's default account settings: branding for every account, templates for new accounts only.</summary>
public sealed class AccountDefaults
{
    public Guid PartnerId { get; private set; }
    public string BrandingJson { get; private set; } = "{}";
    public string TemplatesJson { get; private set; } = "[]";
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    private AccountDefaults()
    {
    }

    public static AccountDefaults Create(Guid partnerId) => new() { PartnerId = partnerId };

    public Branding Branding => CustomizationJson.Read<Branding>(BrandingJson);

    public IReadOnlyList<Template> Templates => CustomizationJson.Read<List<Template>>(TemplatesJson);

    public void Replace(Branding branding, IReadOnlyList<Template> templates, DateTimeOffset now)
    {
        BrandingJson = CustomizationJson.Write(branding);
        TemplatesJson = CustomizationJson.Write(templates);
        UpdatedAt = now;
    }
}
