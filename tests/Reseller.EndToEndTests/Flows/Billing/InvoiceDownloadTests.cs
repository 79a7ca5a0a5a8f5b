using System.Net;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Flows.Credits;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

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
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:", html.Headers.GetValues("Content-Security-Policy").Single());
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
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal); // the font travels with it

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

    /// <summary>
    /// Partners tells Billing by event: the next invoices (credit purchases here, issued at once) name the partner by its
    /// legal details once Billing has them, in its language; so do its credit notes, downloaded the same way.
    /// </summary>
    [Fact]
    public async Task A_partners_legal_details_reach_its_next_invoice_and_credit_note_in_its_language()
    {
        var partner = await client.CreatePartnerAsync();
        var profile = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me",
            new { legal_name = "Agence Étoile SARL", address = "3 place Bellecour\n69002 Lyon", vat_id = "fr 98765432109", invoice_language = "fr" }, partner.Token), HttpStatusCode.OK);
        Assert.Equal(("Agence Étoile SARL", "FR98765432109"), (profile["legal_name"]!.GetValue<string>(), profile["vat_id"]!.GetValue<string>()));
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Patch, "/api/v1/partners/me", new { invoice_language = "xx" }, partner.Token), HttpStatusCode.BadRequest);
        await client.CreateBillingProfileAsync(partner, GatewayClient.GoodCard);

        var deadline = DateTime.UtcNow + BillingFlows.Settle;
        JsonNode invoice;
        do
        {
            var purchase = await client.PurchaseAsync(partner, "prepaid", 5000);
            invoice = await GatewayClient.JsonAsync(
                await BillingFlows.GetAsync(client, $"/api/v1/invoices/{purchase["invoice_id"]!.GetValue<string>()}", partner.Token), HttpStatusCode.OK);
        }
        while (invoice["bill_to"]?["name"]?.GetValue<string>() != "Agence Étoile SARL" && DateTime.UtcNow < deadline);
        Assert.Equal(("Agence Étoile SARL", "FR", "fr"), (invoice["bill_to"]!["name"]!.GetValue<string>(), invoice["bill_to"]!["country"]!.GetValue<string>(), invoice["language"]!.GetValue<string>()));
        var path = $"/api/v1/invoices/{invoice["id"]!.GetValue<string>()}";
        var number = invoice["number"]!.GetValue<string>();

        using var html = await BillingFlows.GetAsync(client, path, partner.Token, "text/html");
        var page = WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>Facture {number}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("N° TVA FR98765432109", page, StringComparison.Ordinal);
        Assert.Contains("Payé par carte (Visa se terminant par 4242)", page, StringComparison.Ordinal);
        using var csv = await BillingFlows.GetAsync(client, path, partner.Token, "text/csv");
        Assert.Contains($"{number},", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var note = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, $"{path.Replace("/api/v1/", "/api/v1/admin/billing/", StringComparison.Ordinal)}/credit-notes",
            new { amount = 1000, reason = "Geste commercial" }, asOperator: true), HttpStatusCode.Created);
        var notePath = $"/api/v1/credit-notes/{note["id"]!.GetValue<string>()}";
        using var notePage = await BillingFlows.GetAsync(client, notePath, partner.Token, "text/html");
        var noteHtml = WebUtility.HtmlDecode(await notePage.Content.ReadAsStringAsync());
        Assert.Contains($"Avoir sur la facture {number}", noteHtml, StringComparison.Ordinal);
        Assert.Contains("Agence Étoile SARL", noteHtml, StringComparison.Ordinal);
        using var notePdf = await BillingFlows.GetAsync(client, notePath, partner.Token, "application/pdf");
        Assert.Equal("application/pdf", notePdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await notePdf.Content.ReadAsByteArrayAsync())[..5]));
        Assert.Equal(note["number"]!.GetValue<string>(), (await GatewayClient.JsonAsync(await BillingFlows.GetAsync(client, notePath, partner.Token), HttpStatusCode.OK))["number"]!.GetValue<string>());
        var stranger = await client.CreatePartnerAsync();
        await ProblemAssert.IsAsync(await BillingFlows.GetAsync(client, notePath, stranger.Token, "application/pdf"), HttpStatusCode.NotFound);
    }

    public void Dispose() => client.Dispose();
}
