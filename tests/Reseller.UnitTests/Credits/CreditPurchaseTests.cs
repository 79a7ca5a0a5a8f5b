using Reseller.Credits.Ledger;
using Reseller.Credits.Purchases;

namespace Reseller.UnitTests.Credits;

public sealed class CreditPurchaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static CreditPurchase Ordered() => CreditPurchase.Order(Guid.NewGuid(), CreditKind.Sms, 1000, null, Now);

    [Fact]
    public void A_retry_is_the_same_order_only_for_the_same_kind_pack_and_holder()
    {
        var account = Guid.NewGuid();
        var purchase = CreditPurchase.Order(Guid.NewGuid(), CreditKind.Prepaid, 5000, account, Now, "key-1");

        Assert.Equal("key-1", purchase.IdempotencyKey);
        Assert.True(purchase.IsOrderOf(CreditKind.Prepaid, 5000, account));
        Assert.False(purchase.IsOrderOf(CreditKind.Prepaid, 10000, account));
        Assert.False(purchase.IsOrderOf(CreditKind.Prepaid, 5000, null));
        Assert.False(purchase.IsOrderOf(CreditKind.Sms, 5000, account));
    }

    [Fact]
    public void A_refused_charge_makes_a_pending_purchase_failed_with_the_newest_failure_code()
    {
        var purchase = Ordered();

        purchase.Fail("card_declined", Now.AddMinutes(1));
        purchase.Fail("stale", Now);

        Assert.Equal(PurchaseStatus.Failed, purchase.Status);
        Assert.Equal("card_declined", purchase.FailureCode);
        Assert.Equal(Now.AddMinutes(1), purchase.FailedAt);
    }

    [Fact]
    public void A_failed_purchase_paid_later_completes_once_and_a_late_failure_never_undoes_it()
    {
        var purchase = Ordered();
        var invoiceId = Guid.NewGuid();
        purchase.Fail("card_declined", Now);

        Assert.True(purchase.Complete(invoiceId, Now.AddDays(1)));
        Assert.False(purchase.Complete(invoiceId, Now.AddDays(2)));
        purchase.Fail("card_declined", Now.AddDays(3));

        Assert.Equal(PurchaseStatus.Completed, purchase.Status);
        Assert.Equal(invoiceId, purchase.InvoiceId);
        Assert.Equal(Now.AddDays(1), purchase.CreditedAt);
    }

    [Theory]
    [InlineData("pending", PurchaseStatus.Pending)]
    [InlineData("failed", PurchaseStatus.Failed)]
    [InlineData("completed", PurchaseStatus.Completed)]
    public void Statuses_read_back_what_the_api_writes(string name, PurchaseStatus status)
    {
        Assert.Equal(name, PurchaseStatuses.Name(status));
        Assert.Equal(status, PurchaseStatuses.Parse(name));
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("1")]
    [InlineData("credited")]
    public void An_unknown_status_filter_is_a_validation_problem(string name)
    {
        var problem = Assert.Throws<Reseller.ServiceDefaults.Problems.ProblemException>(() => PurchaseStatuses.Parse(name));
        Assert.Equal(400, problem.Status);
    }
}
