using Reseller.Billing.Invoices;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// What an invoice still asks for as prepaid credit and the card settle it, and what it refuses: 4,900 less 10 % is 4,410
/// due.
/// </summary>
public sealed class InvoiceSettlementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static Invoice Renewal(long listPrice = 4900) => Invoice.Issue(
        new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", InvoicePurposes.Renewal, new DateOnly(2026, 12, 6), new DateOnly(2027, 1, 6)),
        "RSL-2026-000042",
        new PriceBreakdown([new PriceLine("plan", "Marketing plus", 1, listPrice, true).WithDiscountPercent(10)], "USD", 10),
        Now);

    [Fact]
    public void Prepaid_credit_lowers_what_is_due_and_the_card_pays_the_rest()
    {
        var invoice = Renewal();

        invoice.ApplyPrepaid(1_000);
        Assert.Equal(3_410, invoice.AmountDue);
        invoice.PayByCard(3_410, Now);

        Assert.Equal((InvoiceStatus.Paid, 0L, 1_000L, 3_410L, (DateTimeOffset?)Now), (invoice.Status, invoice.AmountDue, invoice.PrepaidApplied, invoice.CardCharged, invoice.PaidAt));
    }

    [Fact]
    public void A_void_invoice_asks_for_nothing()
    {
        var invoice = Renewal();

        invoice.Void();

        Assert.Equal(0, invoice.AmountDue);
    }

    [Fact]
    public void An_invoice_of_nothing_is_paid_as_it_is_issued_and_any_other_waits_open()
    {
        var free = Renewal(listPrice: 0);
        var due = Renewal();

        Assert.Equal((InvoiceStatus.Paid, (DateTimeOffset?)Now), (free.Status, free.PaidAt));
        Assert.Equal((InvoiceStatus.Open, (DateTimeOffset?)null), (due.Status, due.PaidAt));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4_410)]
    public void Prepaid_credit_pays_nothing_up_to_all_that_is_due(long amount)
    {
        var invoice = Renewal();

        invoice.ApplyPrepaid(amount);

        Assert.Equal(4_410 - amount, invoice.AmountDue);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4_411)]
    public void Prepaid_credit_below_nothing_or_over_what_is_due_is_refused(long amount)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Renewal().ApplyPrepaid(amount));

        Assert.Contains("cannot apply to 4410 due", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_invoice_takes_no_prepaid_credit_and_no_card_payment_not_even_of_nothing()
    {
        var invoice = Renewal();
        invoice.PayByCard(4_410, Now);

        Assert.Throws<InvalidOperationException>(() => invoice.ApplyPrepaid(0));
        var paidAgain = Assert.Throws<InvalidOperationException>(() => invoice.PayByCard(0, Now));
        Assert.Contains("is Paid, not open", paidAgain.Message, StringComparison.Ordinal);
        Assert.Equal(4_410, invoice.CardCharged);
    }

    [Fact]
    public void A_card_payment_that_does_not_settle_what_is_due_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Renewal().PayByCard(4_000, Now));

        Assert.Contains("a card payment of 4000 does not settle 4410", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_open_invoice_is_voided_or_counts_a_failed_charge()
    {
        var invoice = Renewal();
        invoice.Void();

        Assert.Contains("is Void, not open", Assert.Throws<InvalidOperationException>(invoice.Void).Message, StringComparison.Ordinal);
        Assert.Contains("is Void, not open", Assert.Throws<InvalidOperationException>(() => invoice.RegisterFailedCharge(Now, retryable: true)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Renew_pressed_after_the_last_scheduled_retry_failed_leaves_that_retry_the_last_one()
    {
        var invoice = Renewal();
        invoice.RegisterFailedCharge(Now, retryable: true);
        invoice.RegisterFailedCharge(Now.AddDays(1), retryable: true);
        invoice.RegisterFailedCharge(Now.AddDays(3), retryable: true);

        invoice.StartRequestedRetry();
        Assert.False(invoice.RegisterFailedCharge(Now.AddDays(4), retryable: true));

        Assert.Equal((InvoiceStatus.Open, 3, (DateTimeOffset?)Now.AddDays(5)), (invoice.Status, invoice.FailedAttempts, invoice.NextRetryAt));
    }
}
