using Reseller.Web.Api;

namespace Reseller.Web.Invoices;

public static class InvoiceDownloads
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["html"] = "text/html",
        ["csv"] = "text/csv",
    };

    /// <summary>
    /// An invoice or a credit note as a file: the browser asks the dashboard (its session cookie), which asks the API with the
    /// user's token and passes the answer on, the API's file name included.
    /// </summary>
    public static IEndpointRouteBuilder MapInvoiceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/{id}/download/{format}",
            (string id, string format, HttpContext context, GatewayApi api) => DownloadAsync("invoices", id, format, context, api)).RequireAuthorization();
        app.MapGet("/credit-notes/{id}/download/{format}",
            (string id, string format, HttpContext context, GatewayApi api) => DownloadAsync("credit-notes", id, format, context, api)).RequireAuthorization();
        return app;
    }

    private static async Task DownloadAsync(string collection, string id, string format, HttpContext context, GatewayApi api)
    {
        if (!MediaTypes.TryGetValue(format, out var mediaType) || id.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var response = await api.DownloadAsync($"/api/v1/{collection}/{id}", mediaType, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return;
        }
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? mediaType;
        context.Response.Headers.ContentDisposition = response.Content.Headers.ContentDisposition?.ToString()
            ?? $"attachment; filename=\"{id}.{format.ToLowerInvariant()}\"";
        context.Response.Headers.CacheControl = "no-store";
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
