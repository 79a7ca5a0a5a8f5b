using System.Text.Json.Nodes;

using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.Contracts.Partners;
using Reseller.Partners.Webhooks.Events;
using Reseller.Partners.Webhooks.Sending;

namespace Reseller.UnitTests.Partners.Webhooks;

/// <summary>
/// Every event type of the issue, produced from its integration event, with exactly the documented shape: the whole body
/// (envelope, data.object, data.previous_attributes) compared to the README's field lists, names, order and formats.
/// </summary>
public sealed class WebhookEventShapeTests
{
    private static readonly Guid Partner = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Account = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid Invoice = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid Profile = Guid.Parse("0190a1b2-0000-7000-8000-000000000004");
    private static readonly Guid Other = Guid.Parse("0190a1b2-0000-7000-8000-000000000005");
    private static readonly Guid EventId = Guid.Parse("0190a1b2-0000-7000-8000-0000000000ee");
    private static readonly DateTimeOffset At = new(2026, 12, 2, 4, 5, 6, TimeSpan.Zero);
    private static readonly AccountPlan Plus = new("marketing", "plus", 1000, null, [new AddOnQuantity("sms", 2)], "monthly");
    private static readonly AccountPlan Pro = new("marketing", "pro", 5000, null, [], "monthly");

    private const string Acc = "acc_0190a1b2000070008000000000000002";
    private const string Inv = "inv_0190a1b2000070008000000000000003";
    private const string PlusJson = """{"product":"marketing","tier":"plus","contacts":1000,"seats":null,"add_ons":[{"code":"sms","quantity":2}],"cadence":"monthly"}""";
    private const string ProJson = """{"product":"marketing","tier":"pro","contacts":5000,"seats":null,"add_ons":[],"cadence":"monthly"}""";

    [Fact]
    public void Account_created_is_the_account_without_its_customer_or_login() => AssertSingle(
        WebhookAccountCreatedConsumer.Map(new AccountCreated(Account, Partner, "Bakery", Plus, "partner", Profile, "pending", At, "notices@agency.test")),
        "account.created",
        $$"""{"id":"{{Acc}}","name":"Bakery","status":"pending","plan":{{PlusJson}},"payer":"partner","notification_email":"notices@agency.test","billing_profile_id":"bp_0190a1b2000070008000000000000004","created_at":"2026-12-02T04:05:06Z"}""");

    [Fact]
    public void Account_status_changed_carries_the_status_before_in_previous_attributes() => AssertSingle(
        WebhookAccountStatusChangedConsumer.Map(new AccountStatusChanged(Account, Partner, "pending", "active", "monthly", "partner", At)),
        "account.status_changed",
        $$"""{"id":"{{Acc}}","status":"active","payer":"partner"}""",
        """{"status":"pending"}""");

    [Fact]
    public void Account_plan_changed_carries_the_plan_in_force_the_scheduled_one_and_the_plan_before() => AssertSingle(
        WebhookAccountPlanChangedConsumer.Map(new AccountPlanChanged(Account, Partner, Plus, Pro, Plus, At, Profile)),
        "account.plan_changed",
        $$"""{"id":"{{Acc}}","plan":{{ProJson}},"scheduled_plan":{{PlusJson}},"billing_profile_id":"bp_0190a1b2000070008000000000000004"}""",
        $$"""{"plan":{{PlusJson}} }""");

    [Fact]
    public void Account_payer_changed_carries_the_payer_before_in_previous_attributes() => AssertSingle(
        WebhookPayerChangedConsumer.Map(new PayerChanged(Account, Partner, "partner", "customer", Profile, "notices@agency.test", At)),
        "account.payer_changed",
        $$"""{"id":"{{Acc}}","payer":"customer","notification_email":"notices@agency.test"}""",
        """{"payer":"partner"}""");

    [Fact]
    public void Account_transferred_out_goes_to_the_former_partner_without_the_new_owner() => AssertSingle(
        WebhookAccountTransferredOutConsumer.Map(new AccountTransferredOut(Account, Partner, "owner@elsewhere.test", At)),
        "account.transferred_out",
        $$"""{"id":"{{Acc}}","status":"transferred","transferred_at":"2026-12-02T04:05:06Z"}""");

    [Fact]
    public void Invoice_issued_is_the_invoice_resource_as_it_stood_at_issue()
    {
        var issued = Issued(Payers.Partner);

        AssertSingle(WebhookInvoiceIssuedConsumer.Map(issued), "invoice.issued",
            $$"""
            {"id":"{{Inv}}","number":"R-2026-000042","status":"open","account_id":"{{Acc}}","payer":"partner","purpose":"renewal",
            "lines":[{"code":"marketing.plus","description":"Marketing Plus","quantity":1,"unit_amount":{"amount":4900,"currency":"EUR"},
            "amount":{"amount":4900,"currency":"EUR"},"discount":{"amount":490,"currency":"EUR"},"total":{"amount":4410,"currency":"EUR"} }],
            "subtotal":{"amount":4900,"currency":"EUR"},"discount_percent":10,"discount":{"amount":490,"currency":"EUR"},
            "total":{"amount":5292,"currency":"EUR"},"prepaid_applied":{"amount":0,"currency":"EUR"},"card_charged":{"amount":0,"currency":"EUR"},
            "amount_due":{"amount":5292,"currency":"EUR"},"period_start":"2026-12-02","period_end":"2027-01-01","issued_at":"2026-12-02T04:05:06Z",
            "paid_at":null,"credited":{"amount":0,"currency":"EUR"},"credit_notes":[],"due_date":"2026-12-16","tax_rate":20,
            "tax":{"amount":882,"currency":"EUR"},"reverse_charge":false,"language":"fr"}
            """);
    }

    [Fact]
    public void Invoice_issued_has_the_invoice_resources_names_in_its_order() =>
        Assert.Equal(
            typeof(Reseller.Billing.Invoices.InvoiceResponse).GetProperties().Select(p => p.Name).Except(["Issuer", "BillTo"]),
            typeof(WebhookIssuedInvoice).GetProperties().Select(p => p.Name));

    [Fact]
    public void Invoice_paid_is_the_invoices_summary_as_paid() => AssertSingle(
        WebhookInvoicePaidConsumer.Map(Paid(Payers.Partner, InvoicePurposes.Renewal)),
        "invoice.paid",
        $$"""
        {"id":"{{Inv}}","number":"R-2026-000042","status":"paid","account_id":"{{Acc}}","payer":"partner","purpose":"renewal",
        "total":{"amount":5292,"currency":"EUR"},"amount_due":{"amount":0,"currency":"EUR"},"period_start":"2026-12-02","period_end":"2027-01-01",
        "paid_at":"2026-12-02T04:05:06Z"}
        """);

    [Fact]
    public void A_paid_credit_pack_is_also_a_completed_credits_purchase()
    {
        var events = WebhookInvoicePaidConsumer.Map(Paid(Payers.Partner, InvoicePurposes.CreditPurchase, "cp_0190a1b2000070008000000000000005")).ToList();

        Assert.Equal(["invoice.paid", "credits.purchase_completed"], events.Select(e => e.Type));
        AssertBody(events[1], "credits.purchase_completed",
            $$"""{"id":"cp_0190a1b2000070008000000000000005","invoice_id":"{{Inv}}","account_id":null,"amount":{"amount":5292,"currency":"EUR"},"failure_code":null}""");
    }

    [Fact]
    public void Invoice_payment_failed_carries_the_failure_and_the_next_retry() => AssertSingle(
        WebhookPaymentFailedConsumer.Map(Failed(final: false, InvoicePurposes.Renewal), Payers.Partner),
        "invoice.payment_failed",
        $$"""
        {"id":"{{Inv}}","number":"R-2026-000042","status":"open","account_id":"{{Acc}}","purpose":"renewal","amount_due":{"amount":5292,"currency":"EUR"},
        "failure_code":"card_declined","attempt":2,"failed_at":"2026-12-02T04:05:06Z","next_retry_at":"2026-12-04T04:05:06Z"}
        """);

    [Fact]
    public void The_last_failure_is_also_invoice_uncollectible_and_a_failed_credit_pack_a_failed_credits_purchase()
    {
        var events = WebhookPaymentFailedConsumer.Map(Failed(final: true, InvoicePurposes.CreditPurchase), Payers.Partner).ToList();

        Assert.Equal(["invoice.payment_failed", "invoice.uncollectible", "credits.purchase_failed"], events.Select(e => e.Type));
        AssertBody(events[1], "invoice.uncollectible",
            $$"""
            {"id":"{{Inv}}","number":"R-2026-000042","status":"uncollectible","account_id":"{{Acc}}","purpose":"credit_purchase",
            "amount_due":{"amount":5292,"currency":"EUR"},"failure_code":"card_declined","attempt":2,"failed_at":"2026-12-02T04:05:06Z","next_retry_at":null}
            """);
        AssertBody(events[2], "credits.purchase_failed",
            $$"""{"id":null,"invoice_id":"{{Inv}}","account_id":"{{Acc}}","amount":{"amount":5292,"currency":"EUR"},"failure_code":"card_declined"}""");
    }

    [Fact]
    public void Credit_note_issued_is_the_credit_note_resource() => AssertSingle(
        WebhookCreditNoteIssuedConsumer.Map(new CreditNoteIssued(Other, "CN-2026-000007", Invoice, Partner, Account, Payers.Partner, 1200, "EUR", At)),
        "credit_note.issued",
        $$"""{"id":"cn_0190a1b2000070008000000000000005","number":"CN-2026-000007","invoice_id":"{{Inv}}","account_id":"{{Acc}}","amount":{"amount":1200,"currency":"EUR"},"issued_at":"2026-12-02T04:05:06Z"}""");

    [Fact]
    public void Commission_earned_is_the_earning_never_the_customers_invoice() => AssertSingle(
        WebhookCommissionEarnedConsumer.Map(new CommissionEarned(Other, Partner, Account, Invoice, "cashback", 735, "EUR", new DateOnly(2026, 12, 1), At)),
        "commission.earned",
        $$"""{"id":"ern_0190a1b2000070008000000000000005","account_id":"{{Acc}}","invoice_id":"{{Inv}}","kind":"cashback","amount":{"amount":735,"currency":"EUR"},"month":"2026-12","earned_at":"2026-12-02T04:05:06Z"}""");

    [Fact]
    public void Commission_statement_paid_is_the_statement_without_the_payout_address() => AssertSingle(
        WebhookStatementPaidConsumer.Map(new CommissionStatementPaid(Other, Partner, new DateOnly(2026, 11, 1), 12345, "EUR", "PAYOUT-1", "agency@paypal.test", At)),
        "commission.statement_paid",
        """{"id":"cst_0190a1b2000070008000000000000005","month":"2026-11","status":"paid","total":{"amount":12345,"currency":"EUR"},"payout_reference":"PAYOUT-1","paid_at":"2026-12-02T04:05:06Z"}""");

    [Fact]
    public void A_customer_paid_invoice_is_the_customers_alone_and_never_reaches_the_partner()
    {
        Assert.Empty(WebhookInvoiceIssuedConsumer.Map(Issued(Payers.Customer)));
        Assert.Empty(WebhookInvoicePaidConsumer.Map(Paid(Payers.Customer, InvoicePurposes.Renewal)));
        Assert.Empty(WebhookPaymentFailedConsumer.Map(Failed(final: true, InvoicePurposes.Renewal), Payers.Customer));
        Assert.Empty(WebhookPaymentFailedConsumer.Map(Failed(final: true, InvoicePurposes.Renewal), payer: null));
        Assert.Empty(WebhookCreditNoteIssuedConsumer.Map(new CreditNoteIssued(Other, "CN-1", Invoice, Partner, Account, Payers.Customer, 1, "EUR", At)));
    }

    private static InvoiceIssued Issued(string payer) => new(
        Invoice, "R-2026-000042", Partner, Account, payer, InvoicePurposes.Renewal, "open", "EUR",
        [new InvoiceIssuedLine("marketing.plus", "Marketing Plus", 1, 4900, 4900, 490, 4410)],
        4900, 10, 490, 20m, 882, false, 5292, 5292, new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 1), At, new DateOnly(2026, 12, 16), "fr", null);

    private static InvoicePaid Paid(string payer, string purpose, string? reference = null) => new(
        Invoice, "R-2026-000042", Partner, purpose == InvoicePurposes.CreditPurchase ? null : Account, purpose, payer, 5292, "EUR",
        new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 1), At, reference);

    private static PaymentFailed Failed(bool final, string purpose) => new(
        Invoice, "R-2026-000042", Partner, Account, purpose, 5292, "EUR", "card_declined", At, 2, final ? null : At.AddDays(2), final);

    private static void AssertSingle(IEnumerable<WebhookEvent> events, string type, string expectedObject, string? expectedPrevious = null) =>
        AssertBody(Assert.Single(events), type, expectedObject, expectedPrevious);

    private static void AssertBody(WebhookEvent e, string type, string expectedObject, string? expectedPrevious = null)
    {
        Assert.Equal(Partner, e.PartnerId);
        Assert.Equal(type, e.Type);
        var body = JsonNode.Parse(WebhookPayloads.Serialize(EventId, e.Type, e.CreatedAt, e.Resource, e.PreviousAttributes))!.AsObject();
        Assert.Equal(["id", "type", "created_at", "api_version", "data"], body.Select(p => p.Key));
        Assert.Equal("evt_0190a1b20000700080000000000000ee", body["id"]!.GetValue<string>());
        Assert.Equal(type, body["type"]!.GetValue<string>());
        Assert.Equal("2026-12-02T04:05:06Z", body["created_at"]!.GetValue<string>());
        Assert.Equal("v1", body["api_version"]!.GetValue<string>());
        var data = body["data"]!.AsObject();
        Assert.Equal(expectedPrevious is null ? ["object"] : ["object", "previous_attributes"], data.Select(p => p.Key));
        Assert.Equal(Compact(expectedObject), data["object"]!.ToJsonString());
        if (expectedPrevious is not null)
        {
            Assert.Equal(Compact(expectedPrevious), data["previous_attributes"]!.ToJsonString());
        }
    }

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
