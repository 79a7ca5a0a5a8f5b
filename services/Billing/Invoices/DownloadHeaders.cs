namespace Reseller.Billing.Invoices;

/// <summary>
/// A downloaded invoice is never sniffed as another type, and its HTML may load or run nothing (no script, style sheet,
/// image or frame), should a name or reason in it ever carry markup.
/// </summary>
public static class DownloadHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'";

    public static void Apply(HttpResponse response, string format)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        if (format == InvoiceFormats.Html)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }
}
