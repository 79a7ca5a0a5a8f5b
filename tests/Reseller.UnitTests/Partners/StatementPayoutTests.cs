using Reseller.Partners.Commissions;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Partners;

/// <summary>
/// DOMAIN.md "Partners and commissions": a pending statement is paid out through a payout batch. While the batch pays it,
/// it is processing and cannot be paid by hand; the provider's answer makes it paid, or pending again with the reason.
/// </summary>
public sealed class StatementPayoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly November = new(2026, 11, 1);

    private static Statement Closed(bool hasPaypal = true)
    {
        var partner = Guid.CreateVersion7();
        Earning[] lines = [Earning.ForInvoice(partner, null, Guid.CreateVersion7(), "RSL-2026-000009", EarningKinds.Cashback, 4900, 735, "USD", November, Now)];
        return Statement.Close(partner, November, lines, "USD", hasPaypal, Now);
    }

    [Fact]
    public void A_pending_statement_joins_a_batch_and_is_processing_until_the_provider_answers()
    {
        var statement = Closed();
        var batch = Guid.CreateVersion7();

        statement.StartPayout(batch, "agency@example.test");

        Assert.Equal((StatementStatus.Processing, (Guid?)batch), (statement.Status, statement.PayoutBatchId));
        Assert.Null(statement.ProviderBatchId);
        Assert.Null(statement.PayoutReference);
        Assert.Null(statement.PaidAt);
    }

    [Fact]
    public void The_provider_batch_id_is_recorded_once_the_batch_is_sent()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");

        statement.PayoutSent("PB-42");

        Assert.Equal(("PB-42", StatementStatus.Processing), (statement.ProviderBatchId, statement.Status));
    }

    [Theory]
    [InlineData(false)] // held: the partner has no PayPal e-mail
    [InlineData(true)] // paid by hand already
    public void Only_a_pending_statement_joins_a_batch(bool paidBefore)
    {
        var statement = Closed(hasPaypal: paidBefore);
        if (paidBefore)
        {
            statement.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false);
        }
        var status = statement.Status;

        var refused = Assert.Throws<InvalidOperationException>(() => statement.StartPayout(Guid.CreateVersion7(), "agency@example.test"));

        Assert.Contains($"is {status}, not pending", refused.Message);
        Assert.Equal(status, statement.Status);
        Assert.Null(statement.PayoutBatchId);
    }

    [Fact]
    public void A_statement_in_a_batch_cannot_join_another_one()
    {
        var statement = Closed();
        var first = Guid.CreateVersion7();
        statement.StartPayout(first, "agency@example.test");

        Assert.Throws<InvalidOperationException>(() => statement.StartPayout(Guid.CreateVersion7(), "agency@example.test"));
        Assert.Equal(first, statement.PayoutBatchId);
    }

    [Fact]
    public void A_statement_a_batch_is_paying_cannot_be_marked_paid_by_hand()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");

        var conflict = Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false));

        Assert.Equal((409, ProblemTypes.Uri("statement-payout-in-progress")), (conflict.Status, conflict.Type));
        Assert.Contains("payout batch is paying", conflict.Title);
        Assert.Equal((StatementStatus.Processing, (string?)null), (statement.Status, statement.PayoutReference));
    }

    [Fact]
    public void A_succeeded_payout_makes_the_statement_paid_with_the_provider_reference()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");
        statement.PayoutSent("PB-42");

        statement.PayoutSucceeded("ITEM-7", Now.AddHours(2));

        Assert.Equal((StatementStatus.Paid, "ITEM-7", (DateTimeOffset?)Now.AddHours(2)), (statement.Status, statement.PayoutReference, statement.PaidAt));
        Assert.Equal(409, Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-2", Now.AddDays(1), anotherMonthOwedBack: false)).Status);
    }

    [Fact]
    public void A_failed_payout_makes_the_statement_pending_again_with_the_reason_for_a_later_batch()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");
        statement.PayoutSent("PB-42");

        statement.PayoutFailed("unclaimed");

        Assert.Equal((StatementStatus.Pending, "unclaimed"), (statement.Status, statement.PayoutFailure));
        Assert.Null(statement.PayoutBatchId);
        Assert.Null(statement.ProviderBatchId);
        Assert.Null(statement.PayoutReference);
    }

    [Fact]
    public void The_next_batch_clears_the_last_failure()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");
        statement.PayoutSent("PB-42");
        statement.PayoutFailed("failed");
        var next = Guid.CreateVersion7();

        statement.StartPayout(next, "agency@example.test");

        Assert.Equal((StatementStatus.Processing, (Guid?)next), (statement.Status, statement.PayoutBatchId));
        Assert.Null(statement.ProviderBatchId);
        Assert.Null(statement.PayoutFailure);
    }

    [Fact]
    public void A_long_failure_reason_is_kept_to_its_first_500_characters()
    {
        var statement = Closed();
        statement.StartPayout(Guid.CreateVersion7(), "agency@example.test");
        var reason = new string('x', 500) + "tail";

        statement.PayoutFailed(reason);

        Assert.Equal(new string('x', 500), statement.PayoutFailure);
    }
}
