using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

[Collection(SystemUnderTest.Name)]
public sealed class InvoiceDownloadTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task An_invoice_downloads_as_html_csv_and_pdf_and_refuses_other_types()
    {
        var (partner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var path = $"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}";
        var number = invoice["number"]!.GetValue<string>();

        using var html = await BillingFlows.GetAsync(client, path, partner.Token, "text/html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", html.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single());
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>Invoice {number}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("44.10 USD", page, StringComparison.Ordinal);

        using var csv = await BillingFlows.GetAsync(client, path, partner.Token, "text/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("invoice,issued_at,status,code,description", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith($"{number},", StringComparison.Ordinal) && r.EndsWith(",4900,490,4410,USD", StringComparison.Ordinal));

        using var pdf = await BillingFlows.GetAsync(client, path, partner.Token, "application/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-1.4", System.Text.Encoding.ASCII.GetString(bytes, 0, 8));
        Assert.Contains($"(Invoice {number}) Tj", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        using var json = await BillingFlows.GetAsync(client, path, partner.Token, "application/json");
        Assert.Equal(number, (await GatewayClient.JsonAsync(json, HttpStatusCode.OK))["number"]!.GetValue<string>());

        var refused = await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, path, partner.Token, "image/png"), HttpStatusCode.NotAcceptable);
        Assert.EndsWith("/not-acceptable", refused["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partner_gets_404_problem_details_for_an_invoice_in_any_format()
    {
        var (_, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var stranger = await client.CreatePartnerAsync();
        var path = $"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}";

        foreach (var accept in new[] { "application/json", "text/html", "text/csv", "application/pdf" })
        {
            await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, path, stranger.Token, accept), HttpStatusCode.NotFound);
        }
        await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, "/api/v1/invoices/inv_nope", stranger.Token, "text/csv"), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
