using Reseller.Billing.Invoices;
using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;
using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Billing;

public sealed class DunningScheduleTests
{
    private static readonly DateTimeOffset FirstFailure = new(2026, 12, 23, 0, 30, 0, TimeSpan.Zero);

    private static Invoice RenewalInvoice() => Invoice.Issue(
        new IssueInvoice(Guid.NewGuid(), Guid.NewGuid(), "partner", InvoicePurposes.Renewal, new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 23)),
        "RSL-2026-000042",
        new PriceBreakdown([new PriceLine("plan", "Marketing plus", 1, 4900, true).WithDiscountPercent(10)], "USD", 10),
        FirstFailure);

    [Fact]
    public void A_failed_renewal_is_retried_1_3_and_5_days_after_the_first_failure_then_is_uncollectible()
    {
        var invoice = RenewalInvoice();

        Assert.False(invoice.RegisterFailedCharge(FirstFailure, retryable: true));
        Assert.Equal(FirstFailure.AddDays(1), invoice.NextRetryAt);
        Assert.False(invoice.RegisterFailedCharge(FirstFailure.AddDays(1), retryable: true));
        Assert.Equal(FirstFailure.AddDays(3), invoice.NextRetryAt);
        Assert.False(invoice.RegisterFailedCharge(FirstFailure.AddDays(3), retryable: true));
        Assert.Equal(FirstFailure.AddDays(5), invoice.NextRetryAt);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);

        Assert.True(invoice.RegisterFailedCharge(FirstFailure.AddDays(5), retryable: true));
        Assert.Equal(InvoiceStatus.Uncollectible, invoice.Status);
        Assert.Null(invoice.NextRetryAt);
        Assert.Equal(4, invoice.FailedAttempts);
    }

    [Fact]
    public void Renewals_asked_for_between_two_retries_that_fail_leave_the_schedule_as_it_was()
    {
        var invoice = RenewalInvoice();
        Assert.False(invoice.RegisterFailedCharge(FirstFailure, retryable: true));

        // The partner presses Renew three times on the day of the failure, on a card that declines again.
        for (var press = 1; press <= 3; press++)
        {
            invoice.StartRequestedRetry();
            Assert.False(invoice.RegisterFailedCharge(FirstFailure.AddHours(press), retryable: true));
        }

        Assert.Equal((InvoiceStatus.Open, 1, (DateTimeOffset?)FirstFailure.AddDays(1)), (invoice.Status, invoice.FailedAttempts, invoice.NextRetryAt));
        invoice.StartRetry();
        Assert.False(invoice.RegisterFailedCharge(FirstFailure.AddDays(1), retryable: true));
        Assert.Equal((2, (DateTimeOffset?)FirstFailure.AddDays(3)), (invoice.FailedAttempts, invoice.NextRetryAt));
    }

    [Fact]
    public void A_failure_names_the_period_it_failed_to_pay_so_a_consumer_that_saw_it_paid_ignores_it()
    {
        var invoice = RenewalInvoice();
        invoice.RegisterFailedCharge(FirstFailure, retryable: true);

        var failed = InvoiceEvents.Failed(invoice, "card_declined", FirstFailure);

        Assert.Equal(new DateOnly(2027, 1, 23), failed.PeriodEnd);
        Assert.Equal(invoice.NextRetryAt, failed.NextRetryAt);
        Assert.False(failed.Final);
    }

    [Fact]
    public void A_retry_that_succeeds_pays_the_open_amount_and_stops_dunning()
    {
        var invoice = RenewalInvoice();
        invoice.RegisterFailedCharge(FirstFailure, retryable: true);

        invoice.StartRetry();
        invoice.PayByCard(4410, FirstFailure.AddDays(1));

        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Null(invoice.NextRetryAt);
        Assert.Equal(0, invoice.AmountDue);
    }

    [Fact]
    public void A_first_period_failure_is_not_retried_by_dunning()
    {
        var invoice = RenewalInvoice();

        Assert.False(invoice.RegisterFailedCharge(FirstFailure, retryable: false));
        Assert.Null(invoice.NextRetryAt);
        Assert.Equal(InvoiceStatus.Open, invoice.Status);
    }

    [Fact]
    public void A_paid_invoice_cannot_be_paid_again()
    {
        var invoice = RenewalInvoice();
        invoice.PayByCard(4410, FirstFailure);

        Assert.Throws<InvalidOperationException>(() => invoice.PayByCard(4410, FirstFailure));
        Assert.Throws<InvalidOperationException>(() => invoice.RegisterFailedCharge(FirstFailure, retryable: true));
    }

    [Fact]
    public void A_renewal_replaced_at_a_lower_price_hands_its_dunning_to_the_replacement_and_is_voided()
    {
        var invoice = RenewalInvoice();
        invoice.RegisterFailedCharge(FirstFailure, retryable: true);
        invoice.RegisterFailedCharge(FirstFailure.AddDays(1), retryable: true);
        var lower = new PriceBreakdown([new PriceLine("plan", "Marketing lite", 1, 2900, true).WithDiscountPercent(10)], "USD", 10);

        var replacement = invoice.ReplaceWith("RSL-2026-000043", lower, FirstFailure.AddDays(2), InvoiceHeading.None);

        Assert.Equal(InvoiceStatus.Void, invoice.Status);
        Assert.Null(invoice.NextRetryAt);
        Assert.Equal((InvoiceStatus.Open, 2610L, invoice.PeriodStart, invoice.PeriodEnd, invoice.Purpose, invoice.AccountId),
            (replacement.Status, replacement.AmountDue, replacement.PeriodStart, replacement.PeriodEnd, replacement.Purpose, replacement.AccountId));
        Assert.Equal((2, FirstFailure, FirstFailure.AddDays(3)), (replacement.FailedAttempts, replacement.FirstFailedAt, replacement.NextRetryAt));
        // Its next two failures are dunning's last attempts, as they would have been the renewal's.
        Assert.False(replacement.RegisterFailedCharge(FirstFailure.AddDays(3), retryable: true));
        Assert.True(replacement.RegisterFailedCharge(FirstFailure.AddDays(5), retryable: true));
        Assert.Equal(InvoiceStatus.Uncollectible, replacement.Status);
    }

    [Fact]
    public void Only_an_open_invoice_is_replaced()
    {
        var invoice = RenewalInvoice();
        invoice.PayByCard(4410, FirstFailure);

        Assert.Throws<InvalidOperationException>(() => invoice.ReplaceWith("RSL-2026-000043", new PriceBreakdown([], "USD", 0), FirstFailure,
            InvoiceHeading.None));
    }
}
