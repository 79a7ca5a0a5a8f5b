using Microsoft.Net.Http.Headers;

namespace Reseller.Billing.Invoices;

/// <summary>Content negotiation for an invoice: JSON by default, HTML, CSV and PDF downloads by Accept.</summary>
public static class InvoiceFormats
{
    public const string Json = "application/json";
    public const string Html = "text/html";
    public const string Csv = "text/csv";
    public const string Pdf = "application/pdf";
    public const string Offered = "application/json, text/html, text/csv or application/pdf";

    /// <summary>The best offered format for the Accept header (highest quality first, then order given); null when none fits.</summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Json;
        }
        if (!MediaTypeHeaderValue.TryParseList([accept], out var ranges))
        {
            return null;
        }
        foreach (var range in ranges.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Quality ?? 1).ThenBy(x => x.i).Select(x => x.r))
        {
            if (range.Quality is 0)
            {
                continue;
            }
            var chosen = range.MediaType.Value?.ToLowerInvariant() switch
            {
                "*/*" or "application/*" or Json or "application/problem+json" => Json,
                Html or "text/*" => Html,
                Csv => Csv,
                Pdf => Pdf,
                _ => null,
            };
            if (chosen is not null)
            {
                return chosen;
            }
        }
        return null;
    }
}
