using System.Net;
using System.Text.RegularExpressions;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed partial class CreditNoteTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    private static string Path(string invoiceId) => $"/api/v1/admin/billing/invoices/{invoiceId}/credit-notes";

    [Fact]
    public async Task Credit_notes_are_numbered_in_their_own_series_never_exceed_the_total_and_show_on_the_unchanged_invoice()
    {
        var (partner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var invoiceId = invoice["id"]!.GetValue<string>();

        var first = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 1000, reason = "Goodwill for an outage" }, asOperator: true), HttpStatusCode.Created);
        var second = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 3410, reason = "Billed twice by mistake" }, asOperator: true), HttpStatusCode.Created);
        var tooMuch = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 1, reason = "One cent more" }, asOperator: true), HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("/credit-exceeds-invoice", tooMuch["type"]!.GetValue<string>(), StringComparison.Ordinal);
        var numbers = new[] { first, second }.Select(n => CreditNoteNumber().Match(n["number"]!.GetValue<string>())).ToList();
        Assert.All(numbers, m => Assert.True(m.Success));
        // Later in the series, not necessarily next: classes running beside this one issue credit notes of their own in between.
        // That the series has no gap is InvoiceNumbering's rule (one counter row per series and year, taken in the note's transaction).
        Assert.True(SequenceOf(numbers[1]) > SequenceOf(numbers[0]), $"{second["number"]} does not follow {first["number"]}");
        Assert.Equal(1000, first["amount"]!["amount"]!.GetValue<long>());
        Assert.Equal(invoiceId, first["invoice_id"]!.GetValue<string>());

        var detail = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/invoices/{invoiceId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(invoice["number"]!.GetValue<string>(), detail["number"]!.GetValue<string>());
        Assert.Equal(4410, detail["total"]!["amount"]!.GetValue<long>());
        Assert.Equal("paid", detail["status"]!.GetValue<string>());
        Assert.Equal(4410, detail["credited"]!["amount"]!.GetValue<long>());
        Assert.Equal(["Goodwill for an outage", "Billed twice by mistake"], detail["credit_notes"]!.AsArray().Select(n => n!["reason"]!.GetValue<string>()).ToArray());

        // The operator reads the same invoice, whichever partner's it is, before crediting it: nothing is left.
        var toCredit = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/billing/invoices/{invoiceId}", asOperator: true), HttpStatusCode.OK);
        Assert.Equal((4410L, 4410L, 2), (toCredit["total"]!["amount"]!.GetValue<long>(), toCredit["credited"]!["amount"]!.GetValue<long>(), toCredit["credit_notes"]!.AsArray().Count));
        using var asPartner = await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/billing/invoices/{invoiceId}", token: partner.Token);
        Assert.True(asPartner.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"A partner read an invoice as the operator: {(int)asPartner.StatusCode}");
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/admin/billing/invoices/inv_{Guid.NewGuid():N}", asOperator: true), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/admin/billing/invoices/not-an-id", asOperator: true), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_credit_note_with_the_same_idempotency_key_is_issued_once()
    {
        var (_, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var invoiceId = invoice["id"]!.GetValue<string>();
        var key = Guid.NewGuid().ToString();

        var once = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 500, reason = "Retry" }, asOperator: true, idempotencyKey: key), HttpStatusCode.Created);
        var again = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 500, reason = "Retry" }, asOperator: true, idempotencyKey: key), HttpStatusCode.Created);

        Assert.Equal(once["id"]!.GetValue<string>(), again["id"]!.GetValue<string>());
        var list = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, Path(invoiceId), asOperator: true), HttpStatusCode.OK);
        Assert.Single(list["data"]!.AsArray());
    }

    [Fact]
    public async Task Bad_credit_notes_are_refused_with_problem_details()
    {
        var (partner, _, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var invoiceId = invoice["id"]!.GetValue<string>();

        var invalid = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 0, reason = " " }, asOperator: true), HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["amount"]);
        Assert.NotNull(invalid["errors"]!["reason"]);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), "{\"amount\": \"ten\", \"reason\": \"x\"}", asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), "{\"amount\": 10.5, \"reason\": \"x\"}", asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 10, reason = new string('x', 501) }, asOperator: true), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path("inv_" + Guid.NewGuid().ToString("N")), new { amount = 10, reason = "x" }, asOperator: true), HttpStatusCode.NotFound);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path("not-an-id"), new { amount = 10, reason = "x" }, asOperator: true), HttpStatusCode.NotFound);
        var asPartner = await client.SendAsync(HttpMethod.Post, Path(invoiceId), new { amount = 10, reason = "x" }, partner.Token);
        Assert.True(asPartner.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"A partner issued a credit note: {(int)asPartner.StatusCode}");
    }

    [Fact]
    public async Task An_unpaid_invoice_cannot_be_credited()
    {
        var partner = await client.CreatePartnerAsync();
        var card = await client.CreateBillingProfileAsync(partner, GatewayClient.DeclinedCard);
        var account = await client.CreateSettledAccountAsync(partner, card);
        var invoice = await BillingFlows.FirstInvoiceAsync(client, partner, account["id"]!.GetValue<string>());
        Assert.Equal("open", invoice["status"]!.GetValue<string>());

        var problem = await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Post, Path(invoice["id"]!.GetValue<string>()), new { amount = 10, reason = "x" }, asOperator: true), HttpStatusCode.Conflict);
        Assert.EndsWith("/credit-note-requires-paid-invoice", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static long SequenceOf(Match number) => long.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^RSL-CN-\d{4}-(\d{6})$")]
    private static partial Regex CreditNoteNumber();

    public void Dispose() => client.Dispose();
}
