using System.Net;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Billing;

public sealed class PartnerCreditNotesTests(ResellerSystem system) : IDisposable
{
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task A_partner_lists_the_credit_notes_of_its_invoices_newest_first_and_no_other_partner_sees_them()
    {
        var (partner, accountId, invoice) = await BillingFlows.PaidInvoiceAsync(client);
        var invoiceId = invoice["id"]!.GetValue<string>();
        var issue = $"/api/v1/admin/billing/invoices/{invoiceId}/credit-notes";
        await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, issue, new { amount = 700, reason = "Goodwill for an outage" }, asOperator: true), HttpStatusCode.Created);
        var newest = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Post, issue, new { amount = 300, reason = "Seat billed twice" }, asOperator: true), HttpStatusCode.Created);

        var listed = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes", token: partner.Token), HttpStatusCode.OK);
        var notes = listed["data"]!.AsArray();
        Assert.Equal(["Seat billed twice", "Goodwill for an outage"], notes.Select(n => n!["reason"]!.GetValue<string>()).ToArray());
        Assert.Equal(newest["number"]!.GetValue<string>(), notes[0]!["number"]!.GetValue<string>());
        Assert.All(notes, n => Assert.Equal(invoiceId, n!["invoice_id"]!.GetValue<string>()));
        Assert.Null(listed["next_page_token"]?.GetValue<string>());

        // Keyset pages, and the account filter.
        var first = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes?page_size=1", token: partner.Token), HttpStatusCode.OK);
        Assert.Single(first["data"]!.AsArray());
        var token = first["next_page_token"]!.GetValue<string>();
        var second = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credit-notes?page_size=1&page_token={Uri.EscapeDataString(token)}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal("Goodwill for an outage", second["data"]!.AsArray().Single()!["reason"]!.GetValue<string>());
        var ofAccount = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credit-notes?account_id={accountId}", token: partner.Token), HttpStatusCode.OK);
        Assert.Equal(2, ofAccount["data"]!.AsArray().Count);
        var ofNoAccount = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, $"/api/v1/credit-notes?account_id=acc_{Guid.NewGuid():N}", token: partner.Token), HttpStatusCode.OK);
        Assert.Empty(ofNoAccount["data"]!.AsArray());

        var stranger = await client.CreatePartnerAsync();
        var theirs = await GatewayClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes", token: stranger.Token), HttpStatusCode.OK);
        Assert.Empty(theirs["data"]!.AsArray());
    }

    [Fact]
    public async Task Bad_credit_note_list_requests_are_refused_with_problem_details()
    {
        var partner = await client.CreatePartnerAsync();
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes?page_size=abc", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes?page_size=0", token: partner.Token), HttpStatusCode.BadRequest);
        await ProblemAssert.IsAsync(await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes?page_token=not-a-token", token: partner.Token), HttpStatusCode.BadRequest);
        using var anonymous = await client.SendAsync(HttpMethod.Get, "/api/v1/credit-notes");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public void Dispose() => client.Dispose();
}
