namespace Reseller.Billing.Invoices;

/// <summary>
/// A downloaded invoice is never sniffed as another type, and its HTML may load or run nothing (no script, style sheet,
/// image or frame from anywhere), should a name or reason in it ever carry markup: only its own inline style and its
/// logo, inlined as a data URI, apply.
/// </summary>
public static class DownloadHeaders
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static void Apply(HttpResponse response, string format)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        if (format == InvoiceFormats.Html)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }
}
