using Reseller.Partners.Commissions;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Partners;

public sealed class StatementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly November = new(2026, 11, 1);

    [Fact]
    public void A_statement_totals_its_lines_and_is_held_without_a_paypal_address()
    {
        var partner = Guid.CreateVersion7();
        Earning[] lines =
        [
            Earning.ForInvoice(partner, null, Guid.CreateVersion7(), "INV-1", EarningKinds.Commission, 4900, 980, "USD", November, Now),
            Earning.ForInvoice(partner, null, Guid.CreateVersion7(), "INV-2", EarningKinds.Cashback, 4900, 735, "USD", November, Now),
        ];
        var held = Statement.Close(partner, November, lines, "USD", hasPaypal: false, Now);
        var pending = Statement.Close(partner, November, lines, "USD", hasPaypal: true, Now);

        Assert.Equal(1715, held.Total);
        Assert.Equal(2, held.LineCount);
        Assert.Equal(StatementStatus.Held, held.Status);
        Assert.Equal(StatementStatus.Pending, pending.Status);
    }

    [Fact]
    public void A_statement_is_paid_once_and_never_while_held()
    {
        var statement = Statement.Close(Guid.CreateVersion7(), November, [], "USD", hasPaypal: false, Now);

        Assert.Equal(409, Assert.Throws<ProblemException>(() => statement.MarkPaid("PP-1", Now, anotherMonthOwedBack: false)).Status);
        statement.Release();
        statement.MarkPaid("PP-1", Now, anotherMonthOwedBack: false);
        Assert.Equal(StatementStatus.Paid, statement.Status);
        Assert.Equal("PP-1", statement.PayoutReference);
        Assert.Equal(409, Assert.Throws<ProblemException>(() => statement.MarkPaid("PP-2", Now, anotherMonthOwedBack: false)).Status);
        statement.Hold();
        Assert.Equal(StatementStatus.Paid, statement.Status);
    }
}
