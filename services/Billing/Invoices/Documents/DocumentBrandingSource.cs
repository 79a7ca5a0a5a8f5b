using Microsoft.Extensions.Options;

using Reseller.Billing.Invoices.Issuing;

namespace Reseller.Billing.Invoices.Documents;

/// <summary>The configured logo (read once; a missing or unreadable file prints no logo, with a warning) and footer.</summary>
public sealed class DocumentBrandingSource(IOptions<IssuerOptions> issuer, ILogger<DocumentBrandingSource> logger)
{
    private readonly Lazy<DocumentBranding> branding = new(() => Load(issuer.Value, logger));

    public DocumentBranding Current => branding.Value;

    private static DocumentBranding Load(IssuerOptions options, ILogger logger)
    {
        var mediaType = Path.GetExtension(options.LogoFile).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => "",
        };
        if (options.LogoFile.Length == 0)
        {
            return new DocumentBranding(null, "", options.Footer);
        }
        if (mediaType.Length == 0 || !File.Exists(options.LogoFile))
        {
            logger.LogWarning("Billing:Issuer:LogoFile {LogoFile} is not a PNG or JPEG file that exists; invoices print no logo", options.LogoFile);
            return new DocumentBranding(null, "", options.Footer);
        }
        return new DocumentBranding(File.ReadAllBytes(options.LogoFile), mediaType, options.Footer);
    }
}
